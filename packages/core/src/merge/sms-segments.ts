/** Character encoding of an SMS. */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** Encoding and size of an SMS text, as returned by {@link smsSegments}. */
export interface SmsSegments {
  /** `GSM-7` when every character is in the GSM 7-bit default alphabet, else `UCS-2`. */
  encoding: SmsEncoding;
  /** Number of messages the text is sent as; 0 for an empty text. */
  segments: number;
  /** Size of the text: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
}

// GSM 7-bit default alphabet and its extension table, as 3GPP TS 23.038 defines them. The
// escape code 0x1B is left out because it only introduces an extension character.
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const GSM7_SEPTETS: ReadonlyMap<number, number> = new Map([
  ...[...GSM7_BASIC].map((character) => [character.charCodeAt(0), 1] as const),
  ...[...GSM7_EXTENSION].map((character) => [character.charCodeAt(0), 2] as const),
]);

const GSM7_SINGLE_SEGMENT = 160;
const GSM7_PER_SEGMENT = 153;
const UCS2_SINGLE_SEGMENT = 70;
const UCS2_PER_SEGMENT = 67;

/**
 * Returns the encoding and segment count of an SMS text. GSM-7 fits 160 septets in one segment
 * and 153 per segment when split, and its extension characters (`^ { } \ [ ~ ] | €` and form
 * feed) take two septets. Any other character, a decomposed accent included, makes the whole
 * text UCS-2, which fits 70 UTF-16 code units in one segment and 67 per segment when split. A
 * split never separates an extension character's two septets or a surrogate pair: the segment
 * ends early instead.
 */
export function smsSegments(text: string): SmsSegments {
  const sizes = gsm7Sizes(text);
  if (sizes)
    return { encoding: 'GSM-7', ...countSegments(sizes, GSM7_SINGLE_SEGMENT, GSM7_PER_SEGMENT) };

  return {
    encoding: 'UCS-2',
    ...countSegments(utf16Sizes(text), UCS2_SINGLE_SEGMENT, UCS2_PER_SEGMENT),
  };
}

/** Returns the septets of each character, or `undefined` when one is not in GSM-7. */
function gsm7Sizes(text: string): number[] | undefined {
  const sizes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const septets = GSM7_SEPTETS.get(text.charCodeAt(index));
    if (septets === undefined) return undefined;
    sizes.push(septets);
  }

  return sizes;
}

/** Returns the UTF-16 code units of each character, counting a surrogate pair as one of 2. */
function utf16Sizes(text: string): number[] {
  const sizes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const isPair =
      isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1));
    sizes.push(isPair ? 2 : 1);
    if (isPair) index++;
  }

  return sizes;
}

function countSegments(
  sizes: readonly number[],
  singleSegment: number,
  perSegment: number,
): Pick<SmsSegments, 'segments' | 'units'> {
  let units = 0;
  for (const size of sizes) units += size;
  if (units <= singleSegment) return { segments: units === 0 ? 0 : 1, units };

  let segments = 1;
  let filled = 0;
  for (const size of sizes) {
    if (filled + size > perSegment) {
      segments++;
      filled = 0;
    }
    filled += size;
  }

  return { segments, units };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
