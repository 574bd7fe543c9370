import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LearnerOutcome } from '../src/learner-outcomes.js';
import type { QuickstartAutomationReport, QuickstartReport } from '../src/report.js';
import { type CliResult, parseReport, repoRoot, runCli } from './support/cli.js';

const SAMPLE_PATH = path.resolve(repoRoot, '../shared/ilr/ILR-1819-sample.xml');

// The first Monday of March in the 2018-19 academic year, the default run date for this file.
const RUN_DATE = '2019-03-04';

// The expectations below come from the XML itself, read with regular expressions, and never from
// the ILR importer, so a mapping bug cannot hide in both.

interface XmlDelivery {
  aimType: string;
  start: string;
  plannedEnd: string;
  actualEnd: string | undefined;
  compStatus: string | undefined;
}

interface XmlLearner {
  id: string;
  email: string | undefined;
  telNo: string | undefined;
  /** ContactPreference codes such as `PMC1` or `RUI4`. */
  contactPreferences: string[];
  deliveries: XmlDelivery[];
}

function elementText(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map(
    (match) => match[1] as string,
  );
}

function readXmlLearners(xml: string): XmlLearner[] {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');

  return elements(withoutComments, 'Learner').map((learner) => ({
    id: elementText(learner, 'LearnRefNumber') as string,
    email: elementText(learner, 'Email'),
    telNo: elementText(learner, 'TelNo'),
    contactPreferences: elements(learner, 'ContactPreference').map(
      (preference) =>
        `${elementText(preference, 'ContPrefType')}${elementText(preference, 'ContPrefCode')}`,
    ),
    deliveries: elements(learner, 'LearningDelivery').map((delivery) => ({
      aimType: elementText(delivery, 'AimType') as string,
      start: elementText(delivery, 'LearnStartDate') as string,
      plannedEnd: elementText(delivery, 'LearnPlanEndDate') as string,
      actualEnd: elementText(delivery, 'LearnActEndDate'),
      compStatus: elementText(delivery, 'CompStatus'),
    })),
  }));
}

// The episode is the programme aim (AimType 1) with the latest start, or the delivery with the
// latest start when there is no programme aim. Of two on the same day, the later in the file wins.
function episodeOf(learner: XmlLearner): XmlDelivery {
  const programmeAims = learner.deliveries.filter((delivery) => delivery.aimType === '1');
  const candidates = programmeAims.length > 0 ? programmeAims : learner.deliveries;

  return candidates.reduce((latest, delivery) =>
    delivery.start >= latest.start ? delivery : latest,
  );
}

// CompStatus 6 is a break in learning, not an end.
function isInLearning(learner: XmlLearner, runDate: string): boolean {
  const episode = episodeOf(learner);
  const ended = episode.actualEnd !== undefined && episode.compStatus !== '6';

  return !(ended && (episode.actualEnd as string) <= runDate) && episode.start <= runDate;
}

function allows(learner: XmlLearner, channel: 'email' | 'sms'): boolean {
  const excluding = channel === 'email' ? ['PMC3'] : ['PMC2'];

  return !learner.contactPreferences.some((code) =>
    [...excluding, 'RUI3', 'RUI4', 'RUI5'].includes(code),
  );
}

// A UK mobile number starts 07 (or +447) and has 11 digits in national form.
function isUkMobile(telNo: string | undefined): boolean {
  const digits = telNo?.replace(/[\s()-]/g, '').replace(/^\+44/, '0') ?? '';

  return /^07\d{9}$/.test(digits);
}

function expectedOutcome(
  learner: XmlLearner,
  channel: 'email' | 'sms',
): Extract<LearnerOutcome, 'sent' | 'noAddress' | 'contactMethodNotAllowed'> {
  const usable =
    channel === 'email'
      ? /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(learner.email ?? '')
      : isUkMobile(learner.telNo);
  if (!usable) return 'noAddress';

  return allows(learner, channel) ? 'sent' : 'contactMethodNotAllowed';
}

function expectedRows(learners: readonly XmlLearner[], channel: 'email' | 'sms') {
  return learners
    .map((learner) => ({ learnerId: learner.id, outcome: expectedOutcome(learner, channel) }))
    .sort((a, b) => a.learnerId.localeCompare(b.learnerId));
}

function sortedRows(automation: QuickstartAutomationReport | undefined) {
  return [...(automation?.learners ?? [])].sort((a, b) => a.learnerId.localeCompare(b.learnerId));
}

let xmlLearners: XmlLearner[];
let result: CliResult;
let report: QuickstartReport;
let tempDir: string;

beforeAll(async () => {
  xmlLearners = readXmlLearners(await readFile(SAMPLE_PATH, 'utf8'));
  tempDir = await mkdtemp(path.join(tmpdir(), 'quickstart-ilr-'));
  result = await runCli([
    ...['--ilr', '../shared/ilr/ILR-1819-sample.xml'],
    ...['--out', path.join(tempDir, 'outbox'), '--json'],
  ]);
  report = parseReport(result);
}, 120_000);

afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

describe('quickstart --ilr', () => {
  test('exits with code 0', () => {
    expect(result.code).toBe(0);
  });

  test('run date defaults into academic year', () => {
    expect(report.runDate).toBe(RUN_DATE);
  });

  test('report reads every learner', () => {
    expect(report.learnerSource.kind).toBe('ilr');
    if (report.learnerSource.kind !== 'ilr') return;
    expect(report.learnerSource.count + report.learnerSource.skipped.length).toBe(
      xmlLearners.length,
    );
    expect(report.learnerSource.year).toBe('1819');
  });

  test('ILR automations run', () => {
    expect(report.automations.map((automation) => automation.name).sort()).toEqual([
      'End date passed',
      'Review reminder',
    ]);
    for (const automation of report.automations) expect(automation.status).toBe('completed');
  });

  test('end date passed recipients', () => {
    const matching = xmlLearners.filter(
      (learner) => isInLearning(learner, RUN_DATE) && episodeOf(learner).plannedEnd < RUN_DATE,
    );
    const automation = report.automations.find((entry) => entry.name === 'End date passed');

    expect(sortedRows(automation)).toEqual(expectedRows(matching, 'email'));
    expect(automation?.learners?.some((row) => row.outcome === 'sent')).toBe(true);
  });

  test('review reminder skips landlines', () => {
    const matching = xmlLearners.filter((learner) => isInLearning(learner, RUN_DATE));
    const automation = report.automations.find((entry) => entry.name === 'Review reminder');
    const landlines = matching.filter((learner) => /^0[12]/.test(learner.telNo ?? ''));

    expect(landlines.length).toBeGreaterThan(0);
    expect(sortedRows(automation)).toEqual(expectedRows(matching, 'sms'));
    for (const learner of landlines) {
      expect(automation?.learners).toContainEqual({ learnerId: learner.id, outcome: 'noAddress' });
    }
  });

  test('learner rows match counts', () => {
    for (const automation of report.automations) {
      const rows = automation.learners ?? [];
      const count = (outcome: LearnerOutcome) =>
        rows.filter((row) => row.outcome === outcome).length;

      expect(rows.length, automation.name).toBe(automation.matched);
      expect(count('sent'), automation.name).toBe(automation.sent);
      expect(count('noAddress'), automation.name).toBe(automation.skipped.noAddress);
      expect(count('contactMethodNotAllowed'), automation.name).toBe(
        automation.skipped.contactMethodNotAllowed,
      );
    }
  });
});

describe('quickstart --ilr skipped learners', () => {
  // The sample with one learner's start date made impossible, which the importer skips.
  const BROKEN_LEARNER = 'AdultLearner';
  let skippedResult: CliResult;
  let skippedReport: QuickstartReport;

  beforeAll(async () => {
    const xml = await readFile(SAMPLE_PATH, 'utf8');
    const start = xml.indexOf(`<LearnRefNumber>${BROKEN_LEARNER}</LearnRefNumber>`);
    const brokenAt = xml.indexOf('<LearnStartDate>', start);
    const broken = `${xml.slice(0, brokenAt)}<LearnStartDate>2015-02-30</LearnStartDate>${xml.slice(xml.indexOf('</LearnStartDate>', brokenAt) + '</LearnStartDate>'.length)}`;
    const file = path.join(tempDir, 'broken.xml');
    await writeFile(file, broken);

    skippedResult = await runCli(['--ilr', file, '--date', RUN_DATE, '--dry-run', '--json']);
    skippedReport = parseReport(skippedResult);
  }, 120_000);

  test('report lists skipped learner', () => {
    const source = skippedReport.learnerSource;

    expect(skippedResult.code).toBe(0);
    expect(
      source.kind === 'ilr' ? source.skipped.map((entry) => entry.learnRefNumber) : [],
    ).toEqual([BROKEN_LEARNER]);
  });

  test('skipped learner has a reason', () => {
    const source = skippedReport.learnerSource;
    const [skipped] = source.kind === 'ilr' ? source.skipped : [];

    expect(skipped?.element).toContain('LearnStartDate');
    expect(skipped?.reason).toContain('2015-02-30');
  });

  test('stderr names skipped learner', () => {
    expect(skippedResult.stderr).toContain(`Skipped ILR learner ${BROKEN_LEARNER}`);
  });

  test('skipped learner is not matched', () => {
    for (const automation of skippedReport.automations) {
      expect(automation.learners?.map((row) => row.learnerId)).not.toContain(BROKEN_LEARNER);
    }
  });
});
