import type { AutomationRunReport } from '@pics/automations-core';
import { describe, expect, test } from 'vitest';
import type { QuickstartReport } from '../src/report.js';
import { formatSummary } from '../src/summary.js';

const RUN_DATE = '2027-03-01';

function automationReport(overrides: Partial<AutomationRunReport>): AutomationRunReport {
  return {
    automationId: 'a-1',
    name: 'End date reminder',
    channel: 'email',
    runDate: RUN_DATE,
    status: 'completed',
    matched: 0,
    sent: 0,
    skipped: {
      noAddress: 0,
      contactMethodNotAllowed: 0,
      maxMessagesReached: 0,
      alreadySent: 0,
      uncertain: 0,
    },
    failed: { permanent: 0, retriesExhausted: 0, renderFailed: 0, noTransport: 0 },
    uncertain: 0,
    durationMs: 0,
    ...overrides,
  };
}

function quickstartReport(overrides: Partial<QuickstartReport>): QuickstartReport {
  return {
    runDate: RUN_DATE,
    dryRun: false,
    startedAt: new Date('2027-03-01T05:00:00Z'),
    durationMs: 0,
    automations: [],
    storage: 'memory storage',
    learnerSource: { kind: 'generated', count: 0 },
    unsaved: [],
    notDue: [],
    ...overrides,
  };
}

describe('formatSummary', () => {
  test('names runs already finished', () => {
    const report = quickstartReport({
      automations: [automationReport({ status: 'alreadyFinished' })],
    });

    expect(formatSummary(report)).toContain(
      `Already finished on ${RUN_DATE} by an earlier run, so nothing was sent again: End date reminder.`,
    );
  });

  test('names unsaved automations', () => {
    const report = quickstartReport({
      unsaved: [
        {
          automationId: 'quickstart-welcome-sms',
          name: 'Welcome',
          code: 'SMS_NOT_CONFIGURED',
          message: 'SMS integration is not active',
        },
      ],
    });

    expect(formatSummary(report)).toContain('Not created: Welcome: SMS integration is not active');
  });

  test('lists learners by outcome', () => {
    const report = quickstartReport({
      automations: [
        {
          ...automationReport({ matched: 3, sent: 1 }),
          learners: [
            { learnerId: 'A', outcome: 'noAddress' },
            { learnerId: 'B', outcome: 'sent' },
            { learnerId: 'C', outcome: 'noAddress' },
          ],
        },
      ],
    });

    const summary = formatSummary(report);

    expect(summary).toContain('End date reminder, no address: A, C');
    expect(summary).toContain('End date reminder, sent: B');
  });

  test('lists skipped ILR learners', () => {
    const report = quickstartReport({
      learnerSource: {
        kind: 'ilr',
        file: '/data/ILR.xml',
        ukprn: '99999999',
        year: '1819',
        count: 1,
        skipped: [
          {
            learnRefNumber: 'L7',
            element: 'Learner.LearningDelivery.LearnStartDate',
            line: 40,
            column: 5,
            reason: 'LearnStartDate "2015-02-30" is not a real date',
          },
        ],
      },
    });

    expect(formatSummary(report)).toContain(
      'Skipped ILR learner L7 (Learner.LearningDelivery.LearnStartDate, line 40): LearnStartDate "2015-02-30" is not a real date',
    );
  });

  test('names automations not due', () => {
    const report = quickstartReport({
      runDate: '2026-12-04',
      notDue: [
        {
          automationId: 'a-2',
          name: 'End date reminder',
          schedule: 'Mondays at 05:00',
          nextRunDate: '2026-12-07',
        },
      ],
    });

    expect(formatSummary(report)).toContain(
      'Not due on 2026-12-04: End date reminder (Mondays at 05:00, next 7 December 2026)',
    );
  });

  test('names the outbox folder', () => {
    const report = quickstartReport({
      automations: [automationReport({ matched: 1, sent: 1 })],
      outbox: { dir: '/tmp/outbox/2027-03-01', channels: ['email', 'sms'] },
    });

    expect(formatSummary(report)).toContain("This run's messages are in /tmp/outbox/2027-03-01");
  });

  test('dry run names no outbox', () => {
    const report = quickstartReport({
      dryRun: true,
      automations: [automationReport({ matched: 1, sent: 1 })],
      outbox: { dir: '/tmp/outbox/2027-03-01', channels: ['email', 'sms'] },
    });

    expect(formatSummary(report)).not.toContain('messages are in');
  });
});
