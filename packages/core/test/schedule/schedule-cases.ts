import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CalendarDate, Schedule } from '../../src/index.js';

/** One expected result of `nextRunTimes`, as the shared acceptance cases write it. */
export interface NextRunTimesCase {
  name: string;
  schedule: Schedule;
  after: string;
  count: number;
  timeZone: string;
  expected: string[];
}

/** One expected result of `isRunDate`, as the shared acceptance cases write it. */
export interface IsRunDateCase {
  schedule: Schedule;
  date: CalendarDate;
  expected: boolean;
}

interface ScheduleCases {
  nextRunTimes: NextRunTimesCase[];
  isRunDate: IsRunDateCase[];
}

// The acceptance cases live beside the repository, in shared/cases, and are read as written.
const CASES_URL = new URL('../../../../../shared/cases/schedules.json', import.meta.url);

/** Reads the shared schedule acceptance cases. */
export function readScheduleCases(): ScheduleCases {
  return JSON.parse(readFileSync(fileURLToPath(CASES_URL), 'utf8')) as ScheduleCases;
}
