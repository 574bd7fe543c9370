/** Shared measurement helpers for the benchmark scripts. */

/** Returns the median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `work` `runs` times and returns the median duration in milliseconds. */
export function medianMs(runs: number, work: () => void): number {
  const durations: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    durations.push(performance.now() - started);
  }

  return median(durations);
}

/** Async form of {@link medianMs}. */
export async function medianMsAsync(runs: number, work: () => Promise<void>): Promise<number> {
  const durations: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    durations.push(performance.now() - started);
  }

  return median(durations);
}

/** Formats a number with thousands separators and a fixed number of decimals. */
export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString('en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** Renders a Markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]) {
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];

  return lines.join('\n');
}

/** One section of docs/benchmarks.md. */
export interface BenchSection {
  title: string;
  markdown: string;
}
