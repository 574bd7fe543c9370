import { createMemoryStorage } from '@pics/automations-storage-memory';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { EXPORT_DATE_FORMAT, exportAutomationsXlsx, toInertText } from '../../src/excel.js';
import {
  type AutomationDraftInput,
  type AutomationService,
  createAutomationService,
  ErrorCode,
} from '../../src/index.js';

// Saturday 5 December 2026, 12:00 in London (GMT).
const WINTER = new Date('2026-12-05T12:00:00.000Z');
// Saturday 5 June 2027, 13:00 in London (BST).
const SUMMER = new Date('2027-06-05T12:00:00.000Z');

const REMINDER: AutomationDraftInput = {
  id: 'a-reminder',
  name: 'End date reminder',
  channel: 'email',
  title: 'Learners within 30 days of their end date',
  subject: 'Your programme ends on {{ expectedEndDate }}',
  body: '<p>Hello {{ firstName }},</p>',
  schedule: { kind: 'daysOfWeek', days: ['monday'] },
  delivery: { maxMessages: 4 },
  filters: {
    episodeStatus: 'inLearning',
    tags: { match: 'none', values: ['do-not-contact'] },
  },
};

const WELCOME: AutomationDraftInput = {
  id: 'a-welcome',
  name: 'Welcome',
  channel: 'sms',
  title: 'Learners who started a week ago',
  body: 'Welcome {{ firstName }}!',
  schedule: { kind: 'daysOfMonth', months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], days: [1, 15] },
};

const INJECTION_NAMES = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '\t=1', '\r=1'];

function createService(now = WINTER): AutomationService {
  return createAutomationService({
    store: createMemoryStorage().automations,
    smsEnabled: true,
    clock: () => now,
  });
}

async function readSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);

  return workbook.worksheets[0]!;
}

async function exportOf(inputs: readonly AutomationDraftInput[], now = WINTER) {
  const service = createService(now);
  for (const input of inputs) await service.create(input);

  return readSheet(await exportAutomationsXlsx({ service }));
}

function allCells(sheet: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));

  return cells;
}

describe('exportAutomationsXlsx layout', () => {
  test('header names the columns', async () => {
    const sheet = await exportOf([REMINDER]);

    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Name',
      'Type',
      'Title',
      'Schedule',
      'Next run',
      'Audience filters',
      'Max messages',
      'Updated',
    ]);
  });

  test('header row is bold', async () => {
    const sheet = await exportOf([REMINDER]);

    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  test('header row is frozen', async () => {
    const sheet = await exportOf([REMINDER]);

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('columns have bounded widths', async () => {
    const longTitle = 'A very long title '.repeat(20).trim();
    const sheet = await exportOf([{ ...REMINDER, title: longTitle }]);

    for (const column of sheet.columns) expect(column.width).toBeLessThanOrEqual(60);
    expect(sheet.getColumn(3).width).toBe(60);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('Type'.length);
  });

  test('one row per automation', async () => {
    const sheet = await exportOf([REMINDER, WELCOME]);

    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(1).value).toBe('End date reminder');
    expect(sheet.getRow(3).getCell(1).value).toBe('Welcome');
  });
});

describe('exportAutomationsXlsx cells', () => {
  test('text cells carry the automation', async () => {
    const sheet = await exportOf([REMINDER]);
    const row = sheet.getRow(2);

    expect(row.getCell(2).value).toBe('Email');
    expect(row.getCell(3).value).toBe('Learners within 30 days of their end date');
    expect(row.getCell(4).value).toBe('Mondays at 05:00');
  });

  test('audience filters one per line', async () => {
    const sheet = await exportOf([REMINDER]);
    const cell = sheet.getRow(2).getCell(6);

    expect(cell.value).toBe('Episode status: in learning\nTags: none of do-not-contact');
    expect(cell.alignment?.wrapText).toBe(true);
  });

  test('no filters reads all learners', async () => {
    const sheet = await exportOf([WELCOME]);

    expect(sheet.getRow(2).getCell(6).value).toBe('All learners');
  });

  test('next run is a date', async () => {
    const sheet = await exportOf([REMINDER]);
    const cell = sheet.getRow(2).getCell(5);

    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.numFmt).toBe(EXPORT_DATE_FORMAT);
    expect((cell.value as Date).toISOString()).toBe('2026-12-07T05:00:00.000Z');
  });

  test('summer dates show local time', async () => {
    const sheet = await exportOf([REMINDER], SUMMER);
    const row = sheet.getRow(2);

    // 05:00 and 13:00 British Summer Time, written as the wall-clock time.
    expect((row.getCell(5).value as Date).toISOString()).toBe('2027-06-07T05:00:00.000Z');
    expect((row.getCell(8).value as Date).toISOString()).toBe('2027-06-05T13:00:00.000Z');
  });

  test('updated is a date', async () => {
    const sheet = await exportOf([REMINDER]);
    const cell = sheet.getRow(2).getCell(8);

    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.numFmt).toBe(EXPORT_DATE_FORMAT);
    expect((cell.value as Date).toISOString()).toBe('2026-12-05T12:00:00.000Z');
  });

  test('max messages is a number', async () => {
    const sheet = await exportOf([REMINDER]);
    const cell = sheet.getRow(2).getCell(7);

    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.value).toBe(4);
  });

  test('no max messages is empty', async () => {
    const sheet = await exportOf([WELCOME]);

    expect(sheet.getRow(2).getCell(7).type).toBe(ExcelJS.ValueType.Null);
  });
});

describe('exportAutomationsXlsx formula injection', () => {
  test.each(INJECTION_NAMES)('name %j stays text', async (name) => {
    const sheet = await exportOf([{ ...REMINDER, name }]);
    const cell = sheet.getRow(2).getCell(1);

    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(String(cell.value).startsWith("'")).toBe(true);
    // XML parsers may turn a carriage return into a line feed, so compare after the quote.
    expect(String(cell.value).slice(2)).toBe(name.slice(1));
  });

  test('title and filters stay text', async () => {
    const sheet = await exportOf([
      { ...REMINDER, title: '=1+1', filters: { tags: { match: 'any', values: ['=cmd'] } } },
    ]);
    const row = sheet.getRow(2);

    expect(row.getCell(3).value).toBe("'=1+1");
    expect(row.getCell(6).value).toBe('Tags: any of =cmd');
  });

  test('no cell is a formula', async () => {
    const inputs = INJECTION_NAMES.map((name, index) => ({ ...REMINDER, id: `a-${index}`, name }));
    const sheet = await exportOf(inputs);

    for (const cell of allCells(sheet)) expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
  });

  test('ordinary text is unchanged', () => {
    expect(toInertText('End date reminder')).toBe('End date reminder');
    expect(toInertText('a=b')).toBe('a=b');
    expect(toInertText('')).toBe('');
  });
});

describe('exportAutomationsXlsx paging', () => {
  async function serviceWith(count: number): Promise<AutomationService> {
    const service = createService();
    for (let index = 0; index < count; index += 1) {
      const suffix = String(index).padStart(3, '0');
      await service.create({ ...REMINDER, id: `a-${suffix}`, name: `Reminder ${suffix}` });
    }

    return service;
  }

  test('exports every page by default', async () => {
    const service = await serviceWith(12);

    const sheet = await readSheet(await exportAutomationsXlsx({ service }));

    expect(sheet.rowCount).toBe(13);
  });

  test('exports one page when asked', async () => {
    const service = await serviceWith(12);

    const buffer = await exportAutomationsXlsx({ service, page: 2, pageSize: 5 });
    const sheet = await readSheet(buffer);

    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(2).getCell(1).value).toBe('Reminder 005');
  });

  test('exports only search matches', async () => {
    const service = createService();
    await service.create(REMINDER);
    await service.create(WELCOME);

    const sheet = await readSheet(await exportAutomationsXlsx({ service, search: 'welc' }));

    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('Welcome');
  });

  test('exports an empty list', async () => {
    const sheet = await readSheet(await exportAutomationsXlsx({ service: createService() }));

    expect(sheet.rowCount).toBe(1);
  });
});

describe('exportAutomationsXlsx argument', () => {
  test.each([
    ['the service itself', () => createService()],
    ['no argument', () => undefined],
    ['null', () => null],
    ['a service without list', () => ({ service: {} })],
    ['an object without service', () => ({ search: 'welcome' })],
  ])('rejects %s', async (_, makeArgument) => {
    const argument = makeArgument() as unknown as Parameters<typeof exportAutomationsXlsx>[0];

    const error = await exportAutomationsXlsx(argument).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: ErrorCode.InvalidArgument });
    expect((error as Error).message).toContain('exportAutomationsXlsx({ service })');
  });
});
