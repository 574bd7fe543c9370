import { Readable } from 'node:stream';
import { ErrorCode, type Filters, type Learner, matchesFilters } from '@pics/automations-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIlrLearnerSource, loadIlrFile } from '../src/index.js';
import { generatedId, generateIlrFile } from './generated-file.js';
import { SAMPLE_PATH } from './ilr-documents.js';

async function collect(iterable: AsyncIterable<Learner>): Promise<Learner[]> {
  const found: Learner[] = [];
  for await (const learner of iterable) found.push(learner);

  return found;
}

describe('ILR learner source', () => {
  const source = createIlrLearnerSource(SAMPLE_PATH);
  let sampleLearners: Learner[];

  beforeAll(async () => {
    sampleLearners = (await loadIlrFile(SAMPLE_PATH)).learners;
  });

  it('yields unsorted file in id order', async () => {
    const found = await collect(source.findLearners({ filters: {}, runDate: '2018-09-01' }));
    const sortedIds = sampleLearners.map((learner) => learner.id).sort();

    expect(found.map((learner) => learner.id)).toEqual(sortedIds);
  });

  it.each<[string, Filters]>([
    ['in learning', { episodeStatus: 'inLearning' }],
    ['funding model', { fundingOrganisations: ['fm-35', 'fm-36'] }],
    ['destination', { providerDestinations: { match: 'anyOf', values: ['EDU2'] } }],
    ['contract', { contracts: { match: 'anyOf', values: ['ACT1'] } }],
    ['disability', { selfAssessedDisability: 'yes' }],
  ])('matches filter on %s', async (_name, filters) => {
    const runDate = '2016-01-15';
    const found = await collect(source.findLearners({ filters, runDate }));
    const expected = sampleLearners
      .filter((learner) => matchesFilters(filters, learner, { runDate }))
      .map((learner) => learner.id)
      .sort();

    expect(found.map((learner) => learner.id)).toEqual(expected);
  });

  it('contract filter finds levy learner', async () => {
    const filters: Filters = { contracts: { match: 'anyOf', values: ['ACT1'] } };
    const found = await collect(source.findLearners({ filters, runDate: '2018-01-01' }));

    expect(found.map((learner) => learner.id)).toEqual(['Levy']);
  });

  it('sorted file streams before the end', async () => {
    const file = generateIlrFile(2_000, 10);
    const sorted = createIlrLearnerSource(file.open);
    const producedAtFirst: number[] = [];
    for await (const learner of sorted.findLearners({ filters: {}, runDate: '2018-09-01' })) {
      producedAtFirst.push(file.produced());
      expect(learner.id).toBe(generatedId(0));
      break;
    }

    expect(producedAtFirst[0]).toBeLessThan(2_000);
  });

  it('sorted file yields every learner', async () => {
    const file = generateIlrFile(300, 7);
    const sorted = createIlrLearnerSource(file.open);
    const found = await collect(sorted.findLearners({ filters: {}, runDate: '2018-09-01' }));

    expect(found.map((learner) => learner.id)).toEqual(
      Array.from({ length: 300 }, (_, index) => generatedId(index)),
    );
  });

  it('one-shot stream is rejected', () => {
    expect(() => createIlrLearnerSource(Readable.from(['']))).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
  });
});
