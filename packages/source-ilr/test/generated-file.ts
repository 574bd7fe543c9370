import { Readable } from 'node:stream';
import { delivery, ilrDocument, learner } from './ilr-documents.js';

const [OPENING, CLOSING] = ilrDocument('\u0000').split('\u0000') as [string, string];

/** Returns the LearnRefNumber of the generated learner at this index, in ascending order. */
export function generatedId(index: number): string {
  return `G${String(index).padStart(7, '0')}`;
}

/** Counts the learners a generated file has produced so far, across every opening. */
export interface GeneratedFile {
  /** Opens the file anew, as an {@link IlrStreamFactory}. */
  open: () => Readable;
  /** Learners produced by the opening being read most recently. */
  produced: () => number;
}

/**
 * Generates an ILR file of `count` learners, in id order, as a stream that produces
 * `perChunk` learners each time it is read, so it never exists in memory whole.
 */
export function generateIlrFile(count: number, perChunk = 50): GeneratedFile {
  let produced = 0;
  const template = learner('\u0000', delivery({ start: '2018-09-03' }));

  function* chunks(): Generator<string> {
    produced = 0;
    yield OPENING;
    while (produced < count) {
      const batch: string[] = [];
      const end = Math.min(count, produced + perChunk);
      for (let index = produced; index < end; index += 1) {
        batch.push(template.replace('\u0000', generatedId(index)));
      }
      produced = end;
      yield batch.join('\n');
    }
    yield CLOSING;
  }

  return { open: () => Readable.from(chunks(), { objectMode: false }), produced: () => produced };
}
