import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readIlrLearners } from '../src/index.js';
import { generateIlrFile } from './generated-file.js';

const LEARNERS = 100_000;

// Exposes V8's collector for this process so heap figures are measured after a collection.
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');

  return runInNewContext('gc') as () => void;
}

function heapUsedAfterCollection(gc: () => void): number {
  gc();

  return process.memoryUsage().heapUsed;
}

describe('large ILR file', () => {
  it('streams 100,000 learners with bounded memory', async () => {
    const gc = collectGarbage();
    const file = generateIlrFile(LEARNERS, 50);
    const heapBefore = heapUsedAfterCollection(gc);
    let consumed = 0;
    let maxAhead = 0;
    let heapMidway = 0;
    for await (const _learner of readIlrLearners(file.open, { readDestinations: false })) {
      consumed += 1;
      maxAhead = Math.max(maxAhead, file.produced() - consumed);
      if (consumed === LEARNERS / 2) heapMidway = heapUsedAfterCollection(gc);
    }

    expect(consumed).toBe(LEARNERS);
    // The generator makes 50 learners per chunk, and the reader parses one chunk ahead at most.
    expect(maxAhead).toBeLessThan(200);
    // Keeping the first 50,000 learner records grew the heap by about 44 MB in a trial run. The
    // reader keeps only their LearnRefNumbers (about 4 MB), to reject a repeated one.
    expect(heapMidway - heapBefore).toBeLessThan(20_000_000);
  });
});
