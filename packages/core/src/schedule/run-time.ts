import type { LocalTime } from './time-zone.js';

/** The local time of day at which every automation runs: 05:00. */
export const RUN_TIME: Readonly<LocalTime> = Object.freeze({ hour: 5, minute: 0 });

/** The host's time zone when none is given: `Europe/London`. */
export const DEFAULT_TIME_ZONE = 'Europe/London';
