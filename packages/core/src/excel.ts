/**
 * Excel export of the automation list. It is a separate entry point so that hosts that never
 * export never load exceljs.
 *
 * @packageDocumentation
 */
export * from './export/index.js';
