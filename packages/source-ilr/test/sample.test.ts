import { readFileSync } from 'node:fs';
import { type Learner, parseLearner } from '@pics/automations-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIlrFile, readIlrLearners } from '../src/index.js';
import { SAMPLE_PATH } from './ilr-documents.js';

// The expected values come from the sample itself, read here with regular expressions rather
// than an XML parser, and with the mapping rules written out again in their simplest form.

interface ExpectedDelivery {
  aimType: string | undefined;
  start: string;
  plannedEnd: string | undefined;
  actualEnd: string | undefined;
  fundModel: string | undefined;
  stdCode: string | undefined;
  fworkCode: string | undefined;
  progType: string | undefined;
  pwayCode: string | undefined;
  outcome: string | undefined;
  act: string | undefined;
}

interface ExpectedLearner {
  id: string;
  firstName: string;
  lastName: string;
  email: string | undefined;
  mobile: string | undefined;
  disability: string | undefined;
  contactCodes: string[];
  uln: string | undefined;
  postcode: string | undefined;
  dateOfBirth: string | undefined;
  deliveries: ExpectedDelivery[];
}

const text = readFileSync(SAMPLE_PATH, 'utf8').replace(/<!--[\s\S]*?-->/g, '');

function blocks(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]!);
}

function tag(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim();
}

function readExpectedDelivery(xml: string): ExpectedDelivery {
  const act = blocks(xml, 'LearningDeliveryFAM').find(
    (fam) => tag(fam, 'LearnDelFAMType') === 'ACT',
  );

  return {
    aimType: tag(xml, 'AimType'),
    start: tag(xml, 'LearnStartDate')!,
    plannedEnd: tag(xml, 'LearnPlanEndDate'),
    actualEnd: tag(xml, 'LearnActEndDate'),
    fundModel: tag(xml, 'FundModel'),
    stdCode: tag(xml, 'StdCode'),
    fworkCode: tag(xml, 'FworkCode'),
    progType: tag(xml, 'ProgType'),
    pwayCode: tag(xml, 'PwayCode'),
    outcome: tag(xml, 'Outcome'),
    act: act === undefined ? undefined : tag(act, 'LearnDelFAMCode'),
  };
}

function readExpectedLearner(xml: string): ExpectedLearner {
  const own = xml.replace(/<LearningDelivery>[\s\S]*?<\/LearningDelivery>/g, '');
  const contactCodes = blocks(own, 'ContactPreference').map(
    (preference) => `${tag(preference, 'ContPrefType')}${tag(preference, 'ContPrefCode')}`,
  );

  return {
    id: tag(own, 'LearnRefNumber')!,
    firstName: tag(own, 'GivenNames') ?? '',
    lastName: tag(own, 'FamilyName') ?? '',
    email: tag(own, 'Email'),
    mobile: tag(own, 'TelNo'),
    disability: tag(own, 'LLDDHealthProb'),
    contactCodes,
    uln: tag(own, 'ULN'),
    postcode: tag(own, 'Postcode'),
    dateOfBirth: tag(own, 'DateOfBirth'),
    deliveries: blocks(xml, 'LearningDelivery').map(readExpectedDelivery),
  };
}

function readExpectedDestinations(): Map<string, string> {
  const destinations = new Map<string, string>();
  for (const record of blocks(text, 'LearnerDestinationandProgression')) {
    const outcomes = blocks(record, 'DPOutcome').sort((a, b) =>
      tag(a, 'OutStartDate')!.localeCompare(tag(b, 'OutStartDate')!),
    );
    const latest = outcomes.at(-1)!;
    destinations.set(
      tag(record, 'LearnRefNumber')!,
      `${tag(latest, 'OutType')}${tag(latest, 'OutCode')}`,
    );
  }

  return destinations;
}

function expectedEpisode(deliveries: ExpectedDelivery[]): ExpectedDelivery {
  const programmeAims = deliveries.filter((d) => d.aimType === '1');
  const candidates = programmeAims.length > 0 ? programmeAims : deliveries;

  return candidates.reduce((latest, d) => (d.start >= latest.start ? d : latest));
}

function expectedContactMethods(codes: string[]): string[] {
  let methods = ['email', 'sms', 'phone', 'post'];
  if (codes.includes('PMC1')) methods = methods.filter((m) => m !== 'post');
  if (codes.includes('PMC2')) methods = methods.filter((m) => m !== 'phone' && m !== 'sms');
  if (codes.includes('PMC3')) methods = methods.filter((m) => m !== 'email');
  if (codes.some((code) => ['RUI3', 'RUI4', 'RUI5'].includes(code))) methods = [];

  return methods;
}

function expectedProgramme(episode: ExpectedDelivery): string | undefined {
  if (episode.stdCode) return `std-${episode.stdCode}`;
  if (episode.fworkCode) return `fwk-${episode.fworkCode}-${episode.progType}-${episode.pwayCode}`;

  return episode.progType ? `prog-${episode.progType}` : undefined;
}

const expectedLearners = blocks(text, 'Learner').map(readExpectedLearner);
const expectedDestinations = readExpectedDestinations();

describe('ILR sample file', () => {
  let loaded: Awaited<ReturnType<typeof loadIlrFile>>;
  let byId: Map<string, Learner>;

  beforeAll(async () => {
    loaded = await loadIlrFile(SAMPLE_PATH);
    byId = new Map(loaded.learners.map((learner) => [learner.id, learner]));
  });

  it('sample has eighteen learners', () => {
    expect(expectedLearners).toHaveLength(18);
  });

  it('loads every learner in file order', () => {
    expect(loaded.learners.map((learner) => learner.id)).toEqual(expectedLearners.map((l) => l.id));
  });

  it('skips no learner', () => {
    expect(loaded.skipped).toEqual([]);
  });

  it('reads the header', () => {
    expect(loaded.header).toEqual({ ukprn: tag(text, 'UKPRN'), year: tag(text, 'Year') });
  });

  it('yields records that parseLearner accepts', () => {
    for (const learner of loaded.learners) expect(parseLearner(learner)).toEqual(learner);
  });

  describe.each(expectedLearners.map((expected) => [expected.id, expected] as const))(
    'learner %s',
    (id, expected) => {
      const episode = expectedEpisode(expected.deliveries);
      const learner = () => byId.get(id)!;

      it('maps names and addresses', () => {
        expect(learner().firstName).toBe(expected.firstName);
        expect(learner().lastName).toBe(expected.lastName);
        expect(learner().email ?? undefined).toBe(expected.email);
        expect(learner().mobile ?? undefined).toBe(expected.mobile);
      });

      it('maps contact preferences', () => {
        expect(learner().allowedContactMethods).toEqual(
          expectedContactMethods(expected.contactCodes),
        );
      });

      it('maps self-assessed disability', () => {
        const answers: Record<string, boolean> = { '1': true, '2': false };
        expect(learner().selfAssessedDisability ?? undefined).toBe(
          answers[expected.disability ?? ''],
        );
      });

      it('maps episode dates', () => {
        expect(learner().startDate).toBe(episode.start);
        expect(learner().expectedEndDate ?? undefined).toBe(episode.plannedEnd);
        expect(learner().actualEndDate ?? undefined).toBe(episode.actualEnd);
      });

      it('takes enteredOn from earliest start', () => {
        const earliest = expected.deliveries.map((d) => d.start).sort()[0];
        expect(learner().enteredOn).toBe(earliest);
      });

      it('maps programme, funding and contract', () => {
        expect(learner().programme ?? undefined).toBe(expectedProgramme(episode));
        expect(learner().fundingOrganisation).toBe(`fm-${episode.fundModel}`);
        expect(learner().contracts).toEqual(episode.act ? [`ACT${episode.act}`] : []);
        expect(learner().providerEndCode ?? undefined).toBe(
          episode.outcome ? `outcome-${episode.outcome}` : undefined,
        );
      });

      it('maps destination', () => {
        expect(learner().providerDestination ?? undefined).toBe(expectedDestinations.get(id));
      });

      it('offers merge fields', () => {
        expect(learner().fields).toEqual({
          uln: expected.uln ?? null,
          postcode: expected.postcode ?? null,
          dateOfBirth: expected.dateOfBirth ?? null,
        });
      });
    },
  );

  it('streams the same learners', async () => {
    const streamed: Learner[] = [];
    for await (const learner of readIlrLearners(SAMPLE_PATH)) streamed.push(learner);

    expect(streamed).toEqual(loaded.learners);
  });
});
