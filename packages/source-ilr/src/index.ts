/**
 * Learner records read from ILR (Individualised Learner Record) XML files, the format training
 * providers in England return learner data to the ESFA in. Files are streamed, so a file of any
 * size can feed an automation run.
 *
 * @packageDocumentation
 */
export type { IlrSkippedLearner } from './errors.js';
export type { IlrInput, IlrStreamFactory } from './input.js';
export {
  createIlrLearnerSource,
  type IlrLearnerSourceOptions,
} from './learner-source.js';
export { type IlrFileContents, loadIlrFile } from './load-file.js';
export type { IlrEnteredOn } from './mapping/learner.js';
export { ilrMergeFields } from './merge-fields.js';
export type { IlrHeader, IlrReadOptions } from './options.js';
export { readIlrLearners } from './read-learners.js';
export { childText, findChild, findChildren, type IlrElement } from './xml/element.js';
