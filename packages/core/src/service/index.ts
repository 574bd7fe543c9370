export { createAutomationService } from './automation-service.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './list.js';
export type * from './types.js';
