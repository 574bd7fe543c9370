/**
 * Returns a deep copy of a record, Dates included, so a caller that changes what it passed in or
 * got back cannot change the stored state.
 */
export function copy<Value>(value: Value): Value {
  return structuredClone(value);
}

/** Joins the parts of a composite key with a separator that ids and dates never contain. */
export function compositeKey(...parts: readonly string[]): string {
  return parts.join('\u0000');
}
