import type { AutomationRunReport, RunDueReport } from '@pics/automations-core';
import type { UnsavedAutomation } from './automations.js';
import type { LearnerOutcomeRow } from './learner-outcomes.js';
import type { LearnerSourceReport } from './learners.js';
import type { NotDueAutomation } from './not-due.js';
import type { OutboxReport } from './outbox.js';

/** One automation's run, with its matched learners by name when the learners come from ILR. */
export interface QuickstartAutomationReport extends AutomationRunReport {
  /**
   * With `--ilr`, for a run that completed or had already finished: every matched learner and
   * their outcome, in learner id order.
   */
  learners?: LearnerOutcomeRow[] | undefined;
}

/**
 * The quickstart's report: the runner's, with the storage, the learners, the automations not
 * saved or not due, and the outbox folder. The example's README describes every key.
 */
export interface QuickstartReport extends RunDueReport {
  automations: QuickstartAutomationReport[];
  /** The storage in words, such as `Postgres storage in /srv/.pics-data (schema pics_automations)`. */
  storage: string;
  learnerSource: LearnerSourceReport;
  /** Sample automations that could not be saved, such as the SMS one without an SMS transport. */
  unsaved: UnsavedAutomation[];
  /** Saved sample automations whose schedule does not allow the run date. */
  notDue: NotDueAutomation[];
  /** The folder of this run's outbox messages; absent when no channel uses the outbox. */
  outbox?: OutboxReport | undefined;
}
