/**
 * Core benchmarks: the compiled filter predicate against sift and a hand-written loop over one
 * million learners, and template rendering against precompiled mustache.js and Handlebars.
 *
 * Run alone with `pnpm exec tsx --conditions=source bench/core.ts`.
 */
import {
  addDays,
  type CalendarDate,
  compileFilters,
  compileTemplate,
  type Filters,
  type Learner,
} from '@pics/automations-core';
import Handlebars from 'handlebars';
import Mustache from 'mustache';
import sift from 'sift';
import { generateLearners } from './population.js';
import { type BenchSection, formatNumber, markdownTable, medianMs } from './stats.js';

const RUN_DATE: CalendarDate = '2026-12-07';
const LEARNERS = 1_000_000;
const RENDERS = 1_000_000;
const RUNS = 5;

/** The end date reminder audience with a sites clause and a tags clause. */
const FILTERS: Filters = {
  episodeStatus: 'inLearning',
  expectedToEndBetween: { from: { daysFromRunDate: 0 }, to: { daysFromRunDate: 30 } },
  tags: { match: 'none', values: ['do-not-contact'] },
  sites: { match: 'anyOf', values: ['site-leeds', 'site-york'] },
  breakInLearning: { mode: 'exclude', scope: 'current' },
};

/** Returns the same audience as a MongoDB-style query for sift. */
function siftQuery(runDate: CalendarDate) {
  const to = addDays(runDate, 30);

  return {
    $and: [
      { $or: [{ actualEndDate: null }, { actualEndDate: { $gt: runDate } }] },
      { startDate: { $lte: runDate } },
      { expectedEndDate: { $gte: runDate, $lte: to } },
      { tags: { $nin: ['do-not-contact'] } },
      { sites: { $in: ['site-leeds', 'site-york'] } },
      {
        breaksInLearning: {
          $not: {
            $elemMatch: {
              startDate: { $lte: runDate },
              $or: [{ endDate: null }, { endDate: { $gte: runDate } }],
            },
          },
        },
      },
    ],
  };
}

/** Returns the same audience as a predicate written by hand, as a developer would without the SDK. */
function handWritten(runDate: CalendarDate): (learner: Learner) => boolean {
  const to = addDays(runDate, 30);

  return (learner) => {
    if (learner.actualEndDate != null && learner.actualEndDate <= runDate) return false;
    if (learner.startDate == null || learner.startDate > runDate) return false;
    const end = learner.expectedEndDate;
    if (end == null || end < runDate || end > to) return false;
    if (learner.tags.includes('do-not-contact')) return false;
    if (!learner.sites.some((site) => site === 'site-leeds' || site === 'site-york')) return false;

    return !learner.breaksInLearning.some(
      (item) => item.startDate <= runDate && (item.endDate == null || item.endDate >= runDate),
    );
  };
}

function countMatches(learners: readonly Learner[], predicate: (learner: Learner) => boolean) {
  let count = 0;
  for (const learner of learners) if (predicate(learner)) count++;

  return count;
}

function benchFilters(learners: readonly Learner[]): string {
  const compiled = compileFilters(FILTERS, { runDate: RUN_DATE });
  const siftPredicate = sift(siftQuery(RUN_DATE)) as (learner: Learner) => boolean;
  const loop = handWritten(RUN_DATE);
  const expected = countMatches(learners, compiled);
  for (const [name, predicate] of [
    ['sift', siftPredicate],
    ['hand-written loop', loop],
  ] as const) {
    const count = countMatches(learners, predicate);
    if (count !== expected)
      throw new Error(`${name} matched ${count}, compiled matched ${expected}`);
  }

  const timings = {
    compiled: medianMs(RUNS, () => countMatches(learners, compiled)),
    sift: medianMs(RUNS, () => countMatches(learners, siftPredicate)),
    loop: medianMs(RUNS, () => countMatches(learners, loop)),
  };
  const perSecond = (ms: number) => formatNumber((learners.length / ms) * 1000);
  const rows = [
    [
      'compiled predicate (`compileFilters`)',
      formatNumber(timings.compiled, 1),
      perSecond(timings.compiled),
      '1.00',
    ],
    [
      'sift 17',
      formatNumber(timings.sift, 1),
      perSecond(timings.sift),
      formatNumber(timings.sift / timings.compiled, 2),
    ],
    [
      'hand-written loop',
      formatNumber(timings.loop, 1),
      perSecond(timings.loop),
      formatNumber(timings.loop / timings.compiled, 2),
    ],
  ];

  return [
    `${formatNumber(learners.length)} generated learners, the end date reminder audience (in learning, expected`,
    'to end within 30 days, no `do-not-contact` tag, no current break) plus a sites `anyOf` clause;',
    `${formatNumber(expected)} learners match, and every implementation matched the same number.`,
    "The ratio is each time divided by the compiled predicate's time (above 1: slower than it).",
    '',
    markdownTable(['implementation', 'median ms', 'learners per second', 'time ratio'], rows),
  ].join('\n');
}

function benchRendering(learners: readonly Learner[]): string {
  const template = 'Hi {{ firstName }} {{ lastName }}, your {{ programme }} review is due.';
  const ours = compileTemplate(template, { channel: 'sms' });
  const mustacheTemplate =
    'Hi {{{ firstName }}} {{{ lastName }}}, your {{{ programme }}} review is due.';
  Mustache.parse(mustacheTemplate);
  const handlebars = Handlebars.compile(template, { noEscape: true });
  const sample = learners.slice(0, 1000);
  const check = sample[0]!;
  const outputs = [ours(check), Mustache.render(mustacheTemplate, check), handlebars(check)];
  if (new Set(outputs).size !== 1) throw new Error(`Renderers disagree: ${outputs.join(' | ')}`);

  const renderAll = (render: (learner: Learner) => string) => () => {
    let length = 0;
    for (let index = 0; index < RENDERS; index++)
      length += render(sample[index % sample.length]!).length;
    if (length === 0) throw new Error('rendered nothing');
  };
  const timings = {
    ours: medianMs(RUNS, renderAll(ours)),
    mustache: medianMs(
      RUNS,
      renderAll((learner) => Mustache.render(mustacheTemplate, learner)),
    ),
    handlebars: medianMs(RUNS, renderAll(handlebars)),
  };
  const perSecond = (ms: number) => formatNumber((RENDERS / ms) * 1000);
  const rows = [
    ['`compileTemplate` (SMS)', formatNumber(timings.ours, 1), perSecond(timings.ours), '1.00'],
    [
      'mustache.js 4 (parsed once)',
      formatNumber(timings.mustache, 1),
      perSecond(timings.mustache),
      formatNumber(timings.mustache / timings.ours, 2),
    ],
    [
      'Handlebars 4 (compiled once)',
      formatNumber(timings.handlebars, 1),
      perSecond(timings.handlebars),
      formatNumber(timings.handlebars / timings.ours, 2),
    ],
  ];

  return [
    `${formatNumber(RENDERS)} renders of a three-field SMS template (\`${template}\`), no HTML escaping,`,
    'over 1,000 learners in turn; all three produce the same text.',
    '',
    markdownTable(['renderer', 'median ms', 'renders per second', 'time ratio'], rows),
  ].join('\n');
}

/** Runs the core benchmarks and returns their section of docs/benchmarks.md. */
export async function benchCore(): Promise<BenchSection> {
  const learners = generateLearners(LEARNERS, RUN_DATE);
  const markdown = [
    '### Audience filters',
    '',
    benchFilters(learners),
    '',
    '### Merge-field rendering',
    '',
    benchRendering(learners),
  ].join('\n');

  return { title: 'Core: filters and rendering', markdown };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await benchCore()).markdown);
}
