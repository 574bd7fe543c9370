/**
 * Runs the benchmarks and writes docs/benchmarks.md.
 *
 * Usage: `pnpm bench [section ...]` with sections core, runner, postgres, worker (default all).
 * The PostgreSQL and worker sections use the server at DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/test).
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './stats.js';

type SectionLoader = () => Promise<BenchSection>;

const sections: Record<string, SectionLoader> = {
  core: async () => (await import('./core.js')).benchCore(),
  runner: async () => (await import('./runner.js')).benchRunner(),
  postgres: async () => (await import('./postgres.js')).benchPostgres(),
  worker: async () => (await import('./worker.js')).benchWorker(),
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const names = requested.length > 0 ? requested : Object.keys(sections);
  const unknown = names.filter((name) => !(name in sections));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark section ${unknown.join(', ')}: use ${Object.keys(sections).join(', ')}`,
    );
    process.exit(2);
  }

  const results: BenchSection[] = [];
  for (const name of names) {
    console.error(`running the ${name} benchmark`);
    const section = await sections[name]!();
    console.error(section.markdown);
    results.push(section);
  }

  const target = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../docs/benchmarks.md',
  );
  await writeFile(target, renderPage(results, names));
  console.error(`wrote ${target}`);
}

function renderPage(results: readonly BenchSection[], names: readonly string[]): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const header = [
    '# Benchmarks',
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)} with \`pnpm bench ${names.join(' ')}\`.`,
    '',
    `Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB memory,`,
    `Node.js ${process.version} on ${os.platform()} ${os.arch()}. Figures are medians of several`,
    'runs in one process; ratios compare implementations measured in the same run.',
    '',
  ];
  const body = results.map((section) => `## ${section.title}\n\n${section.markdown}\n`);

  return `${[...header, ...body].join('\n')}`;
}

await main();
