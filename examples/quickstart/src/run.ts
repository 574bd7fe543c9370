import {
  type AutomationDraftInput,
  type AutomationService,
  createAutomationService,
  createRunner,
  type Logger,
  localTimeToInstant,
  type MergeField,
  RUN_TIME,
} from '@pics/automations-core';
import { ilrMergeFields } from '@pics/automations-source-ilr';
import { findStoredAutomation, SAMPLE_AUTOMATIONS, seedAutomations } from './automations.js';
import { SetupError } from './errors.js';
import type { QuickstartFlags } from './flags.js';
import { ILR_SAMPLE_AUTOMATIONS } from './ilr-automations.js';
import { listLearnerOutcomes } from './learner-outcomes.js';
import { type LoadedLearners, loadLearners } from './learners.js';
import { listNotDue } from './not-due.js';
import { chooseOutbox, clearOutbox, outboxDirOf } from './outbox.js';
import type { ProgressReporter } from './progress.js';
import type { QuickstartAutomationReport, QuickstartReport } from './report.js';
import { createStorageFromFlags, describeStorage, type QuickstartStorage } from './storage.js';
import {
  addLocalTransports,
  closeTransports,
  createRemoteTransports,
  type QuickstartTransports,
} from './transports.js';

/** The host's time zone: run dates and the 05:00 run time are local to it. */
export const TIME_ZONE = 'Europe/London';

/** Output, environment variables and logger the quickstart uses. */
export interface QuickstartEnvironment {
  /** Receives progress lines, and the console transport's lines with `--json`. */
  progress: ProgressReporter;
  /** Receives the console transport's lines without `--json`. */
  stdout: { write(text: string): unknown };
  /** Environment variables the SMTP and Twilio transports read. */
  env: Readonly<Record<string, string | undefined>>;
  /** Receives the runner's and the transports' warnings and errors. */
  logger: Logger;
}

/** The sample set and merge fields that suit a learner source. */
interface SampleSet {
  automations: readonly AutomationDraftInput[];
  /** The other sample set, which must not share the store. */
  other: readonly AutomationDraftInput[];
  mergeFields: readonly MergeField[];
}

/** Names of every sample automation by id, for progress lines. */
export function sampleAutomationNames(): Map<string, string> {
  return new Map(
    [...SAMPLE_AUTOMATIONS, ...ILR_SAMPLE_AUTOMATIONS].map((input) => [
      input.id as string,
      input.name,
    ]),
  );
}

/**
 * Seeds storage with the learners (generated, or read from `--ilr`) and the sample automations
 * that suit them, then runs what is due on the run date at 05:00 local time through the transports
 * the flags choose. The outbox transport writes into `<--out>/<run date>`. With memory storage,
 * which starts empty and so sends every message again, the messages an earlier run left in that
 * folder are removed first. Storage and transports are closed at the end.
 *
 * @throws {SetupError} when an environment variable, the ILR file or the database prevents the
 *   run; nothing has been sent then.
 */
export async function runQuickstart(
  flags: QuickstartFlags,
  environment: QuickstartEnvironment,
): Promise<QuickstartReport> {
  const { progress } = environment;
  const remote = createRemoteTransports(flags, environment);
  try {
    const loaded = await loadLearners(flags, progress, TIME_ZONE);
    const transports = addLocalTransports(remote, flags, {
      outboxDir: outboxDirOf(flags, loaded.runDate),
      console: flags.json ? progress : environment.stdout,
    });
    const storage = await createStorageFromFlags(flags);
    try {
      return await seedAndRun({ flags, environment, progress, transports, storage, loaded });
    } finally {
      await storage.close?.();
    }
  } finally {
    await closeTransports(remote);
  }
}

interface RunContext {
  flags: QuickstartFlags;
  environment: QuickstartEnvironment;
  progress: ProgressReporter;
  transports: QuickstartTransports;
  storage: QuickstartStorage;
  loaded: LoadedLearners;
}

async function seedAndRun(context: RunContext): Promise<QuickstartReport> {
  const { flags, progress, storage, loaded } = context;
  const sampleSet = chooseSampleSet(flags);
  const service = createAutomationService({
    store: storage.automations,
    transports: context.transports,
    timeZone: TIME_ZONE,
    hostMergeFields: sampleSet.mergeFields,
  });
  await checkSampleSetAlone(service, sampleSet, flags);

  progress.note(`Seeding ${loaded.learners.length} learners into ${describeStorage(flags)}`);
  await storage.learners.upsertLearners({ learners: loaded.learners });
  const unsaved = await seedAutomations(service, sampleSet.automations);
  for (const automation of unsaved) {
    progress.note(
      `Not created: ${automation.name} (${automation.automationId}): ${automation.message}`,
    );
  }

  const outbox = chooseOutbox(flags, loaded.runDate);
  if (outbox !== undefined && flags.store === 'memory' && !flags.dryRun) {
    await clearEarlierMessages(progress, outbox.dir, loaded.runDate);
  }

  const report = await runDue(context, sampleSet);
  progress.finish(report.automations);
  const automations =
    flags.ilr === undefined
      ? report.automations
      : await withLearners(context, service, report.automations);
  const unsavedIds = new Set(unsaved.map((automation) => automation.automationId));

  return {
    ...report,
    automations,
    storage: describeStorage(flags),
    learnerSource: loaded.source,
    unsaved,
    notDue: listNotDue(sampleSet.automations, unsavedIds, loaded.runDate, TIME_ZONE),
    outbox,
  };
}

async function clearEarlierMessages(progress: ProgressReporter, dir: string, runDate: string) {
  const removed = await clearOutbox(dir);
  if (removed === 0) return;

  progress.note(
    `Removed ${removed} outbox files of an earlier run on ${runDate} from ${dir}: memory storage starts empty, so this run sends those messages again`,
  );
}

function chooseSampleSet(flags: QuickstartFlags): SampleSet {
  if (flags.ilr === undefined) {
    return { automations: SAMPLE_AUTOMATIONS, other: ILR_SAMPLE_AUTOMATIONS, mergeFields: [] };
  }

  return {
    automations: ILR_SAMPLE_AUTOMATIONS,
    other: SAMPLE_AUTOMATIONS,
    mergeFields: ilrMergeFields,
  };
}

// A store that kept the other sample set from an earlier run would run both sets on both kinds
// of learners, so the quickstart stops instead of mixing them.
async function checkSampleSetAlone(
  service: AutomationService,
  sampleSet: SampleSet,
  flags: QuickstartFlags,
): Promise<void> {
  const found = await findStoredAutomation(service, sampleSet.other);
  if (found === undefined) return;

  const kind = flags.ilr === undefined ? 'ILR' : 'generated-population';
  throw new SetupError(
    `${describeStorage(flags)} already contains the ${kind} sample automation ${found}: pass another --data-dir or --schema, so that each learner source has its own database`,
  );
}

async function runDue(context: RunContext, sampleSet: SampleSet) {
  const { flags, loaded, progress } = context;
  const runner = createRunner({
    storage: context.storage,
    transports: context.transports,
    timeZone: TIME_ZONE,
    hostMergeFields: sampleSet.mergeFields,
    logger: context.environment.logger,
  });
  progress.note(
    `${flags.dryRun ? 'Dry run of' : 'Running'} the automations due on ${loaded.runDate}`,
  );

  return runner.runDue({
    now: localTimeToInstant(loaded.runDate, RUN_TIME, TIME_ZONE),
    dryRun: flags.dryRun,
    onProgress: (event) => progress.update(event),
  });
}

async function withLearners(
  context: RunContext,
  service: AutomationService,
  reports: readonly QuickstartAutomationReport[],
): Promise<QuickstartAutomationReport[]> {
  const listed: QuickstartAutomationReport[] = [];
  for (const report of reports) {
    const automation = await service.get(report.automationId);
    const ran = report.status === 'completed' || report.status === 'alreadyFinished';
    if (automation === undefined || !ran) {
      listed.push(report);
      continue;
    }

    const args = { storage: context.storage, automation, report, dryRun: context.flags.dryRun };
    listed.push({ ...report, learners: await listLearnerOutcomes(args) });
  }

  return listed;
}
