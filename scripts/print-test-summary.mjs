// Prints the totals of the last `pnpm test` run as one closing line, such as "812 passed, 0 failed",
// read from the JSON report vitest wrote next to its console output.
import { readFileSync } from 'node:fs';

const reportPath = new URL('../.test-results/vitest.json', import.meta.url);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
const line = `${report.numPassedTests} passed, ${report.numFailedTests} failed`;
console.log(skipped > 0 ? `${line}, ${skipped} skipped` : line);
