import type { BreakInLearning, ContactMethod, Learner, LearnerLink } from '@pics/automations-core';

/** A row of the learners table (or of a view with the same columns). */
export interface LearnerRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  mobile: string | null;
  allowed_contact_methods: string[];
  entered_on: string;
  start_date: string | null;
  expected_end_date: string | null;
  actual_end_date: string | null;
  programme: string | null;
  funding_organisation: string | null;
  tags: string[];
  sites: string[];
  qualification_plans: string[];
  contracts: string[];
  officers: LearnerLink[];
  organisations: LearnerLink[];
  breaks_in_learning: BreakInLearning[];
  ilr_export_status: string | null;
  as_status: string | null;
  self_assessed_disability: boolean | null;
  provider_end_code: string | null;
  provider_destination: string | null;
  file_types: string[];
  fields: Learner['fields'];
}

/** Every column of the learners table, in table order, for SELECT lists. */
export const LEARNER_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'mobile',
  'allowed_contact_methods',
  'entered_on',
  'start_date',
  'expected_end_date',
  'actual_end_date',
  'programme',
  'funding_organisation',
  'tags',
  'sites',
  'qualification_plans',
  'contracts',
  'officers',
  'organisations',
  'breaks_in_learning',
  'ilr_export_status',
  'as_status',
  'self_assessed_disability',
  'provider_end_code',
  'provider_destination',
  'file_types',
  'fields',
] as const satisfies readonly (keyof LearnerRow)[];

/** Converts a learner to a row; absent optional fields become null. */
export function toLearnerRow(learner: Learner): LearnerRow {
  return {
    id: learner.id,
    first_name: learner.firstName,
    last_name: learner.lastName,
    email: learner.email ?? null,
    mobile: learner.mobile ?? null,
    allowed_contact_methods: learner.allowedContactMethods,
    entered_on: learner.enteredOn,
    start_date: learner.startDate ?? null,
    expected_end_date: learner.expectedEndDate ?? null,
    actual_end_date: learner.actualEndDate ?? null,
    programme: learner.programme ?? null,
    funding_organisation: learner.fundingOrganisation ?? null,
    tags: learner.tags,
    sites: learner.sites,
    qualification_plans: learner.qualificationPlans,
    contracts: learner.contracts,
    officers: learner.officers,
    organisations: learner.organisations,
    breaks_in_learning: learner.breaksInLearning,
    ilr_export_status: learner.ilrExportStatus ?? null,
    as_status: learner.asStatus ?? null,
    self_assessed_disability: learner.selfAssessedDisability ?? null,
    provider_end_code: learner.providerEndCode ?? null,
    provider_destination: learner.providerDestination ?? null,
    file_types: learner.fileTypes,
    fields: learner.fields,
  };
}

/**
 * Converts a row back to a learner. A null column becomes an absent field, because a column
 * cannot tell null from absent; lists and `fields` default to empty when a view returns null.
 */
export function fromLearnerRow(row: LearnerRow): Learner {
  const learner: Learner = {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    allowedContactMethods: (row.allowed_contact_methods ?? []) as ContactMethod[],
    enteredOn: row.entered_on,
    tags: row.tags ?? [],
    sites: row.sites ?? [],
    qualificationPlans: row.qualification_plans ?? [],
    contracts: row.contracts ?? [],
    officers: row.officers ?? [],
    organisations: row.organisations ?? [],
    breaksInLearning: row.breaks_in_learning ?? [],
    fileTypes: row.file_types ?? [],
    fields: row.fields ?? {},
  };
  assignPresent(learner, row);

  return learner;
}

function assignPresent(learner: Learner, row: LearnerRow): void {
  if (row.email !== null) learner.email = row.email;
  if (row.mobile !== null) learner.mobile = row.mobile;
  if (row.start_date !== null) learner.startDate = row.start_date;
  if (row.expected_end_date !== null) learner.expectedEndDate = row.expected_end_date;
  if (row.actual_end_date !== null) learner.actualEndDate = row.actual_end_date;
  if (row.programme !== null) learner.programme = row.programme;
  if (row.funding_organisation !== null) learner.fundingOrganisation = row.funding_organisation;
  if (row.ilr_export_status !== null) learner.ilrExportStatus = row.ilr_export_status;
  if (row.as_status !== null) learner.asStatus = row.as_status;
  if (row.self_assessed_disability !== null) {
    learner.selfAssessedDisability = row.self_assessed_disability;
  }
  if (row.provider_end_code !== null) learner.providerEndCode = row.provider_end_code;
  if (row.provider_destination !== null) learner.providerDestination = row.provider_destination;
}
