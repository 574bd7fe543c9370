import { MONTH_NAMES, parseCalendarDate } from '../model/calendar-date.js';

// Control characters (C0, DEL, C1 including NEL) and the Unicode line and paragraph separators.
const LINE_BREAKING = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const LINE_BREAKING_RUNS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;

// Formatted dates by their `YYYY-MM-DD` text. Learners share few distinct dates, so a small
// cache spares the runner a parse per message; it is emptied when full, which bounds its memory.
const formattedDates = new Map<string, string>();
const MAX_CACHED_DATES = 4096;

/**
 * Formats a `YYYY-MM-DD` date in British form, such as `4 December 2026`, from the text's own
 * parts, so the result never depends on the process time zone. Text that is not a real calendar
 * date is returned unchanged.
 */
export function formatBritishDate(text: string): string {
  const cached = formattedDates.get(text);
  if (cached !== undefined) return cached;

  const parts = parseCalendarDate(text);
  if (!parts) return text;

  const formatted = `${parts.day} ${MONTH_NAMES[parts.month - 1]} ${parts.year}`;
  if (formattedDates.size >= MAX_CACHED_DATES) formattedDates.clear();
  formattedDates.set(text, formatted);

  return formatted;
}

/**
 * Converts a field value to text: a string as it is, a number with `String()`, anything else
 * (absent, null, an object) as an empty string.
 */
export function valueToText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);

  return '';
}

/** Converts a date field's value to text, formatting a `YYYY-MM-DD` string in British form. */
export function dateValueToText(value: unknown): string {
  return typeof value === 'string' ? formatBritishDate(value) : valueToText(value);
}

/** Escapes `&`, `<`, `>`, `"` and `'` so text is safe in HTML content and quoted attributes. */
export function escapeHtml(text: string): string {
  let output = '';
  let copied = 0;
  for (let index = 0; index < text.length; index++) {
    const entity = htmlEntityFor(text.charCodeAt(index));
    if (entity === undefined) continue;

    output += text.slice(copied, index) + entity;
    copied = index + 1;
  }

  return copied === 0 ? text : output + text.slice(copied);
}

function htmlEntityFor(code: number): string | undefined {
  switch (code) {
    case 38:
      return '&amp;';
    case 60:
      return '&lt;';
    case 62:
      return '&gt;';
    case 34:
      return '&quot;';
    case 39:
      return '&#39;';
    default:
      return undefined;
  }
}

/**
 * Keeps text to one line for a mail header: each run of control characters (CR, LF, tab, NEL and
 * the rest of C0 and C1) and Unicode line or paragraph separators becomes a single space.
 */
export function toSingleLine(text: string): string {
  if (!LINE_BREAKING.test(text)) return text;

  return text.replace(LINE_BREAKING_RUNS, ' ');
}
