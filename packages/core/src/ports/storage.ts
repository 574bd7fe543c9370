import type { AutomationStore } from './automation-store.js';
import type { CommunicationLog } from './communication-log.js';
import type { DeliveryLedger } from './delivery-ledger.js';
import type { LearnerSource } from './learner-source.js';
import type { RunStore } from './run-store.js';

/** Every storage port the runner and the automation service need, as one adapter provides them. */
export interface Storage {
  automations: AutomationStore;
  learners: LearnerSource;
  ledger: DeliveryLedger;
  runs: RunStore;
  communications: CommunicationLog;
  /** Releases connections. */
  close?(): Promise<void>;
}
