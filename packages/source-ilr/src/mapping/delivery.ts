import type { CalendarDate } from '@pics/automations-core';
import { childText, findChildren, type IlrElement } from '../xml/element.js';
import { latestBy, readDate, requireDate } from './values.js';

/** Completion status of a learning delivery that records a break in learning. */
export const BREAK_IN_LEARNING = '6';

/** AimType of a programme aim, the aim that stands for a whole programme. */
export const PROGRAMME_AIM = '1';

/** The fields of one `LearningDelivery` element that the mapping uses. */
export interface IlrDelivery {
  element: IlrElement;
  learnAimRef: string | undefined;
  aimType: string | undefined;
  startDate: CalendarDate;
  plannedEndDate: CalendarDate | undefined;
  actualEndDate: CalendarDate | undefined;
  compStatus: string | undefined;
  fundModel: string | undefined;
  progType: string | undefined;
  fworkCode: string | undefined;
  pwayCode: string | undefined;
  stdCode: string | undefined;
  outcome: string | undefined;
  /** LearnDelFAMCode of the apprenticeship contract type (ACT) FAM in force, the latest one. */
  contractType: string | undefined;
}

const PATH = 'Learner.LearningDelivery';

/**
 * Reads one `LearningDelivery` element.
 *
 * @throws {UnmappableLearnerError} when LearnStartDate is absent or a date is not a real date.
 */
export function readDelivery(element: IlrElement): IlrDelivery {
  return {
    element,
    learnAimRef: childText(element, 'LearnAimRef'),
    aimType: childText(element, 'AimType'),
    startDate: requireDate(element, 'LearnStartDate', PATH),
    plannedEndDate: readDate(element, 'LearnPlanEndDate', PATH),
    actualEndDate: readDate(element, 'LearnActEndDate', PATH),
    compStatus: childText(element, 'CompStatus'),
    fundModel: childText(element, 'FundModel'),
    progType: childText(element, 'ProgType'),
    fworkCode: childText(element, 'FworkCode'),
    pwayCode: childText(element, 'PwayCode'),
    stdCode: childText(element, 'StdCode'),
    outcome: childText(element, 'Outcome'),
    contractType: readContractType(element),
  };
}

// A learner who moves between contract types has one ACT FAM per period, each with its dates.
function readContractType(delivery: IlrElement): string | undefined {
  const path = `${PATH}.LearningDeliveryFAM`;
  const contracts = findChildren(delivery, 'LearningDeliveryFAM')
    .filter((fam) => childText(fam, 'LearnDelFAMType') === 'ACT')
    .map((fam) => ({
      code: childText(fam, 'LearnDelFAMCode'),
      from: readDate(fam, 'LearnDelFAMDateFrom', path) ?? '',
    }));

  return latestBy(contracts, (contract) => contract.from)?.code;
}
