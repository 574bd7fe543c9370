import { ilrFileError } from './errors.js';
import type { IlrHeader } from './options.js';
import { childText, findChild, type IlrElement } from './xml/element.js';

/**
 * Collects the `Header` and `LearningProvider` elements, which come before the first learner, and
 * builds the {@link IlrHeader} from them once.
 */
export class HeaderReader {
  #header: IlrElement | undefined;
  #provider: IlrElement | undefined;
  #built: IlrHeader | undefined;

  /** Keeps a `Header` or `LearningProvider` element; returns whether it was one. */
  accept(element: IlrElement): boolean {
    if (element.name === 'Header') this.#header = element;
    else if (element.name === 'LearningProvider') this.#provider = element;
    else return false;

    return true;
  }

  /**
   * Returns the header the first time it is called, and `undefined` after that. The UKPRN comes
   * from `LearningProvider`, or from `Header.Source` when that is missing.
   *
   * @throws {ValidationError} when neither contains a UKPRN.
   */
  takeOnce(source: string): IlrHeader | undefined {
    if (this.#built !== undefined) return undefined;

    const headerSource = this.#header && findChild(this.#header, 'Source');
    const ukprn =
      (this.#provider && childText(this.#provider, 'UKPRN')) ??
      (headerSource && childText(headerSource, 'UKPRN'));
    if (ukprn === undefined) {
      throw ilrFileError(
        source,
        'Message.LearningProvider.UKPRN',
        'the file has no UKPRN before its first learner: add LearningProvider with the UKPRN',
      );
    }
    const details = this.#header && findChild(this.#header, 'CollectionDetails');
    this.#built = { ukprn, year: details && childText(details, 'Year') };

    return this.#built;
  }
}
