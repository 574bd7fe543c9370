import type { MergeField, TemplateProblem } from './types.js';

// TODO: placeholder until the merge-field parser lands; it accepts every template.
export function validateTemplate(
  _text: string,
  _catalogue?: readonly MergeField[],
): TemplateProblem[] {
  return [];
}
