// Elements that end a paragraph (a blank line) or a line in the plain text.
const PARAGRAPH_ELEMENTS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'blockquote',
]);
const LINE_ELEMENTS = new Set(['div', 'li', 'tr', 'ul', 'ol', 'hr']);
// Elements whose content is not shown text.
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'head', 'title']);

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
]);
// Maximum length of a decoded entity: `&#x10FFFF;` is 10 characters.
const MAX_ENTITY_LENGTH = 10;
const HREF_ATTRIBUTE = /\bhref\s*=\s*/i;

/**
 * Produces the plain-text part of an HTML email. Tags are removed, and `&amp;`, `&lt;`, `&gt;`,
 * `&quot;`, `&apos;`, `&nbsp;` and numeric character references are decoded. Whitespace runs
 * collapse to one space. Paragraphs and headings end with a blank line, while `<br>` and the ends
 * of `div`, `li` and table rows end a line. A link becomes `text (url)`. Script, style and head
 * content is dropped. Runs in time linear in the length of the input, whatever it contains.
 */
export function htmlToText(html: string): string {
  const writer = new TextWriter();
  let position = 0;
  let tagEnd = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    const textEnd = open === -1 ? html.length : open;
    writer.text(decodeEntities(collapseWhitespace(html.slice(position, textEnd))));
    if (open === -1) break;

    if (html.startsWith('<!--', open)) {
      const commentEnd = html.indexOf('-->', open + 4);
      position = commentEnd === -1 ? html.length : commentEnd + 3;
      continue;
    }

    // A '>' found earlier is still the first one after `open` while it lies ahead of `open`, and
    // `html.length` stands for no '>' at all, so each part of the input is searched once.
    if (tagEnd <= open) tagEnd = findTagEnd(html, open);
    const tag = tagEnd === html.length ? undefined : parseTag(html.slice(open + 1, tagEnd));
    if (!tag) {
      writer.text('<');
      position = open + 1;
      continue;
    }

    position = tagEnd + 1;
    if (!tag.closing && HIDDEN_ELEMENTS.has(tag.name)) {
      position = skipElementContent(html, position, tag.name);
    } else {
      writer.tag(tag);
    }
  }

  return writer.finish();
}

function findTagEnd(html: string, open: number): number {
  const end = html.indexOf('>', open + 1);

  return end === -1 ? html.length : end;
}

interface Tag {
  name: string;
  closing: boolean;
  href?: string;
}

/**
 * Parses the text between `<` and `>`, or returns `undefined` when it is not a tag. A declaration
 * such as `<!DOCTYPE html>` parses as a tag named `!`, which adds nothing to the text.
 */
function parseTag(content: string): Tag | undefined {
  if (content.startsWith('!') || content.startsWith('?')) return { name: '!', closing: false };

  const closing = content.startsWith('/');
  const nameStart = closing ? 1 : 0;
  let nameEnd = nameStart;
  while (nameEnd < content.length && isTagNameCharacter(content.charCodeAt(nameEnd), nameEnd)) {
    nameEnd++;
  }
  if (nameEnd === nameStart || !isLetter(content.charCodeAt(nameStart))) return undefined;

  const name = content.slice(nameStart, nameEnd).toLowerCase();
  const href = name === 'a' && !closing ? readHref(content) : undefined;

  return href === undefined ? { name, closing } : { name, closing, href };
}

function readHref(content: string): string | undefined {
  const match = HREF_ATTRIBUTE.exec(content);
  if (!match) return undefined;

  const start = match.index + match[0].length;
  const quote = content[start];
  if (quote === '"' || quote === "'") {
    const end = content.indexOf(quote, start + 1);

    return decodeEntities(content.slice(start + 1, end === -1 ? content.length : end));
  }

  let end = start;
  while (end < content.length && !isWhitespace(content.charCodeAt(end))) end++;

  return decodeEntities(content.slice(start, end));
}

/** Returns the position after the closing tag of a hidden element, or the end of the input. */
function skipElementContent(html: string, from: number, name: string): number {
  let position = html.indexOf('</', from);
  while (position !== -1) {
    const candidate = html.slice(position + 2, position + 2 + name.length).toLowerCase();
    const after = html.charCodeAt(position + 2 + name.length);
    if (candidate === name && !isTagNameCharacter(after, 1)) {
      const end = html.indexOf('>', position);

      return end === -1 ? html.length : end + 1;
    }
    position = html.indexOf('</', position + 2);
  }

  return html.length;
}

/** Collects plain text, keeping at most one blank line between blocks. */
class TextWriter {
  private readonly parts: string[] = [];
  private trailingNewlines = 0;
  private link: { href: string; partIndex: number } | undefined;

  text(text: string): void {
    if (text === '') return;

    this.parts.push(text);
    if (text.trim() !== '') this.trailingNewlines = 0;
  }

  tag(tag: Tag): void {
    if (tag.name === 'br') this.newline();
    else if (PARAGRAPH_ELEMENTS.has(tag.name)) this.breakBlock(2);
    else if (LINE_ELEMENTS.has(tag.name)) this.breakBlock(1);
    else if (tag.name === 'a') this.handleLink(tag);
  }

  finish(): string {
    const lines = this.parts.join('').split('\n');
    const text = lines.map((line) => line.trim()).join('\n');

    return text.replace(/\n{3,}/g, '\n\n').trim();
  }

  private newline(): void {
    this.parts.push('\n');
    this.trailingNewlines++;
  }

  private breakBlock(newlines: number): void {
    if (this.parts.length === 0) return;

    while (this.trailingNewlines < newlines) this.newline();
  }

  private handleLink(tag: Tag): void {
    if (!tag.closing) {
      this.link = tag.href ? { href: tag.href, partIndex: this.parts.length } : undefined;

      return;
    }
    if (!this.link) return;

    const { href, partIndex } = this.link;
    const linkText = this.parts.slice(partIndex).join('').trim();
    this.link = undefined;
    if (linkText === '') this.text(href);
    else if (href !== linkText && href !== `mailto:${linkText}`) this.text(` (${href})`);
  }
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function decodeEntities(text: string): string {
  let ampersand = text.indexOf('&');
  if (ampersand === -1) return text;

  let output = '';
  let copied = 0;
  while (ampersand !== -1) {
    // Looking for ';' only as far as the longest entity keeps the scan linear.
    const semicolon = text.slice(ampersand, ampersand + MAX_ENTITY_LENGTH).indexOf(';');
    const name = semicolon === -1 ? '' : text.slice(ampersand + 1, ampersand + semicolon);
    const decoded = name === '' ? undefined : decodeEntity(name);
    if (decoded !== undefined) {
      output += text.slice(copied, ampersand) + decoded;
      copied = ampersand + semicolon + 1;
    }
    ampersand = text.indexOf('&', Math.max(copied, ampersand + 1));
  }

  return output + text.slice(copied);
}

/** Decodes the name of one entity (`amp`, `#39`, `#x2019`), or returns `undefined`. */
function decodeEntity(name: string): string | undefined {
  if (!name.startsWith('#')) return NAMED_ENTITIES.get(name.toLowerCase());

  const isHex = name[1] === 'x' || name[1] === 'X';
  const digits = name.slice(isHex ? 2 : 1);
  const valid = isHex ? /^[0-9a-f]+$/i.test(digits) : /^[0-9]+$/.test(digits);
  const codePoint = valid ? Number.parseInt(digits, isHex ? 16 : 10) : Number.NaN;
  if (!(codePoint > 0 && codePoint <= 0x10ffff)) return undefined;

  return String.fromCodePoint(codePoint);
}

function isTagNameCharacter(code: number, index: number): boolean {
  const isDigit = code >= 48 && code <= 57;

  return isLetter(code) || (index > 0 && (isDigit || code === 45));
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}
