import { ValidationError } from '@pics/automations-core';
import { sampleAutomation, sampleLearner } from '@pics/automations-core/testing';
import { describe, expect, test } from 'vitest';
import { createMemoryStorage } from '../src/index.js';

const NOW = new Date('2026-12-07T05:00:00.000Z');

describe('createMemoryStorage', () => {
  test('initial learners are stored', async () => {
    const storage = createMemoryStorage({ learners: [sampleLearner({ id: 'L1' })] });

    expect(await storage.learners.countLearners()).toBe(1);
  });

  test('malformed learner is rejected', () => {
    const create = () => createMemoryStorage({ learners: [{ id: 'L1' } as never] });

    expect(create).toThrow(ValidationError);
  });

  test('learner lists are filled in', async () => {
    const storage = createMemoryStorage();
    await storage.learners.upsertLearners({
      learners: [{ id: 'L1', firstName: 'A', lastName: 'B', enteredOn: '2026-01-05' } as never],
    });

    expect((await storage.learners.getLearner({ id: 'L1' }))?.tags).toEqual([]);
  });

  test('stored learner ignores caller changes', async () => {
    const storage = createMemoryStorage();
    const learner = sampleLearner({ id: 'L1', tags: ['Priority'] });
    await storage.learners.upsertLearners({ learners: [learner] });
    learner.tags.push('Changed');
    const returned = await storage.learners.getLearner({ id: 'L1' });
    returned?.tags.push('Changed');

    expect((await storage.learners.getLearner({ id: 'L1' }))?.tags).toEqual(['Priority']);
  });

  test('stored automation ignores caller changes', async () => {
    const storage = createMemoryStorage();
    const automation = sampleAutomation();
    await storage.automations.create({ automation, now: NOW });
    automation.schedule = { kind: 'daysOfWeek', days: ['friday'] };
    const page = await storage.automations.list({ limit: 10, offset: 0 });
    page.items[0]!.filters.episodeStatus = 'leavers';

    const stored = await storage.automations.get({ id: automation.id });

    expect(stored?.schedule).toEqual({ kind: 'daysOfWeek', days: ['monday'] });
    expect(stored?.filters.episodeStatus).toBe('inLearning');
  });

  test('list rejects a zero limit', async () => {
    const storage = createMemoryStorage();

    await expect(storage.automations.list({ limit: 0, offset: 0 })).rejects.toThrow(/limit 0/);
  });
});

describe('upsertLearners validation', () => {
  const valid = { id: 'L1', firstName: 'A', lastName: 'B', enteredOn: '2026-01-05' };

  test('error names the learner id', async () => {
    const storage = createMemoryStorage();
    const { enteredOn: _, ...withoutEnteredOn } = { ...valid, id: 'A1' };

    const upsert = storage.learners.upsertLearners({ learners: [withoutEnteredOn as never] });

    await expect(upsert).rejects.toThrow('Invalid learner "A1": enteredOn: is required');
  });

  test('error names the index without id', async () => {
    const storage = createMemoryStorage();
    const { id: _, ...withoutId } = valid;

    const upsert = storage.learners.upsertLearners({
      learners: [valid as never, withoutId as never],
    });

    await expect(upsert).rejects.toThrow('Invalid learner at learners[1]: id: is required');
  });

  test('initial learner error names the index', () => {
    const create = () => createMemoryStorage({ learners: [{ ...valid, id: 7 } as never] });

    expect(create).toThrow(/^Invalid learner at learners\[0\]: id: /);
  });

  test('error keeps the issues', async () => {
    const storage = createMemoryStorage();

    const error = await storage.learners
      .upsertLearners({ learners: [{ firstName: 'A' } as never] })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
      'id',
      'lastName',
      'enteredOn',
    ]);
  });
});
