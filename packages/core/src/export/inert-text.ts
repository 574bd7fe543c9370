// Characters that make a spreadsheet read a cell's text as a formula when the text is typed in,
// pasted, or reopened from a CSV copy of the sheet.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Returns text that a spreadsheet will not take for a formula. Text that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a single quote in front, as OWASP's advice on CSV
 * injection recommends. The quote stays visible in the cell, so the exported value always shows
 * that it was escaped, including after the sheet is saved as CSV.
 */
export function toInertText(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}
