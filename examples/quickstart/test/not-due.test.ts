import { describe, expect, test } from 'vitest';
import { SAMPLE_AUTOMATION_IDS, SAMPLE_AUTOMATIONS } from '../src/automations.js';
import { listNotDue } from '../src/not-due.js';

const TIME_ZONE = 'Europe/London';

describe('listNotDue', () => {
  test('Friday lists the weekly and monthly', () => {
    const notDue = listNotDue(SAMPLE_AUTOMATIONS, new Set(), '2026-12-04', TIME_ZONE);

    expect(notDue).toEqual([
      {
        automationId: SAMPLE_AUTOMATION_IDS.endDateReminder,
        name: 'End date reminder',
        schedule: 'Mondays at 05:00',
        nextRunDate: '2026-12-07',
      },
      {
        automationId: SAMPLE_AUTOMATION_IDS.evidenceChase,
        name: 'Evidence chase',
        schedule: '1st and 15th of every month at 05:00',
        nextRunDate: '2026-12-15',
      },
    ]);
  });

  test('Monday the 1st lists none', () => {
    expect(listNotDue(SAMPLE_AUTOMATIONS, new Set(), '2027-03-01', TIME_ZONE)).toEqual([]);
  });

  test('next run skips the run date', () => {
    const [reminder] = listNotDue(SAMPLE_AUTOMATIONS, new Set(), '2026-12-08', TIME_ZONE);

    expect(reminder?.nextRunDate).toBe('2026-12-14');
  });

  test('unsaved automations are left out', () => {
    const unsaved = new Set<string>([SAMPLE_AUTOMATION_IDS.endDateReminder]);
    const notDue = listNotDue(SAMPLE_AUTOMATIONS, unsaved, '2026-12-04', TIME_ZONE);

    expect(notDue.map((automation) => automation.name)).toEqual(['Evidence chase']);
  });
});
