import { ValidationError } from '@pics/automations-core';
import { formatPosition } from './xml/element.js';

/** A learner that was read from the file but left out, and why. */
export interface IlrSkippedLearner {
  /** The learner's LearnRefNumber. */
  learnRefNumber: string;
  /** Dotted path of the element at fault, such as `Learner.LearningDelivery.LearnStartDate`. */
  element: string;
  /** Line of the element at fault, counting from 1. */
  line: number;
  /** Column of the element at fault, counting from 1. */
  column: number;
  /** Plain statement of the problem and the fix. */
  reason: string;
}

/**
 * Returns the error thrown when the file as a whole cannot be read, because it is not well-formed
 * XML, is not an ILR file, or lacks an element every record needs. The path is the element
 * at fault, such as `Message.Learner.LearnRefNumber`.
 */
export function ilrFileError(source: string, path: string, message: string): ValidationError {
  return new ValidationError(`ILR file "${source}"`, [{ path, message }]);
}

/**
 * Thrown while mapping one learner when the learner cannot be mapped. The reader catches it and
 * reports the learner as skipped, so it never reaches the caller.
 */
export class UnmappableLearnerError extends ValidationError {
  /** Dotted path of the element at fault. */
  readonly element: string;
  /** Line of the element at fault, counting from 1. */
  readonly line: number;
  /** Column of the element at fault, counting from 1. */
  readonly column: number;
  /** The problem and its fix, without the position. */
  readonly reason: string;

  constructor(element: string, position: { line: number; column: number }, reason: string) {
    super('ILR learner', [
      { path: element, message: `${reason} (at ${formatPosition(position)})` },
    ]);
    this.element = element;
    this.line = position.line;
    this.column = position.column;
    this.reason = reason;
  }
}
