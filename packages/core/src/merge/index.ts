export {
  type BuiltInMergeField,
  type BuiltInMergeFieldKey,
  createMergeCatalogue,
  mergeFields,
} from './catalogue.js';
export { formatBritishDate } from './format.js';
export { htmlToText } from './html-to-text.js';
export {
  type CompiledTemplate,
  compileTemplate,
  type RenderChannel,
  type RenderOptions,
  renderTemplate,
} from './render.js';
export { searchMergeFields } from './search.js';
export { type SmsEncoding, type SmsSegments, smsSegments } from './sms-segments.js';
export type * from './types.js';
export { validateTemplate } from './validate.js';
