import type { Migration } from './index.js';

// Ids are COLLATE "C" so that `ORDER BY id` follows byte order, which for UTF-8 text is code
// point order: the order the learner source must yield, and one the primary key index serves.
// Learner lists the filters search are text[] with GIN indexes (&& and @> use them); officers,
// organisations and breaks are jsonb arrays, the links indexed for @> containment.

const automations = [
  `CREATE TABLE {schema}.automations (
    id text COLLATE "C" PRIMARY KEY,
    name text NOT NULL,
    document jsonb NOT NULL,
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`,
  'CREATE INDEX automations_lower_name_idx ON {schema}.automations ((lower(name) COLLATE "C"), id)',
];

const learners = [
  `CREATE TABLE {schema}.learners (
    id text COLLATE "C" PRIMARY KEY,
    first_name text NOT NULL,
    last_name text NOT NULL,
    email text,
    mobile text,
    allowed_contact_methods text[] NOT NULL DEFAULT '{}',
    entered_on date NOT NULL,
    start_date date,
    expected_end_date date,
    actual_end_date date,
    programme text,
    funding_organisation text,
    tags text[] NOT NULL DEFAULT '{}',
    sites text[] NOT NULL DEFAULT '{}',
    qualification_plans text[] NOT NULL DEFAULT '{}',
    contracts text[] NOT NULL DEFAULT '{}',
    officers jsonb NOT NULL DEFAULT '[]',
    organisations jsonb NOT NULL DEFAULT '[]',
    breaks_in_learning jsonb NOT NULL DEFAULT '[]',
    ilr_export_status text,
    as_status text,
    self_assessed_disability boolean,
    provider_end_code text,
    provider_destination text,
    file_types text[] NOT NULL DEFAULT '{}',
    fields jsonb NOT NULL DEFAULT '{}'
  )`,
  'CREATE INDEX learners_entered_on_idx ON {schema}.learners (entered_on)',
  'CREATE INDEX learners_start_date_idx ON {schema}.learners (start_date)',
  'CREATE INDEX learners_expected_end_date_idx ON {schema}.learners (expected_end_date)',
  'CREATE INDEX learners_actual_end_date_idx ON {schema}.learners (actual_end_date)',
  'CREATE INDEX learners_programme_idx ON {schema}.learners (programme)',
  'CREATE INDEX learners_funding_organisation_idx ON {schema}.learners (funding_organisation)',
  'CREATE INDEX learners_tags_idx ON {schema}.learners USING gin (tags)',
  'CREATE INDEX learners_sites_idx ON {schema}.learners USING gin (sites)',
  'CREATE INDEX learners_qualification_plans_idx ON {schema}.learners USING gin (qualification_plans)',
  'CREATE INDEX learners_contracts_idx ON {schema}.learners USING gin (contracts)',
  'CREATE INDEX learners_file_types_idx ON {schema}.learners USING gin (file_types)',
  'CREATE INDEX learners_officers_idx ON {schema}.learners USING gin (officers jsonb_path_ops)',
  'CREATE INDEX learners_organisations_idx ON {schema}.learners USING gin (organisations jsonb_path_ops)',
];

const ledger = [
  `CREATE TABLE {schema}.ledger (
    automation_id text COLLATE "C" NOT NULL,
    learner_id text COLLATE "C" NOT NULL,
    run_date date NOT NULL,
    status text NOT NULL CHECK (status IN ('reserved', 'sent', 'failed', 'skipped')),
    attempts integer NOT NULL DEFAULT 0,
    transport_message_id text,
    error text,
    error_code text,
    delivery_status text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (automation_id, learner_id, run_date)
  )`,
  'CREATE INDEX ledger_transport_message_id_idx ON {schema}.ledger (transport_message_id)',
  `CREATE INDEX ledger_reserved_idx ON {schema}.ledger (automation_id, run_date, learner_id)
    WHERE status = 'reserved'`,
];

const runs = [
  `CREATE TABLE {schema}.runs (
    automation_id text COLLATE "C" NOT NULL,
    run_date date NOT NULL,
    status text NOT NULL CHECK (status IN ('running', 'finished')),
    holder text NOT NULL,
    lease_expires_at timestamptz NOT NULL,
    claims integer NOT NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz,
    summary jsonb,
    PRIMARY KEY (automation_id, run_date)
  )`,
];

const communications = [
  `CREATE TABLE {schema}.communications (
    sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    automation_id text COLLATE "C" NOT NULL,
    learner_id text COLLATE "C" NOT NULL,
    run_date date NOT NULL,
    channel text NOT NULL,
    recipient text NOT NULL,
    subject text,
    body text NOT NULL,
    transport_message_id text,
    sent_at timestamptz NOT NULL,
    UNIQUE (automation_id, learner_id, run_date)
  )`,
  'CREATE INDEX communications_learner_idx ON {schema}.communications (learner_id, sent_at)',
];

/** Creates the automations, learners, ledger, runs and communications tables. */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  statements: [...automations, ...learners, ...ledger, ...runs, ...communications],
};
