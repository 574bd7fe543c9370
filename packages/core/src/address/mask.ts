/**
 * Masks an email address or phone number for logs, keeping enough to tell messages apart:
 * `amara.okafor@example.com` becomes `a***@example.com` and `+447400100001` becomes
 * `+44*******001`. Text that is neither keeps its first character only.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at > 0) return `${address.slice(0, 1)}***${address.slice(at)}`;

  if (/^\+?\d{7,}$/.test(address)) return maskDigits(address);

  return address.length > 0 ? `${address.slice(0, 1)}***` : '';
}

function maskDigits(number: string): string {
  const shownPrefix = number.startsWith('+') ? 3 : 2;
  const hiddenDigits = number.length - shownPrefix - 3;

  return `${number.slice(0, shownPrefix)}${'*'.repeat(hiddenDigits)}${number.slice(-3)}`;
}
