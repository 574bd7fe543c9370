import type { MergeField } from '../merge/types.js';
import type { AutomationDraftInput } from '../model/automation.js';
import type { AutomationStore, StoredAutomation } from '../ports/automation-store.js';
import type { EmailTransport, SmsTransport } from '../ports/transports.js';

/**
 * An automation as {@link AutomationService.create} and {@link AutomationService.update} accept
 * it. The fields a store adds (`version`, `createdAt`, `updatedAt`) are allowed and ignored, so
 * an automation read with `get` can be changed and passed back as it is.
 */
export type AutomationSaveInput = AutomationDraftInput &
  Partial<Pick<StoredAutomation, 'version' | 'createdAt' | 'updatedAt'>>;

/** Options of {@link createAutomationService}. */
export interface AutomationServiceOptions {
  /** The store that keeps automations. */
  store: AutomationStore;
  /**
   * Whether the host has an SMS transport, which SMS automations need. When absent, SMS is
   * enabled when `transports.sms` is set.
   * @default false
   */
  smsEnabled?: boolean | undefined;
  /** The host's transports; only the presence of `sms` is read. */
  transports?: { email?: EmailTransport | undefined; sms?: SmsTransport | undefined } | undefined;
  /** IANA time zone of the host, for next run times. @default 'Europe/London' */
  timeZone?: string | undefined;
  /** Host merge fields that templates may use besides the built-in ones. @default [] */
  hostMergeFields?: readonly MergeField[] | undefined;
  /** Returns the current instant, for timestamps and next run times. @default () => new Date() */
  clock?: (() => Date) | undefined;
}

/** Arguments of {@link AutomationService.list}. */
export interface AutomationListQuery {
  /** Case-insensitive part of the name; blank or absent lists every automation. */
  search?: string | undefined;
  /** Rows per page, the "Number of Records Displayed": a whole number from 1 to 500. @default 10 */
  pageSize?: number | undefined;
  /** The page to return, counted from 1. @default 1 */
  page?: number | undefined;
}

/** One row of the automation list. */
export interface AutomationListRow {
  /** The automation as stored. */
  automation: StoredAutomation;
  /** The schedule in words, such as "Mondays at 05:00". */
  scheduleDescription: string;
  /** The next instant the automation runs after the service's clock reading. */
  nextRunAt: Date | undefined;
}

/** One page of the automation list. */
export interface AutomationListPage {
  /** The rows of this page, sorted by name (case-insensitive), then by id. */
  rows: AutomationListRow[];
  /** How many automations match the search across all pages. */
  total: number;
  /** The page returned, counted from 1. */
  page: number;
  /** Rows per page. */
  pageSize: number;
  /** How many pages the matching automations fill; 0 when none match. */
  pageCount: number;
}

/** Creates, changes, deletes and lists automations, validating each before it is saved. */
export interface AutomationService {
  /** IANA time zone that next run times are computed in. */
  readonly timeZone: string;

  /**
   * Validates and saves a new automation, with a random UUID as its id when the input has none.
   * `version`, `createdAt` and `updatedAt` in the input are ignored, but any other unknown key is
   * rejected.
   *
   * @throws {ValidationError} listing every problem with its path.
   * @throws {SmsNotConfiguredError} for an SMS automation when SMS is not enabled.
   * @throws {AutomationsError} with code `ALREADY_EXISTS` when the id is taken.
   */
  create(input: AutomationSaveInput): Promise<StoredAutomation>;

  /** Returns the automation with this id, or `undefined` when there is none. */
  get(id: string): Promise<StoredAutomation | undefined>;

  /**
   * Validates and saves a changed automation. `expectedVersion` is the version the caller read,
   * and the save is rejected when someone saved in between. `version`, `createdAt` and
   * `updatedAt` in the input are ignored, so `update(id, { ...automation, name },
   * automation.version)` works on an automation read with `get`. Any other unknown key is
   * rejected.
   *
   * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `expectedVersion` is not a whole
   *   number from 1. It is checked before the input.
   * @throws {ValidationError} listing every problem, including an id in the input that differs
   *   from `id`.
   * @throws {SmsNotConfiguredError} for an SMS automation when SMS is not enabled.
   * @throws {NotFoundError} when no automation has this id.
   * @throws {VersionConflictError} when the stored version is not `expectedVersion`.
   */
  update(
    id: string,
    input: AutomationSaveInput,
    expectedVersion: number,
  ): Promise<StoredAutomation>;

  /**
   * Deletes an automation.
   *
   * @throws {NotFoundError} when no automation has this id.
   */
  delete(id: string): Promise<void>;

  /**
   * Returns one page of automations sorted by name, each with its schedule in words and its next
   * run time. A page after the last one has no rows.
   *
   * @throws {ValidationError} when `page` or `pageSize` is not a whole number in range.
   */
  list(query?: AutomationListQuery): Promise<AutomationListPage>;
}
