import { mergeFields } from './catalogue.js';
import type { MergeField } from './types.js';

// Match ranks, best first.
const EXACT_KEY = 0;
const KEY_PREFIX = 1;
const LABEL_WORD_PREFIX = 2;
const SUBSTRING = 3;

/**
 * Searches the catalogue for the `{{` drop-down. A field matches when the query, trimmed, is part
 * of its key or label, ignoring case. Results come best first: exact key, then key prefix, then a
 * label word starting with the query, then any other match; ties keep catalogue order. An empty
 * query returns the whole catalogue.
 *
 * @param catalogue - fields to search. @default the built-in fields
 */
export function searchMergeFields(
  query: string,
  catalogue: readonly MergeField[] = mergeFields,
): MergeField[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...catalogue];

  const ranked: { field: MergeField; rank: number; index: number }[] = [];
  catalogue.forEach((field, index) => {
    const rank = rankMatch(field, needle);
    if (rank !== undefined) ranked.push({ field, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);

  return ranked.map((entry) => entry.field);
}

function rankMatch(field: MergeField, needle: string): number | undefined {
  const key = field.key.toLowerCase();
  if (key === needle) return EXACT_KEY;
  if (key.startsWith(needle)) return KEY_PREFIX;

  const label = field.label.toLowerCase();
  if (startsAtWord(label, needle)) return LABEL_WORD_PREFIX;
  if (key.includes(needle) || label.includes(needle)) return SUBSTRING;

  return undefined;
}

/** Returns whether `needle` occurs in `label` at the start of a word. */
function startsAtWord(label: string, needle: string): boolean {
  let at = label.indexOf(needle);
  while (at !== -1) {
    if (at === 0 || !isWordCharacter(label.charCodeAt(at - 1))) return true;
    at = label.indexOf(needle, at + 1);
  }

  return false;
}

function isWordCharacter(code: number): boolean {
  const isDigit = code >= 48 && code <= 57;
  const isLetter = (code >= 97 && code <= 122) || code > 127;

  return isDigit || isLetter;
}
