import {
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { AutomationsError, ErrorCode } from '../errors/errors.js';

/** Options of {@link normalizeMobile}. */
export interface NormalizeMobileOptions {
  /**
   * ISO 3166-1 alpha-2 region assumed for numbers written without a country code, such as
   * `07400 100001`. Its international dialling prefix is also understood (`00` for `GB`).
   * @default 'GB'
   */
  defaultRegion?: string | undefined;
}

/** Region assumed for national mobile numbers unless the host sets another. */
export const DEFAULT_PHONE_REGION = 'GB';

// Types that can receive an SMS. Some regions (the US among them) do not tell mobile and fixed
// numbers apart, so libphonenumber-js reports FIXED_LINE_OR_MOBILE for every valid number there.
const SMS_CAPABLE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * Returns a mobile number in E.164 form (`+447400100001`), or `undefined` when the text is not a
 * valid mobile number by libphonenumber-js's full metadata.
 *
 * `07400 100001`, `+44 (0)7400 100001` and `0044 7400 100001` all give `+447400100001` with the
 * `GB` region. Landlines, numbers of the wrong length and reserved ranges such as Ofcom's drama
 * numbers (`07700 900xxx`) give `undefined`.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `defaultRegion` is not a region
 *   in libphonenumber-js's metadata.
 */
export function normalizeMobile(
  text: string | null | undefined,
  options: NormalizeMobileOptions = {},
): string | undefined {
  const region = requirePhoneRegion(options.defaultRegion ?? DEFAULT_PHONE_REGION);
  if (typeof text !== 'string' || text.trim().length === 0) return undefined;

  const phoneNumber = parsePhoneNumberFromString(text, region);
  if (phoneNumber === undefined || !phoneNumber.isValid()) return undefined;

  const type = phoneNumber.getType();

  return type !== undefined && SMS_CAPABLE_TYPES.has(type) ? phoneNumber.number : undefined;
}

/**
 * Returns the region as a libphonenumber-js country code.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when the region is unknown.
 */
export function requirePhoneRegion(region: string): CountryCode {
  if (isSupportedCountry(region)) return region;

  throw new AutomationsError(
    ErrorCode.InvalidArgument,
    `Unknown phone region "${region}": use an ISO 3166-1 alpha-2 code in capitals, such as GB`,
  );
}
