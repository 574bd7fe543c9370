import { AutomationsError, ErrorCode } from '../errors/errors.js';
import type { Learner } from '../model/learner.js';
import type { MergeField, MergeFieldType } from './types.js';

/** Keys of the learner record's own scalar fields that templates may use. */
export type BuiltInMergeFieldKey =
  | 'id'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'mobile'
  | 'enteredOn'
  | 'startDate'
  | 'expectedEndDate'
  | 'actualEndDate'
  | 'programme'
  | 'fundingOrganisation'
  | 'ilrExportStatus'
  | 'asStatus'
  | 'providerEndCode'
  | 'providerDestination';

/** A catalogue entry read from the learner record itself rather than from its `fields`. */
export interface BuiltInMergeField extends MergeField {
  /** Name of the learner record's property. */
  key: BuiltInMergeFieldKey & keyof Learner;
}

const MERGE_FIELD_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MERGE_FIELD_TYPES: ReadonlySet<string> = new Set<MergeFieldType>(['text', 'date', 'number']);

function builtIn(
  key: BuiltInMergeFieldKey,
  label: string,
  type: MergeFieldType,
  example: string,
): BuiltInMergeField {
  return Object.freeze({ key, label, type, example });
}

/**
 * The built-in merge fields: every scalar field of the learner record, in the order the `{{`
 * drop-down lists them. Date examples are shown as they render.
 */
export const mergeFields: readonly BuiltInMergeField[] = Object.freeze([
  builtIn('firstName', 'First name', 'text', 'Amara'),
  builtIn('lastName', 'Last name', 'text', 'Okafor'),
  builtIn('email', 'Email address', 'text', 'amara.okafor@example.com'),
  builtIn('mobile', 'Mobile number', 'text', '07400 100001'),
  builtIn('enteredOn', 'Entered on', 'date', '20 August 2026'),
  builtIn('startDate', 'Start date', 'date', '1 September 2026'),
  builtIn('expectedEndDate', 'Expected end date', 'date', '4 December 2026'),
  builtIn('actualEndDate', 'Actual end date', 'date', '27 November 2026'),
  builtIn('programme', 'Programme', 'text', 'prog-st0118'),
  builtIn('fundingOrganisation', 'Funding organisation', 'text', 'fund-esfa'),
  builtIn('ilrExportStatus', 'ILR export status', 'text', 'ready'),
  builtIn('asStatus', 'Apprenticeship Service status', 'text', 'approved'),
  builtIn('providerEndCode', 'Provider end code', 'text', 'completed'),
  builtIn('providerDestination', 'Provider destination', 'text', 'employed'),
  builtIn('id', 'Learner ID', 'text', 'L01'),
]);

const builtInByKey: ReadonlyMap<string, BuiltInMergeField> = new Map(
  mergeFields.map((field) => [field.key, field]),
);

/** Returns the built-in merge field with this key, or `undefined` for any other key. */
export function findBuiltInMergeField(key: string): BuiltInMergeField | undefined {
  return builtInByKey.get(key);
}

/** Returns whether a string is a plain identifier, the only form a merge field key may take. */
export function isMergeFieldKey(text: string): boolean {
  return MERGE_FIELD_KEY.test(text);
}

/**
 * Builds the catalogue a host offers: the built-in fields followed by the host's own fields, which
 * are keys of the learner record's `fields`. The result is frozen and keeps the given order.
 *
 * @param hostFields - host fields to add. @default none
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when a host key is not a plain
 *   identifier, repeats another host key or clashes with a built-in key, or when a type is not
 *   `text`, `date` or `number`.
 */
export function createMergeCatalogue(
  hostFields: readonly MergeField[] = [],
): readonly MergeField[] {
  const seen = new Set<string>();
  const added = hostFields.map((field, index) => {
    checkHostField(field, index, seen);
    seen.add(field.key);

    return Object.freeze({ ...field });
  });

  return Object.freeze([...mergeFields, ...added]);
}

function checkHostField(field: MergeField, index: number, seen: ReadonlySet<string>): void {
  const key: unknown = field.key;
  const at = `host merge field ${index}`;
  if (typeof key !== 'string' || !isMergeFieldKey(key)) {
    invalid(
      `Invalid ${at} key ${JSON.stringify(key)}: use letters, digits and underscores, not starting with a digit`,
    );
  }
  if (builtInByKey.has(key)) {
    invalid(`Invalid ${at} key "${key}": it clashes with the built-in field; choose another key`);
  }
  if (seen.has(key)) {
    invalid(`Invalid ${at} key "${key}": an earlier host field has the same key; list it once`);
  }
  if (!MERGE_FIELD_TYPES.has(field.type)) {
    invalid(
      `Invalid ${at} "${key}" type ${JSON.stringify(field.type)}: use "text", "date" or "number"`,
    );
  }
}

function invalid(message: string): never {
  throw new AutomationsError(ErrorCode.InvalidArgument, message);
}
