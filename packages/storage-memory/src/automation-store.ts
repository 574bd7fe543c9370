import {
  type Automation,
  type AutomationPage,
  type AutomationStore,
  AutomationsError,
  ErrorCode,
  type ListAutomationsQuery,
  NotFoundError,
  type StoredAutomation,
  VersionConflictError,
} from '@pics/automations-core';
import { copy } from './clone.js';

/** Creates an {@link AutomationStore} that keeps automations in a Map. */
export function createMemoryAutomationStore(): AutomationStore {
  const automations = new Map<string, StoredAutomation>();

  return {
    async create({ automation, now }) {
      if (automations.has(automation.id)) throw alreadyExists(automation.id);

      const stored = { ...copy(automation), version: 1, createdAt: now, updatedAt: now };
      automations.set(automation.id, copy(stored));

      return stored;
    },

    async get({ id }) {
      const stored = automations.get(id);

      return stored === undefined ? undefined : copy(stored);
    },

    async update({ automation, expectedVersion, now }) {
      const current = automations.get(automation.id);
      if (current === undefined) throw notFound(automation.id);
      if (current.version !== expectedVersion) {
        throw versionConflict(automation.id, expectedVersion, current.version);
      }

      const stored: StoredAutomation = {
        ...copy(automation),
        version: current.version + 1,
        createdAt: current.createdAt,
        updatedAt: now,
      };
      automations.set(automation.id, copy(stored));

      return stored;
    },

    async delete({ id }) {
      if (!automations.delete(id)) throw notFound(id);
    },

    async list(query) {
      return listPage([...automations.values()], query);
    },
  };
}

function listPage(automations: StoredAutomation[], query: ListAutomationsQuery): AutomationPage {
  requirePaging(query);

  const search = query.search?.toLowerCase() ?? '';
  const matching = automations
    .filter((automation) => automation.name.toLowerCase().includes(search))
    .sort(compareByNameThenId);
  const page = matching.slice(query.offset, query.offset + query.limit);

  return { items: page.map(copy), total: matching.length };
}

function requirePaging({ limit, offset }: ListAutomationsQuery): void {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid limit ${String(limit)}: pass a whole number of rows, at least 1`,
    );
  }
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid offset ${String(offset)}: pass a whole number of rows to skip, 0 or more`,
    );
  }
}

function compareByNameThenId(a: Automation, b: Automation): number {
  return compareStrings(a.name.toLowerCase(), b.name.toLowerCase()) || compareStrings(a.id, b.id);
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;

  return a < b ? -1 : 1;
}

function alreadyExists(id: string): AutomationsError {
  return new AutomationsError(
    ErrorCode.AlreadyExists,
    `Automation "${id}" already exists: choose another id or update the existing automation`,
  );
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(`Automation "${id}" not found: check the id, or create it first`);
}

function versionConflict(id: string, expected: number, current: number): VersionConflictError {
  return new VersionConflictError(
    `Automation "${id}" was saved by someone else (version ${current}, expected ${expected}): reload it and apply the change again`,
    current,
  );
}
