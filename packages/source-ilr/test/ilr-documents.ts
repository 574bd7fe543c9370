import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The anonymised 2018-19 sample file published with the ILR specification (MIT licence). */
export const SAMPLE_PATH = path.resolve(
  import.meta.dirname,
  '../../../../shared/ilr/ILR-1819-sample.xml',
);

const OPENING = `<?xml version="1.0" encoding="UTF-8"?>
<Message xmlns="ESFA/ILR/2018-19">
  <Header>
    <CollectionDetails><Collection>ILR</Collection><Year>1819</Year><FilePreparationDate>2018-09-01</FilePreparationDate></CollectionDetails>
    <Source><ProtectiveMarking>OFFICIAL-SENSITIVE-Personal</ProtectiveMarking><UKPRN>10000001</UKPRN><SerialNo>01</SerialNo><DateTime>2018-09-01T10:00:00</DateTime></Source>
  </Header>
  <LearningProvider><UKPRN>10000001</UKPRN></LearningProvider>
`;

const CLOSING = '</Message>\n';

/** Wraps Learner and destination elements in a minimal ILR 2018-19 document. */
export function ilrDocument(...records: string[]): string {
  return `${OPENING}${records.join('\n')}\n${CLOSING}`;
}

/** The parts of a learning delivery the tests vary; the rest are fixed. */
export interface DeliveryParts {
  aimType?: string;
  learnAimRef?: string;
  start?: string;
  plannedEnd?: string;
  actualEnd?: string;
  compStatus?: string;
  extra?: string;
}

/** Writes one LearningDelivery element. */
export function delivery(parts: DeliveryParts = {}): string {
  const actualEnd = parts.actualEnd ? `<LearnActEndDate>${parts.actualEnd}</LearnActEndDate>` : '';

  return `<LearningDelivery>
      <LearnAimRef>${parts.learnAimRef ?? 'ZPROG001'}</LearnAimRef><AimType>${parts.aimType ?? '1'}</AimType>
      <AimSeqNumber>1</AimSeqNumber><LearnStartDate>${parts.start ?? '2018-09-03'}</LearnStartDate>
      <LearnPlanEndDate>${parts.plannedEnd ?? '2019-09-02'}</LearnPlanEndDate><FundModel>36</FundModel>
      <ProgType>25</ProgType><StdCode>28</StdCode><DelLocPostCode>LS1 1AA</DelLocPostCode>
      <CompStatus>${parts.compStatus ?? '1'}</CompStatus>${actualEnd}${parts.extra ?? ''}
    </LearningDelivery>`;
}

/**
 * Writes one Learner element with the given LearnRefNumber and extra children, adding a default
 * LearningDelivery when the children include none.
 */
export function learner(learnRefNumber: string, ...children: string[]): string {
  const hasDelivery = children.some((child) => child.includes('<LearningDelivery>'));
  const content = hasDelivery ? children : [...children, delivery()];

  return `  <Learner>
    <LearnRefNumber>${learnRefNumber}</LearnRefNumber><ULN>1000000001</ULN>
    <FamilyName>Okafor</FamilyName><GivenNames>Amara</GivenNames><Ethnicity>31</Ethnicity><Sex>F</Sex>
    <LLDDHealthProb>2</LLDDHealthProb><PostcodePrior>LS1 1AA</PostcodePrior><Postcode>LS1 1AA</Postcode>
    ${content.join('\n    ')}
  </Learner>`;
}

/** Writes text or bytes to a file in a new temporary folder and returns its path. */
export async function writeTempFile(text: string | Uint8Array, name = 'ilr.xml'): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'source-ilr-'));
  const file = path.join(folder, name);
  await writeFile(file, text);

  return file;
}
