/**
 * PostgreSQL benchmark: recipient selection over one million learners with the filters pushed
 * down into SQL, against streaming every row into Node and filtering there with
 * `compileFilters`, plus the peak resident memory of each path.
 *
 * Needs the PostgreSQL server at `DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test);
 * it loads the learners into a schema of its own and drops it at the end.
 * Run alone with `pnpm exec tsx --conditions=source bench/postgres.ts`.
 */
import { type CalendarDate, compileFilters, type Filters } from '@pics/automations-core';
import { createPostgresStorage, type PostgresStorage } from '@pics/automations-storage-postgres';
import { generateLearners } from './population.js';
import { type BenchSection, formatNumber, markdownTable, median } from './stats.js';

const RUN_DATE: CalendarDate = '2026-12-07';
const LEARNERS = 1_000_000;
const LOAD_CHUNK = 50_000;
const RUNS = 3;
const RSS_SAMPLE_MS = 20;

/** The three audiences timed: one selective, one broad, one on list fields. */
const AUTOMATIONS: { name: string; filters: Filters }[] = [
  {
    name: 'selective: started in the last 14 days, in learning',
    filters: {
      episodeStatus: 'inLearning',
      startedBetween: { from: { daysFromRunDate: -14 }, to: { daysFromRunDate: 0 } },
    },
  },
  {
    name: 'broad: in learning, not on a break',
    filters: {
      episodeStatus: 'inLearning',
      breakInLearning: { mode: 'exclude', scope: 'current' },
    },
  },
  {
    name: 'lists: sites, tags, officer, file types',
    filters: {
      sites: { match: 'anyOf', values: ['site-leeds', 'site-york'] },
      tags: { match: 'any', values: ['Portfolio overdue', 'Priority'] },
      officer: { id: 'o-7', relationship: 'Assessor' },
      fileTypes: { match: 'all', values: ['ILP'] },
    },
  },
];

interface PathResult {
  medianMs: number;
  matched: number;
  peakRssMb: number;
}

/** Runs the PostgreSQL benchmark and returns its section of the benchmark page. */
export async function benchPostgres(): Promise<BenchSection> {
  const connectionString = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${process.pid}_${Date.now()}`;
  const storage = createPostgresStorage({ connectionString, schema, batchSize: 1000 });
  try {
    await storage.migrate();
    const loadMs = await loadLearners(storage);
    const baselineRssMb = process.memoryUsage.rss() / 1_048_576;
    const rows = [];
    for (const automation of AUTOMATIONS) rows.push(await compare(storage, automation.filters));

    return {
      title: 'PostgreSQL: filter push-down',
      markdown: report({ loadMs, baselineRssMb }, rows),
    };
  } finally {
    await storage.database.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await storage.close();
  }
}

// Generates and writes the learners a chunk at a time, so the whole population never sits in
// memory and the streaming figures are not inflated by it.
async function loadLearners(storage: PostgresStorage): Promise<number> {
  const started = performance.now();
  for (let offset = 0; offset < LEARNERS; offset += LOAD_CHUNK) {
    const learners = generateLearners(LOAD_CHUNK, RUN_DATE, 42 + offset).map((learner, index) => ({
      ...learner,
      id: `L${String(offset + index + 1).padStart(7, '0')}`,
    }));
    await storage.learners.upsertLearners({ learners });
  }
  await storage.database.query(`ANALYZE "${storage.schema}".learners`);

  return performance.now() - started;
}

async function compare(
  storage: PostgresStorage,
  filters: Filters,
): Promise<{ pushDown: PathResult; inNode: PathResult }> {
  const pushDown = await measure(() => countPushedDown(storage, filters));
  const inNode = await measure(() => countInNode(storage, filters));
  if (pushDown.matched !== inNode.matched) {
    throw new Error(`push-down matched ${pushDown.matched}, Node matched ${inNode.matched}`);
  }

  return { pushDown, inNode };
}

async function countPushedDown(storage: PostgresStorage, filters: Filters): Promise<number> {
  let count = 0;
  for await (const _learner of storage.learners.findLearners({ filters, runDate: RUN_DATE })) {
    count++;
  }

  return count;
}

// Every row crosses the wire and is mapped to a learner; only then does the predicate run.
async function countInNode(storage: PostgresStorage, filters: Filters): Promise<number> {
  const matches = compileFilters(filters, { runDate: RUN_DATE });
  let count = 0;
  for await (const learner of storage.learners.findLearners({ filters: {}, runDate: RUN_DATE })) {
    if (matches(learner)) count++;
  }

  return count;
}

async function measure(work: () => Promise<number>): Promise<PathResult> {
  const durations: number[] = [];
  let matched = 0;
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, RSS_SAMPLE_MS);
  try {
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      matched = await work();
      durations.push(performance.now() - started);
    }
  } finally {
    clearInterval(sampler);
  }

  return { medianMs: median(durations), matched, peakRssMb: peakRss / 1_048_576 };
}

function report(
  { loadMs, baselineRssMb }: { loadMs: number; baselineRssMb: number },
  results: { pushDown: PathResult; inNode: PathResult }[],
): string {
  const rows = results.map(({ pushDown, inNode }, index) => [
    AUTOMATIONS[index]?.name ?? '',
    formatNumber(pushDown.matched),
    formatNumber(pushDown.medianMs, 0),
    formatNumber(inNode.medianMs, 0),
    formatNumber(inNode.medianMs / pushDown.medianMs, 1),
    formatNumber(pushDown.peakRssMb, 0),
    formatNumber(inNode.peakRssMb, 0),
  ]);

  return [
    `${formatNumber(LEARNERS)} generated learners in PostgreSQL (reference \`learners\` table,`,
    `loaded in ${formatNumber(loadMs / 1000, 1)} s by \`upsertLearners\`), run date ${RUN_DATE}.`,
    '"Push-down" streams the learners the SQL filters select through a cursor, 1,000 rows per',
    'batch; "in Node" streams every row the same way and filters with `compileFilters`. Times are',
    `medians of ${RUNS} runs; the ratio is the Node time divided by the push-down time. Peak RSS is`,
    `the resident memory of the benchmark process, sampled every ${RSS_SAMPLE_MS} ms; it was`,
    `${formatNumber(baselineRssMb, 0)} MB after loading, before the first measurement.`,
    '',
    markdownTable(
      [
        'audience',
        'matched',
        'push-down ms',
        'in Node ms',
        'ratio',
        'push-down peak RSS MB',
        'in Node peak RSS MB',
      ],
      rows,
    ),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await benchPostgres()).markdown);
}
