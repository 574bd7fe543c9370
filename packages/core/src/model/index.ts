export * from './automation.js';
export * from './calendar-date.js';
export * from './filters.js';
export * from './learner.js';
export * from './parse.js';
export * from './schedule.js';
