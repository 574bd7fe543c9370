import { createMemoryStorage } from '@pics/automations-storage-memory';
import { describe, expect, test } from 'vitest';
import {
  type AutomationDraftInput,
  type AutomationServiceOptions,
  createAutomationService,
  ErrorCode,
  NotFoundError,
  SmsNotConfiguredError,
  ValidationError,
  VersionConflictError,
} from '../../src/index.js';

// Saturday 5 December 2026, 12:00 in London.
const NOW = new Date('2026-12-05T12:00:00.000Z');

const EMAIL: AutomationDraftInput = {
  name: 'End date reminder',
  channel: 'email',
  title: 'Learners within 30 days of their end date',
  subject: 'Your programme ends on {{ expectedEndDate }}',
  body: '<p>Hello {{ firstName }},</p>',
  schedule: { kind: 'daysOfWeek', days: ['monday'] },
  delivery: { maxMessages: 4 },
};

const SMS: AutomationDraftInput = {
  name: 'Welcome',
  channel: 'sms',
  title: 'Learners who started a week ago',
  body: 'Welcome {{ firstName }}!',
  schedule: { kind: 'daysOfWeek', days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] },
};

function createService(options: Partial<AutomationServiceOptions> = {}) {
  const storage = createMemoryStorage();

  return createAutomationService({
    store: storage.automations,
    smsEnabled: true,
    clock: () => NOW,
    ...options,
  });
}

describe('automation service create', () => {
  test('create assigns a UUID', async () => {
    const created = await createService().create(EMAIL);

    expect(created.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(created.version).toBe(1);
  });

  test('create keeps a given id', async () => {
    const created = await createService().create({ ...EMAIL, id: 'a-17' });

    expect(created.id).toBe('a-17');
  });

  test('create applies defaults', async () => {
    const created = await createService().create(EMAIL);

    expect(created.delivery).toEqual({
      respectContactMethods: true,
      logCommunication: false,
      maxMessages: 4,
    });
    expect(created.filters).toEqual({});
  });

  test('create rejects invalid automation', async () => {
    const invalid = { ...EMAIL, schedule: { kind: 'daysOfWeek', days: [] } } as const;

    const error = await createService()
      .create(invalid as unknown as AutomationDraftInput)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain('schedule.days');
  });

  test('create rejects unknown merge field', async () => {
    const error = await createService()
      .create({ ...EMAIL, body: 'Hello {{ nickname }}' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe('body');
  });

  test('create accepts host merge field', async () => {
    const service = createService({
      hostMergeFields: [{ key: 'nickname', label: 'Nickname', type: 'text', example: 'Ami' }],
    });

    const created = await service.create({ ...EMAIL, body: 'Hello {{ nickname }}' });

    expect(created.body).toBe('Hello {{ nickname }}');
  });

  test('create ignores stored fields', async () => {
    const input = { ...EMAIL, version: 9, createdAt: new Date(0), updatedAt: new Date(0) };

    const created = await createService().create(input);

    expect(created.version).toBe(1);
    expect(created.createdAt).toEqual(NOW);
  });

  test('create rejects other unknown keys', async () => {
    const input = { ...EMAIL, version: 1, lastRunAt: new Date(0) };

    const error = await createService()
      .create(input)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['lastRunAt']);
  });

  test('create rejects taken id', async () => {
    const service = createService();
    await service.create({ ...EMAIL, id: 'a-1' });

    const second = service.create({ ...EMAIL, id: 'a-1' });

    await expect(second).rejects.toMatchObject({ code: ErrorCode.AlreadyExists });
  });
});

describe('automation service SMS', () => {
  test('SMS without transport rejects', async () => {
    const service = createService({ smsEnabled: false });

    const creation = service.create(SMS);

    await expect(creation).rejects.toBeInstanceOf(SmsNotConfiguredError);
    await expect(creation).rejects.toThrow(/SMS integration is not active/);
  });

  test('SMS update without transport rejects', async () => {
    const service = createService({ smsEnabled: false });
    const created = await service.create({ ...EMAIL, id: 'a-1' });

    const update = service.update('a-1', { ...SMS, id: 'a-1' }, created.version);

    await expect(update).rejects.toBeInstanceOf(SmsNotConfiguredError);
  });

  test('SMS enabled by an SMS transport', async () => {
    const sms = { name: 'test', sendSms: async () => ({}) };
    const service = createService({ smsEnabled: undefined, transports: { sms } });

    const created = await service.create(SMS);

    expect(created.channel).toBe('sms');
  });

  test('SMS disabled without options', async () => {
    const service = createService({ smsEnabled: undefined });

    await expect(service.create(SMS)).rejects.toBeInstanceOf(SmsNotConfiguredError);
  });

  test('email needs no SMS transport', async () => {
    const service = createService({ smsEnabled: false });

    const created = await service.create(EMAIL);

    expect(created.channel).toBe('email');
  });
});

describe('automation service update and delete', () => {
  test('update saves the new version', async () => {
    const service = createService();
    const created = await service.create({ ...EMAIL, id: 'a-1' });

    const updated = await service.update('a-1', { ...EMAIL, name: 'Renamed' }, created.version);

    expect(updated.version).toBe(2);
    expect((await service.get('a-1'))?.name).toBe('Renamed');
  });

  test('update after another save conflicts', async () => {
    const service = createService();
    const created = await service.create({ ...EMAIL, id: 'a-1' });
    await service.update('a-1', { ...EMAIL, name: 'First edit' }, created.version);

    const stale = service.update('a-1', { ...EMAIL, name: 'Second edit' }, created.version);

    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    expect((await service.get('a-1'))?.name).toBe('First edit');
  });

  test('update with other id rejects', async () => {
    const service = createService();
    const created = await service.create({ ...EMAIL, id: 'a-1' });

    const update = service.update('a-1', { ...EMAIL, id: 'a-2' }, created.version);

    await expect(update).rejects.toBeInstanceOf(ValidationError);
  });

  test('update unknown id rejects', async () => {
    const update = createService().update('a-missing', EMAIL, 1);

    await expect(update).rejects.toBeInstanceOf(NotFoundError);
  });

  test.each([
    ['missing', undefined, /expectedVersion undefined/],
    ['string', '1', /expectedVersion "1"/],
    ['fraction', 1.5, /expectedVersion 1.5/],
    ['zero', 0, /expectedVersion 0/],
    ['object', { version: 1 }, /expectedVersion an object/],
  ])('update with %s version rejects', async (_, expectedVersion, message) => {
    const service = createService();
    await service.create({ ...EMAIL, id: 'a-1' });

    const error = await service
      .update('a-1', EMAIL, expectedVersion as number)
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: ErrorCode.InvalidArgument });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/automation\.version/);
  });

  test('update with bad version saves nothing', async () => {
    const service = createService();
    await service.create({ ...EMAIL, id: 'a-1' });

    await service.update('a-1', { ...EMAIL, name: 'Renamed' }, Number.NaN).catch(() => undefined);

    expect((await service.get('a-1'))?.name).toBe(EMAIL.name);
  });

  test('update accepts the automation read', async () => {
    const service = createService();
    await service.create({ ...EMAIL, id: 'a-1' });
    const read = await service.get('a-1');
    if (read === undefined) throw new Error('the automation was not created');

    const updated = await service.update('a-1', { ...read, name: 'New' }, read.version);

    expect(updated.name).toBe('New');
    expect(updated.version).toBe(2);
  });

  test('update ignores stored fields', async () => {
    const service = createService();
    const created = await service.create({ ...EMAIL, id: 'a-1' });
    const input = { ...EMAIL, version: 40, createdAt: new Date(0), updatedAt: new Date(0) };

    const updated = await service.update('a-1', input, created.version);

    expect(updated.version).toBe(2);
    expect(updated.createdAt).toEqual(created.createdAt);
  });

  test('update rejects other unknown keys', async () => {
    const service = createService();
    const created = await service.create({ ...EMAIL, id: 'a-1' });
    const input = { ...created, nickname: 'Reminder' };

    const error = await service
      .update('a-1', input, created.version)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['nickname']);
  });

  test('delete removes the automation', async () => {
    const service = createService();
    await service.create({ ...EMAIL, id: 'a-1' });

    await service.delete('a-1');

    expect(await service.get('a-1')).toBeUndefined();
  });

  test('delete unknown id rejects', async () => {
    await expect(createService().delete('a-missing')).rejects.toBeInstanceOf(NotFoundError);
  });
});

async function serviceWithNames(names: readonly string[]) {
  const service = createService();
  for (const [index, name] of names.entries()) {
    await service.create({ ...EMAIL, id: `a-${String(index).padStart(2, '0')}`, name });
  }

  return service;
}

describe('automation service list', () => {
  test('list defaults to ten rows', async () => {
    const names = Array.from(
      { length: 12 },
      (_, index) => `Automation ${String(index).padStart(2, '0')}`,
    );
    const service = await serviceWithNames(names);

    const page = await service.list();

    expect(page.rows).toHaveLength(10);
    expect(page).toMatchObject({ total: 12, page: 1, pageSize: 10, pageCount: 2 });
  });

  test('list sorts rows by name', async () => {
    const service = await serviceWithNames(['welcome', 'Evidence chase', 'end date reminder']);

    const page = await service.list();

    expect(page.rows.map((row) => row.automation.name)).toEqual([
      'end date reminder',
      'Evidence chase',
      'welcome',
    ]);
  });

  test('list pages from 1', async () => {
    const service = await serviceWithNames(['A', 'B', 'C', 'D', 'E']);

    const second = await service.list({ pageSize: 2, page: 2 });
    const last = await service.list({ pageSize: 2, page: 3 });
    const beyond = await service.list({ pageSize: 2, page: 4 });

    expect(second.rows.map((row) => row.automation.name)).toEqual(['C', 'D']);
    expect(last.rows.map((row) => row.automation.name)).toEqual(['E']);
    expect(beyond.rows).toEqual([]);
    expect(beyond.pageCount).toBe(3);
  });

  test('list searches ignoring case', async () => {
    const service = await serviceWithNames(['Welcome', 'Welcome back', 'Evidence chase']);

    const page = await service.list({ search: '  WELCOME ' });

    expect(page.rows.map((row) => row.automation.name)).toEqual(['Welcome', 'Welcome back']);
    expect(page.total).toBe(2);
  });

  test('list of no automations', async () => {
    const page = await createService().list({ search: 'none' });

    expect(page).toEqual({ rows: [], total: 0, page: 1, pageSize: 10, pageCount: 0 });
  });

  test('list rows describe the schedule', async () => {
    const service = await serviceWithNames(['End date reminder']);

    const [row] = (await service.list()).rows;

    expect(row?.scheduleDescription).toBe('Mondays at 05:00');
  });

  test('list rows give the next run', async () => {
    const service = await serviceWithNames(['End date reminder']);

    const [row] = (await service.list()).rows;

    // Monday 7 December 2026, 05:00 in London (GMT).
    expect(row?.nextRunAt?.toISOString()).toBe('2026-12-07T05:00:00.000Z');
  });

  test('list next run follows the time zone', async () => {
    const service = createService({ timeZone: 'America/New_York' });
    await service.create(EMAIL);

    const [row] = (await service.list()).rows;

    expect(row?.nextRunAt?.toISOString()).toBe('2026-12-07T10:00:00.000Z');
  });

  test('list accepts 500 rows', async () => {
    const page = await createService().list({ pageSize: 500 });

    expect(page.pageSize).toBe(500);
  });

  test.each([
    ['pageSize', { pageSize: 0 }, /pageSize: 0 is not/],
    ['pageSize', { pageSize: 501 }, /pageSize: 501 is not/],
    ['pageSize', { pageSize: 2.5 }, /pageSize: 2.5 is not/],
    ['page', { page: 0 }, /page: 0 is not/],
    ['page', { page: -1 }, /page: -1 is not/],
    ['page', { page: Number.NaN }, /page: NaN is not/],
    ['page', { page: 1e300 }, /page: 1e\+300 is not/],
    ['page', { page: Number.MAX_SAFE_INTEGER, pageSize: 2 }, /page: 9007199254740991 is not/],
  ])('list rejects bad %s', async (path, query, message) => {
    const error = await createService()
      .list(query)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe(path);
    expect((error as ValidationError).message).toMatch(message);
  });
});

describe('createAutomationService', () => {
  test('unknown time zone rejects', () => {
    const create = () => createService({ timeZone: 'Mars/Olympus' });

    expect(create).toThrow(/Mars\/Olympus/);
  });

  test('empty time zone rejects', () => {
    const create = () => createService({ timeZone: '' });

    expect(create).toThrow(expect.objectContaining({ code: ErrorCode.InvalidArgument }));
  });
});
