import {
  createAutomationService,
  createRunner,
  type Logger,
  localDate,
  localTimeToInstant,
  parseLearner,
  RUN_TIME,
  type RunDueReport,
} from '@pics/automations-core';
import { SAMPLE_AUTOMATIONS, seedAutomations } from './automations.js';
import type { QuickstartFlags } from './flags.js';
import { generatePopulation } from './population.js';
import { createProgressReporter } from './progress.js';
import { createStorageFromFlags } from './storage.js';
import { createTransportsFromFlags } from './transports.js';

/** The host's time zone: run dates and the 05:00 run time are local to it. */
export const TIME_ZONE = 'Europe/London';

/** Streams and logger the quickstart writes to. */
export interface QuickstartEnvironment {
  /** Receives progress lines. */
  stderr: NodeJS.WritableStream;
  /** Receives the runner's warnings and errors. */
  logger: Logger;
}

/**
 * Seeds storage with a generated population and the sample automations, then runs what is due on
 * the run date at 05:00 local time, through the transports the flags choose.
 */
export async function runQuickstart(
  flags: QuickstartFlags,
  environment: QuickstartEnvironment,
): Promise<RunDueReport> {
  const runDate = flags.date ?? localDate(new Date(), TIME_ZONE);
  const now = localTimeToInstant(runDate, RUN_TIME, TIME_ZONE);
  const names = new Map(SAMPLE_AUTOMATIONS.map((input) => [input.id as string, input.name]));
  const progress = createProgressReporter(environment.stderr, names);
  const storage = await createStorageFromFlags(flags);
  const transports = createTransportsFromFlags(flags);

  try {
    progress.note(`Generating ${flags.learners} learners around ${runDate}`);
    const learners = generatePopulation({ count: flags.learners, runDate }).map(parseLearner);
    await storage.learners.upsertLearners({ learners });

    const service = createAutomationService({
      store: storage.automations,
      transports,
      timeZone: TIME_ZONE,
    });
    await seedAutomations(service);

    const runner = createRunner({
      storage,
      transports,
      timeZone: TIME_ZONE,
      logger: environment.logger,
    });
    progress.note(`${flags.dryRun ? 'Dry run' : 'Running'} the automations due on ${runDate}`);

    return await runner.runDue({
      now,
      dryRun: flags.dryRun,
      onProgress: (event) => progress.update(event),
    });
  } finally {
    await storage.close?.();
  }
}
