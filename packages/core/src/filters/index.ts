export { compileFilters, matchesFilters } from './compile.js';
export { isInDateRange, type ResolvedDateRange, resolveDateRange } from './date-range.js';
export { describeFilters } from './describe.js';
export {
  type EpisodeDates,
  type EpisodeStatusOnDay,
  episodeStatusOn,
  heldEpisodeStatusThroughout,
} from './episode-status.js';
export { explainFilters, type FilterExplanation } from './explain.js';
export type { FilterOptions } from './options.js';
