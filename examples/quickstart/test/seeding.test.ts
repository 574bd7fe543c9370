import { createAutomationService, normalizeMobile, parseLearner } from '@pics/automations-core';
import { ilrMergeFields } from '@pics/automations-source-ilr';
import { createMemoryStorage } from '@pics/automations-storage-memory';
import { createPostgresStorage } from '@pics/automations-storage-postgres';
import { describe, expect, test } from 'vitest';
import {
  findStoredAutomation,
  SAMPLE_AUTOMATION_IDS,
  SAMPLE_AUTOMATIONS,
  seedAutomations,
} from '../src/automations.js';
import { SetupError } from '../src/errors.js';
import { ILR_SAMPLE_AUTOMATIONS } from '../src/ilr-automations.js';
import { defaultIlrRunDate } from '../src/learners.js';
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
  function createService(smsEnabled = true) {
    return createAutomationService({
      store: createMemoryStorage().automations,
      smsEnabled,
      hostMergeFields: ilrMergeFields,
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

describe('seedAutomations without SMS', () => {
  function createService() {
    return createAutomationService({ store: createMemoryStorage().automations, smsEnabled: false });
  }

  test('returns the SMS automation unsaved', async () => {
    const unsaved = await seedAutomations(createService());

    expect(unsaved.map((automation) => automation.automationId)).toEqual([
      SAMPLE_AUTOMATION_IDS.welcome,
    ]);
    expect(unsaved[0]?.code).toBe('SMS_NOT_CONFIGURED');
  });

  test('saves the email automations', async () => {
    const service = createService();

    await seedAutomations(service);

    expect((await service.list()).total).toBe(2);
  });
});

describe('ILR sample automations', () => {
  test('save with ILR merge fields', async () => {
    const service = createAutomationService({
      store: createMemoryStorage().automations,
      smsEnabled: true,
      hostMergeFields: ilrMergeFields,
    });

    const unsaved = await seedAutomations(service, ILR_SAMPLE_AUTOMATIONS);

    expect(unsaved).toEqual([]);
    expect((await service.list()).total).toBe(ILR_SAMPLE_AUTOMATIONS.length);
  });

  test('other set is found', async () => {
    const service = createAutomationService({
      store: createMemoryStorage().automations,
      smsEnabled: true,
    });
    await seedAutomations(service);

    expect(await findStoredAutomation(service, SAMPLE_AUTOMATIONS)).toBe(
      SAMPLE_AUTOMATION_IDS.welcome,
    );
    expect(await findStoredAutomation(service, ILR_SAMPLE_AUTOMATIONS)).toBeUndefined();
  });
});

describe('seedAutomations on Postgres', () => {
  test('seeding twice keeps version 1', async () => {
    const storage = createPostgresStorage();
    await storage.migrate();
    const service = createAutomationService({ store: storage.automations, smsEnabled: true });
    try {
      await seedAutomations(service);

      await seedAutomations(service);

      for (const id of Object.values(SAMPLE_AUTOMATION_IDS)) {
        expect((await service.get(id))?.version, id).toBe(1);
      }
    } finally {
      await storage.close();
    }
  });
});

describe('defaultIlrRunDate', () => {
  test.each([
    ['1819', '2019-03-04'],
    ['1920', '2020-03-02'],
    ['2425', '2025-03-03'],
  ])('%s gives %s', (year, expected) => {
    expect(defaultIlrRunDate(year, 'ILR.xml')).toBe(expected);
  });

  test.each([[undefined], ['2018'], ['18/19'], ['181']])('%j needs --date', (year) => {
    expect(() => defaultIlrRunDate(year, 'ILR.xml')).toThrow(SetupError);
  });
});
