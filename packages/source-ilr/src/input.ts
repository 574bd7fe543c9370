import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '@pics/automations-core';
import { ilrFileError } from './errors.js';

/**
 * A function that opens the bytes (or text) of an ILR file anew on each call, such as
 * `() => fs.createReadStream(path)`. Unlike a stream, it can be read more than once.
 */
export type IlrStreamFactory = () => AsyncIterable<string | Uint8Array>;

/**
 * Source of an ILR file: a file path, a `file:` URL, a function that opens a stream, or a stream
 * itself (any async iterable of UTF-8 bytes or strings, such as a Node.js `Readable`).
 * A stream can be read only once, so it allows a single pass over the file.
 */
export type IlrInput = string | URL | IlrStreamFactory | AsyncIterable<string | Uint8Array>;

/** Returns whether the input can be opened more than once. */
export function canReopen(input: IlrInput): boolean {
  return typeof input === 'string' || input instanceof URL || typeof input === 'function';
}

/** Returns the name used for the input in messages: its path, or `stream`. */
export function describeInput(input: IlrInput): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.protocol === 'file:' ? fileURLToPath(input) : input.href;

  return 'stream';
}

/** Opens the input and returns its text as decoded chunks of at most the stream's chunk size. */
export function openInput(input: IlrInput): AsyncIterable<string> {
  const source = describeInput(input);
  if (typeof input === 'string' || input instanceof URL) {
    return decodeUtf8(readFile(input, source), source);
  }
  const chunks = typeof input === 'function' ? input() : input;

  return decodeUtf8(chunks, source);
}

async function* readFile(path: string | URL, source: string): AsyncIterable<Uint8Array> {
  try {
    yield* createReadStream(path);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) {
      throw new NotFoundError(`ILR file "${source}" not found: check the path`);
    }
    throw error;
  }
}

// ILR files are UTF-8. The decoder keeps a character split across two chunks whole, and fails on
// bytes that are not UTF-8 rather than replacing them.
async function* decodeUtf8(
  chunks: AsyncIterable<string | Uint8Array>,
  source: string,
): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) {
      yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    }
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError && isErrorCode(error, 'ERR_ENCODING_INVALID_ENCODED_DATA')) {
      throw ilrFileError(source, '', 'the file is not valid UTF-8: save it as UTF-8');
    }
    throw error;
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
