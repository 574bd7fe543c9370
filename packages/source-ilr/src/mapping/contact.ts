import type { ContactMethod } from '@pics/automations-core';
import { childText, findChildren, type IlrElement } from '../xml/element.js';

const ALL_METHODS: readonly ContactMethod[] = ['email', 'sms', 'phone', 'post'];

/**
 * Contact methods each ContactPreference code (ContPrefType followed by ContPrefCode) removes.
 * PMC1 to PMC3 mean the learner does not wish to be contacted by post, telephone or email. RUI3 to
 * RUI5 mean the learner is not to be contacted at all (RUI5: the learner has died). The other
 * codes (RUI1 and RUI2 about courses and surveys, RUI6, RUI7 and PMC4 to PMC6 that give consent)
 * remove nothing.
 */
const REMOVED_BY_CODE: Readonly<Record<string, readonly ContactMethod[]>> = {
  PMC1: ['post'],
  PMC2: ['phone', 'sms'],
  PMC3: ['email'],
  RUI3: ALL_METHODS,
  RUI4: ALL_METHODS,
  RUI5: ALL_METHODS,
};

/**
 * Returns the learner's allowed contact methods: email, SMS, phone and post, less those that the
 * learner's ContactPreference elements remove.
 */
export function readAllowedContactMethods(learner: IlrElement): ContactMethod[] {
  const removed = new Set<ContactMethod>();
  for (const preference of findChildren(learner, 'ContactPreference')) {
    const code = `${childText(preference, 'ContPrefType') ?? ''}${childText(preference, 'ContPrefCode') ?? ''}`;
    for (const method of REMOVED_BY_CODE[code] ?? []) removed.add(method);
  }

  return ALL_METHODS.filter((method) => !removed.has(method));
}
