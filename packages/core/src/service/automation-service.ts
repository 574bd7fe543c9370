import { randomUUID } from 'node:crypto';
import { SmsNotConfiguredError, ValidationError } from '../errors/errors.js';
import { createMergeCatalogue } from '../merge/catalogue.js';
import type { MergeField } from '../merge/types.js';
import type { Automation, AutomationDraft } from '../model/automation.js';
import { parseAutomationDraft } from '../model/parse.js';
import { DEFAULT_TIME_ZONE } from '../schedule/run-time.js';
import { assertTimeZone } from '../schedule/time-zone.js';
import { requireExpectedVersion, withoutStoredFields } from './input.js';
import { checkListQuery, toListRow } from './list.js';
import type { AutomationService, AutomationServiceOptions } from './types.js';

/** Everything the service methods share, resolved once from the options. */
interface ServiceContext {
  catalogue: readonly MergeField[];
  smsEnabled: boolean;
  timeZone: string;
  clock: () => Date;
}

/**
 * Creates the service a host's screens use to create, change, delete and list automations. Every
 * save is validated (schema, templates against the merge-field catalogue, SMS availability)
 * before it reaches the store.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `timeZone` is unknown or a host
 *   merge field is invalid.
 */
export function createAutomationService(options: AutomationServiceOptions): AutomationService {
  const context = resolveContext(options);
  const { store } = options;

  return {
    timeZone: context.timeZone,

    async create(input) {
      const draft = validateDraft(input, context);
      const automation = { ...draft, id: draft.id ?? randomUUID() };

      return store.create({ automation, now: context.clock() });
    },

    async get(id) {
      return store.get({ id });
    },

    async update(id, input, expectedVersion) {
      const version = requireExpectedVersion(expectedVersion);
      const automation = withId(validateDraft(input, context), id);

      return store.update({ automation, expectedVersion: version, now: context.clock() });
    },

    async delete(id) {
      await store.delete({ id });
    },

    async list(query = {}) {
      const { search, page, pageSize } = checkListQuery(query);
      const result = await store.list({ search, limit: pageSize, offset: (page - 1) * pageSize });
      const now = context.clock();
      const rows = result.items.map((automation) =>
        toListRow(automation, { now, timeZone: context.timeZone }),
      );

      return {
        rows,
        total: result.total,
        page,
        pageSize,
        pageCount: Math.ceil(result.total / pageSize),
      };
    },
  };
}

function resolveContext(options: AutomationServiceOptions): ServiceContext {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);

  return {
    catalogue: createMergeCatalogue(options.hostMergeFields ?? []),
    smsEnabled: options.smsEnabled ?? options.transports?.sms !== undefined,
    timeZone,
    clock: options.clock ?? (() => new Date()),
  };
}

function validateDraft(input: unknown, context: ServiceContext): AutomationDraft {
  const draft = parseAutomationDraft(withoutStoredFields(input), { catalogue: context.catalogue });
  if (draft.channel === 'sms' && !context.smsEnabled) throw new SmsNotConfiguredError();

  return draft;
}

function withId(draft: AutomationDraft, id: string): Automation {
  if (draft.id !== undefined && draft.id !== id) {
    throw new ValidationError('automation', [
      {
        path: 'id',
        message: `"${draft.id}" differs from the automation being updated ("${id}"): remove the id or use the same one`,
      },
    ]);
  }

  return { ...draft, id };
}
