export { describeSchedule } from './describe.js';
export {
  type NextRunTimeOptions,
  type NextRunTimesOptions,
  nextRunTime,
  nextRunTimes,
} from './next-run.js';
export { type ToRRuleOptions, toRRule } from './rrule.js';
export { isRunDate, runDatesFrom } from './run-dates.js';
export { DEFAULT_TIME_ZONE, RUN_TIME } from './run-time.js';
export { assertTimeZone, type LocalTime, localDate, localTimeToInstant } from './time-zone.js';
