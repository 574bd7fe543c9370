import type { FindLearnersQuery, Learner, LearnerStore } from '@pics/automations-core';
import type { Database, Row } from './database.js';
import { compileFiltersToSql } from './filters-sql.js';
import { fromLearnerRow, LEARNER_COLUMNS, type LearnerRow, toLearnerRow } from './learner-row.js';

/** Dependencies of {@link createLearnerStore}. */
export interface LearnerStoreContext {
  database: Database;
  /** Quoted, possibly schema-qualified name of the learners table or view. */
  learnersTable: string;
  /** Learners per round trip while streaming and per statement while writing. */
  batchSize: number;
}

const SELECT_LIST = LEARNER_COLUMNS.join(', ');

// Byte order of UTF-8 text, which is code point order.
const ID_ORDER = 'id COLLATE "C"';

const UPDATE_LIST = LEARNER_COLUMNS.filter((column) => column !== 'id')
  .map((column) => `${column} = EXCLUDED.${column}`)
  .join(', ');

/**
 * Creates the learner source and store. `findLearners` pushes the filters down into SQL and
 * streams the matching rows in id order, a batch at a time.
 *
 * NOTE: rows come in code point order. That is the UTF-16 order the port requires except when
 * ids mix characters above U+FFFF with characters from U+E000 to U+FFFF, which sort the other
 * way round in UTF-16.
 */
export function createLearnerStore(context: LearnerStoreContext): LearnerStore {
  return {
    findLearners: (query) => findLearners(context, query),
    upsertLearners: ({ learners }) => upsertLearners(context, learners),
    getLearner: ({ id }) => getLearner(context, id),
    countLearners: () => countLearners(context),
  };
}

async function* findLearners(
  context: LearnerStoreContext,
  { filters, runDate, signal }: FindLearnersQuery,
): AsyncIterable<Learner> {
  const condition = compileFiltersToSql(filters, runDate);
  const batches = context.database.cursor
    ? context.database.cursor<LearnerRow & Row>(
        `SELECT ${SELECT_LIST} FROM ${context.learnersTable} WHERE ${condition.sql} ORDER BY ${ID_ORDER}`,
        condition.params,
        context.batchSize,
      )
    : readPagesById(context, condition.sql, condition.params);

  for await (const rows of batches) {
    for (const row of rows) {
      if (signal?.aborted) return;
      yield fromLearnerRow(row);
    }
  }
}

// Keyset paging: each page starts after the last id of the one before, so no query keeps a
// connection between pages and the embedded database can serve other queries meanwhile.
async function* readPagesById(
  context: LearnerStoreContext,
  conditionSql: string,
  params: readonly unknown[],
): AsyncIterable<(LearnerRow & Row)[]> {
  const afterId = `$${params.length + 1}::text`;
  const limit = `$${params.length + 2}::integer`;
  const sql = `SELECT ${SELECT_LIST} FROM ${context.learnersTable}
    WHERE (${conditionSql}) AND (${afterId} IS NULL OR ${ID_ORDER} > ${afterId})
    ORDER BY ${ID_ORDER} LIMIT ${limit}`;

  let lastId: string | null = null;
  while (true) {
    const rows: (LearnerRow & Row)[] = await context.database.query<LearnerRow & Row>(sql, [
      ...params,
      lastId,
      context.batchSize,
    ]);
    if (rows.length > 0) yield rows;
    if (rows.length < context.batchSize) return;
    lastId = (rows[rows.length - 1] as LearnerRow).id;
  }
}

async function upsertLearners(
  context: LearnerStoreContext,
  learners: readonly Learner[],
): Promise<void> {
  const rows = lastPerId(learners).map(toLearnerRow);
  const sql = `INSERT INTO ${context.learnersTable} (${SELECT_LIST})
    SELECT ${SELECT_LIST} FROM jsonb_populate_recordset(NULL::${context.learnersTable}, $1::jsonb)
    ON CONFLICT (id) DO UPDATE SET ${UPDATE_LIST}`;

  for (let start = 0; start < rows.length; start += context.batchSize) {
    const batch = rows.slice(start, start + context.batchSize);
    await context.database.query(sql, [JSON.stringify(batch)]);
  }
}

// One statement cannot update the same row twice, so a repeated id keeps its last version only.
function lastPerId(learners: readonly Learner[]): Learner[] {
  const byId = new Map<string, Learner>();
  for (const learner of learners) byId.set(learner.id, learner);

  return [...byId.values()];
}

async function getLearner(context: LearnerStoreContext, id: string): Promise<Learner | undefined> {
  const rows = await context.database.query<LearnerRow & Row>(
    `SELECT ${SELECT_LIST} FROM ${context.learnersTable} WHERE id = $1::text`,
    [id],
  );

  return rows[0] === undefined ? undefined : fromLearnerRow(rows[0]);
}

async function countLearners(context: LearnerStoreContext): Promise<number> {
  const rows = await context.database.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM ${context.learnersTable}`,
  );

  return rows[0]?.count ?? 0;
}
