export type * from './types.js';
export { validateTemplate } from './validate.js';
