export {
  EXPORT_DATE_FORMAT,
  type ExportAutomationsOptions,
  exportAutomationsXlsx,
} from './automations-xlsx.js';
export { toInertText } from './inert-text.js';
