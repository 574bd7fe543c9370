import { createAutomationService, normalizeMobile, parseLearner } from '@pics/automations-core';
import { createMemoryStorage } from '@pics/automations-storage-memory';
import { describe, expect, test } from 'vitest';
import { SAMPLE_AUTOMATION_IDS, SAMPLE_AUTOMATIONS, seedAutomations } from '../src/automations.js';
import { generatePopulation } from '../src/population.js';

const RUN_DATE = '2027-03-01';

describe('generatePopulation', () => {
  test('same options give same learners', () => {
    const first = generatePopulation({ count: 200, runDate: RUN_DATE });
    const second = generatePopulation({ count: 200, runDate: RUN_DATE });

    expect(second).toEqual(first);
  });

  test('other seed gives other learners', () => {
    const first = generatePopulation({ count: 50, runDate: RUN_DATE });
    const second = generatePopulation({ count: 50, runDate: RUN_DATE, seed: 7 });

    expect(second).not.toEqual(first);
  });

  test('every learner is valid', () => {
    const learners = generatePopulation({ count: 1000, runDate: RUN_DATE });

    for (const learner of learners) expect(() => parseLearner(learner)).not.toThrow();
  });

  test('ids are distinct and ordered', () => {
    const ids = generatePopulation({ count: 1000, runDate: RUN_DATE }).map((learner) => learner.id);

    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
  });

  test('includes drama and landline numbers', () => {
    const mobiles = generatePopulation({ count: 1000, runDate: RUN_DATE }).map(
      (learner) => learner.mobile ?? '',
    );
    const drama = mobiles.filter((mobile) => mobile.startsWith('07700 900'));
    const landlines = mobiles.filter((mobile) => mobile.startsWith('0113'));

    expect(drama.length).toBeGreaterThan(0);
    expect(landlines.length).toBeGreaterThan(0);
    for (const mobile of [...drama, ...landlines]) expect(normalizeMobile(mobile)).toBeUndefined();
  });
});

describe('seedAutomations', () => {
  function createService() {
    return createAutomationService({
      store: createMemoryStorage().automations,
      smsEnabled: true,
    });
  }

  test('creates every sample automation', async () => {
    const service = createService();

    await seedAutomations(service);

    const page = await service.list();
    expect(page.total).toBe(SAMPLE_AUTOMATIONS.length);
  });

  test('seeding twice changes nothing', async () => {
    const service = createService();
    await seedAutomations(service);

    await seedAutomations(service);

    for (const id of Object.values(SAMPLE_AUTOMATION_IDS)) {
      expect((await service.get(id))?.version).toBe(1);
    }
  });

  test('seeding restores a changed automation', async () => {
    const service = createService();
    await seedAutomations(service);
    const id = SAMPLE_AUTOMATION_IDS.evidenceChase;
    const changed = SAMPLE_AUTOMATIONS.find((input) => input.id === id)!;
    await service.update(id, { ...changed, name: 'Edited by hand' }, 1);

    await seedAutomations(service);

    const stored = await service.get(id);
    expect(stored?.name).toBe('Evidence chase');
    expect(stored?.version).toBe(3);
  });
});
