/**
 * One XML element of an ILR file, read into memory with its descendants. Only small elements are
 * read this way (one `Learner`, one `LearnerDestinationandProgression`, the `Header`), never the
 * whole file.
 */
export interface IlrElement {
  /** Local name, without any namespace prefix, such as `LearnRefNumber`. */
  readonly name: string;
  /** Line of the element's `<`, counting from 1. */
  readonly line: number;
  /** Column of the element's `<`, counting from 1, in Unicode characters. */
  readonly column: number;
  /** Text directly inside the element, with leading and trailing white space removed. */
  readonly text: string;
  /** Child elements in document order. */
  readonly children: readonly IlrElement[];
}

/** Returns the first child element with this local name, or `undefined`. */
export function findChild(element: IlrElement, name: string): IlrElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** Returns every child element with this local name, in document order. */
export function findChildren(element: IlrElement, name: string): IlrElement[] {
  return element.children.filter((child) => child.name === name);
}

/**
 * Returns the text of the first child element with this local name, or `undefined` when there is
 * no such child or its text is empty.
 */
export function childText(element: IlrElement, name: string): string | undefined {
  const text = findChild(element, name)?.text;

  return text ? text : undefined;
}

/** Formats an element's position for messages, as `line 40, column 3`. */
export function formatPosition(position: { line: number; column: number }): string {
  return `line ${position.line}, column ${position.column}`;
}
