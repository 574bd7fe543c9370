import { AutomationsError } from '@pics/automations-core';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ilrFileError } from '../errors.js';
import { formatPosition, type IlrElement } from './element.js';

/** Namespaces of ILR files, one per collection year, such as `ESFA/ILR/2018-19`. */
const ILR_NAMESPACE = /^E?SFA\/ILR\/\d{4}-\d{2}$/;

// ILR elements nest at most about six deep (Message.Learner.LearningDelivery.LearningDeliveryFAM
// .LearnDelFAMType). saxes resolves namespaces through every open element, so each start tag
// costs time in proportion to the depth, and a file of 100,000 nested elements took minutes.
const MAX_DEPTH = 32;

/** Options of {@link readMessageChildren}. */
export interface ReadMessageOptions {
  /** Name of the input, for messages. */
  source: string;
  /** Local names of the children of `Message` to read into memory; the others are passed over. */
  collect: ReadonlySet<string>;
}

interface MutableElement {
  name: string;
  line: number;
  column: number;
  text: string;
  children: MutableElement[];
}

interface OpenElement {
  name: string;
  line: number;
  column: number;
  /** The element being read into memory, when it or an ancestor is collected. */
  element: MutableElement | undefined;
}

/**
 * Streams the children of an ILR file's root `Message` element, yielding each collected child
 * (with its descendants) as soon as its end tag has been parsed. Text is fed to saxes chunk by
 * chunk, and the next chunk is read only when the caller asks for more, so memory contains one
 * chunk and the children completed in it.
 *
 * @throws {ValidationError} naming the element and its line and column when the text is not
 *   well-formed XML or its root is not `Message` in an ILR namespace.
 */
export async function* readMessageChildren(
  chunks: AsyncIterable<string>,
  options: ReadMessageOptions,
): AsyncGenerator<IlrElement> {
  const reader = new MessageReader(options);
  for await (const chunk of chunks) {
    yield* reader.write(chunk);
  }

  yield* reader.close();
}

class MessageReader {
  readonly #parser = new SaxesParser({ xmlns: true, position: true });
  readonly #options: ReadMessageOptions;
  readonly #open: OpenElement[] = [];
  #completed: IlrElement[] = [];
  #tagStart = { line: 1, column: 1 };

  constructor(options: ReadMessageOptions) {
    this.#options = options;
    this.#parser.on('opentagstart', (tag) => this.#onTagStart(tag.name));
    this.#parser.on('opentag', (tag) => this.#onOpen(tag));
    this.#parser.on('text', (text) => this.#onText(text));
    this.#parser.on('cdata', (text) => this.#onText(text));
    this.#parser.on('closetag', () => this.#onClose());
  }

  /** Parses one chunk and returns the children of `Message` completed in it. */
  write(chunk: string): IlrElement[] {
    this.#run(() => this.#parser.write(chunk));

    return this.#drain();
  }

  /** Ends the input, checking that every element was closed. */
  close(): IlrElement[] {
    this.#run(() => this.#parser.close());

    return this.#drain();
  }

  #drain(): IlrElement[] {
    const completed = this.#completed;
    this.#completed = [];

    return completed;
  }

  #run(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (error instanceof AutomationsError) throw error;

      throw this.#notWellFormed(error);
    }
  }

  // saxes reports the position after the tag name and the character that follows it, and a tag
  // name never spans lines, so the `<` is on the same line, that many columns earlier.
  #onTagStart(name: string): void {
    this.#tagStart = { line: this.#parser.line, column: this.#parser.column - name.length - 1 };
  }

  #onOpen(tag: SaxesTagNS): void {
    const { line, column } = this.#tagStart;
    const depth = this.#open.length;
    if (depth === 0) this.#checkRoot(tag);
    if (depth === MAX_DEPTH) this.#rejectDepth(tag);

    const parent = this.#open.at(-1)?.element;
    const collected = depth === 1 && this.#options.collect.has(tag.local);
    const element =
      parent !== undefined || collected
        ? { name: tag.local, line, column, text: '', children: [] }
        : undefined;
    if (parent !== undefined && element !== undefined) parent.children.push(element);

    this.#open.push({ name: tag.local, line, column, element });
  }

  #onText(text: string): void {
    const element = this.#open.at(-1)?.element;
    if (element !== undefined) element.text += text;
  }

  #onClose(): void {
    const closed = this.#open.pop();
    if (closed?.element === undefined) return;

    closed.element.text = closed.element.text.trim();
    if (this.#open.length === 1) this.#completed.push(closed.element);
  }

  #checkRoot(tag: SaxesTagNS): void {
    if (tag.local === 'Message' && ILR_NAMESPACE.test(tag.uri)) return;

    const namespace = tag.uri ? `namespace "${tag.uri}"` : 'no namespace';
    throw ilrFileError(
      this.#options.source,
      tag.local,
      `the root element is <${tag.name}> in ${namespace} (at ${formatPosition(this.#tagStart)}), ` +
        'not <Message> in an ILR namespace such as "ESFA/ILR/2018-19": check that this is an ILR XML file',
    );
  }

  #rejectDepth(tag: SaxesTagNS): never {
    const path = this.#open.map((element) => element.name).join('.');
    throw ilrFileError(
      this.#options.source,
      path,
      `<${tag.name}> at ${formatPosition(this.#tagStart)} is nested more than ${MAX_DEPTH} ` +
        'elements deep, which no ILR file is: check that this is an ILR XML file',
    );
  }

  #notWellFormed(error: unknown): AutomationsError {
    const path = this.#open.map((element) => element.name).join('.');
    const position = { line: this.#parser.line, column: this.#parser.column + 1 };
    const detail =
      error instanceof Error
        ? error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')
        : String(error);
    const innermost = this.#open.at(-1);
    const inside = innermost
      ? ` inside <${innermost.name}> opened at ${formatPosition(innermost)}`
      : '';

    return ilrFileError(
      this.#options.source,
      path,
      `the XML is not well-formed at ${formatPosition(position)}${inside}: ${detail}. ` +
        'Export the file again or repair it',
    );
  }
}
