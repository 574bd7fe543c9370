/** Maximum length of the local part (before the `@`), per RFC 5321 section 4.5.3.1.1. */
const MAX_LOCAL_PART_LENGTH = 64;

/** Maximum address length: the 256-octet path of RFC 5321 less its two angle brackets. */
const MAX_ADDRESS_LENGTH = 254;

const WHITE_SPACE = /\s/u;

// Characters that delimit an address list or belong to quoted strings, comments, groups and
// address literals (RFC 5322 `specials` less `@` and `.`), and invisible format characters such
// as a zero-width space or a bidi override. A mail library reads `a,b@example.com` as two
// recipients, so an address with any of them is not usable.
const SPECIAL_OR_INVISIBLE = /[()<>[\]:;,\\"\p{Cf}]/u;

/**
 * Returns the trimmed email address when it is syntactically usable, or `undefined`.
 *
 * The check is syntactic, not a mailbox lookup. A usable address has exactly one `@`, a non-empty
 * local part of at most 64 characters, and a domain of non-empty labels with at least one dot. It
 * contains no white space, control characters, invisible format characters or the specials
 * `( ) < > [ ] : ; , \ "`, so quoted local parts and address literals are not accepted, and it is
 * at most 254 characters long.
 */
export function normalizeEmail(text: string | null | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;

  const address = text.trim();
  if (address.length === 0 || address.length > MAX_ADDRESS_LENGTH) return undefined;
  if (WHITE_SPACE.test(address) || hasControlCharacter(address)) return undefined;
  if (SPECIAL_OR_INVISIBLE.test(address)) return undefined;

  const parts = address.split('@');
  if (parts.length !== 2) return undefined;

  const [localPart = '', domain = ''] = parts;
  if (localPart.length === 0 || localPart.length > MAX_LOCAL_PART_LENGTH) return undefined;

  return isUsableDomain(domain) ? address : undefined;
}

function isUsableDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;

  return labels.every((label) => label.length > 0);
}

// C0 and C1 control characters and DEL never appear in a deliverable address.
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }

  return false;
}
