/** Type of a merge field's value, which decides how it renders. */
export type MergeFieldType = 'text' | 'date' | 'number';

/** One entry of the merge-field catalogue, offered in the `{{` drop-down. */
export interface MergeField {
  /** Key written inside the braces, such as `firstName`. */
  key: string;
  /** Label shown in the drop-down, such as `First name`. */
  label: string;
  /** How the value renders. */
  type: MergeFieldType;
  /** An example value, shown beside the label. */
  example: string;
}

/** A problem in a template: an unknown field, an unclosed `{{`, or an expression. */
export interface TemplateProblem {
  /** Plain statement of the problem and the fix. */
  message: string;
  /** The field name at fault, when there is one. */
  field?: string;
  /** Offset of the problem in UTF-16 code units from the start of the text. */
  offset: number;
  /** Line of the problem, counting from 1. */
  line: number;
  /** Column of the problem, counting from 1, in UTF-16 code units. */
  column: number;
  /** Length of the text at fault from `offset`, in UTF-16 code units, for highlighting. */
  length: number;
}
