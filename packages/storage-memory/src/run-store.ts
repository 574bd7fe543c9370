import {
  type ClaimResult,
  NotFoundError,
  type RunKey,
  type RunRecord,
  type RunStore,
  VersionConflictError,
} from '@pics/automations-core';
import { compositeKey, copy } from './clone.js';

/**
 * Creates a {@link RunStore} in memory. Each method does its check and its write without yielding
 * to the event loop, which is what makes `claim` atomic in one process.
 */
export function createMemoryRunStore(): RunStore {
  const runs = new Map<string, RunRecord>();
  const keyOf = (key: RunKey) => compositeKey(key.automationId, key.runDate);

  return {
    async claim({ holder, leaseMs, now, ...key }) {
      const run = runs.get(keyOf(key));
      if (run === undefined) {
        const created = newRun(key, holder, leaseMs, now);
        runs.set(keyOf(key), created);

        return { outcome: 'claimed', run: copy(created), takenOver: false };
      }

      return claimExisting(run, holder, leaseMs, now);
    },

    async renew({ holder, leaseMs, now, ...key }) {
      const run = runs.get(keyOf(key));
      if (run?.status !== 'running' || run.holder !== holder) return false;

      run.leaseExpiresAt = new Date(now.getTime() + leaseMs);

      return true;
    },

    async finish({ holder, summary, now, ...key }) {
      const run = runs.get(keyOf(key));
      if (run === undefined) throw runNotFound(key);
      if (run.holder !== holder) throw takenOver(run, holder);
      if (run.status === 'finished') return copy(run);

      run.status = 'finished';
      run.finishedAt = new Date(now);
      run.summary = copy(summary);

      return copy(run);
    },

    async get(key) {
      const run = runs.get(keyOf(key));

      return run === undefined ? undefined : copy(run);
    },
  };
}

function newRun(key: RunKey, holder: string, leaseMs: number, now: Date): RunRecord {
  return {
    automationId: key.automationId,
    runDate: key.runDate,
    status: 'running',
    holder,
    leaseExpiresAt: new Date(now.getTime() + leaseMs),
    claims: 1,
    startedAt: new Date(now),
  };
}

// Changes `run` in place when the claim succeeds.
function claimExisting(run: RunRecord, holder: string, leaseMs: number, now: Date): ClaimResult {
  if (run.status === 'finished') return { outcome: 'finished', run: copy(run) };
  if (now.getTime() < run.leaseExpiresAt.getTime()) return { outcome: 'held', run: copy(run) };

  run.holder = holder;
  run.leaseExpiresAt = new Date(now.getTime() + leaseMs);
  run.claims += 1;

  return { outcome: 'claimed', run: copy(run), takenOver: true };
}

function runNotFound(key: RunKey): NotFoundError {
  return new NotFoundError(
    `No run of automation "${key.automationId}" on ${key.runDate}: claim the run before finishing it`,
  );
}

function takenOver(run: RunRecord, holder: string): VersionConflictError {
  return new VersionConflictError(
    `Run of automation "${run.automationId}" on ${run.runDate} was taken over by "${run.holder}" after the lease of "${holder}" expired: leave the run to its new holder`,
    run.claims,
  );
}
