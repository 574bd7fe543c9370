import { Readable } from 'node:stream';
import { ErrorCode, type Learner } from '@pics/automations-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  childText,
  type IlrElement,
  type IlrReadOptions,
  type IlrSkippedLearner,
  loadIlrFile,
  readIlrLearners,
} from '../src/index.js';
import { delivery, ilrDocument, learner } from './ilr-documents.js';

function fromText(text: string): () => Readable {
  return () => Readable.from([text]);
}

async function load(text: string, options: IlrReadOptions = {}) {
  return loadIlrFile(fromText(text), options);
}

async function loadOne(...children: string[]): Promise<Learner> {
  const { learners, skipped } = await load(ilrDocument(learner('L1', ...children)));
  if (learners[0] === undefined) throw new Error(`learner skipped: ${skipped[0]?.reason}`);

  return learners[0];
}

function destination(learnRefNumber: string, ...outcomes: [string, string, string][]): string {
  const written = outcomes.map(
    ([type, code, start]) =>
      `<DPOutcome><OutType>${type}</OutType><OutCode>${code}</OutCode><OutStartDate>${start}</OutStartDate><OutCollDate>2019-12-01</OutCollDate></DPOutcome>`,
  );

  return `<LearnerDestinationandProgression><LearnRefNumber>${learnRefNumber}</LearnRefNumber><ULN>1000000001</ULN>${written.join('')}</LearnerDestinationandProgression>`;
}

function contactPreference(code: string): string {
  return `<ContactPreference><ContPrefType>${code.slice(0, 3)}</ContPrefType><ContPrefCode>${code.slice(3)}</ContPrefCode></ContactPreference>`;
}

describe('episode choice', () => {
  it('prefers programme aim over later aim', async () => {
    const found = await loadOne(
      delivery({ aimType: '1', start: '2018-09-03' }),
      delivery({ aimType: '3', start: '2018-10-01' }),
    );

    expect(found.startDate).toBe('2018-09-03');
  });

  it('takes latest delivery without programme aim', async () => {
    const found = await loadOne(
      delivery({ aimType: '4', start: '2018-10-01', plannedEnd: '2019-03-01' }),
      delivery({ aimType: '4', start: '2018-09-03' }),
    );

    expect(found.expectedEndDate).toBe('2019-03-01');
  });

  it('takes actual end of finished episode', async () => {
    const found = await loadOne(delivery({ compStatus: '2', actualEnd: '2019-07-31' }));

    expect(found.actualEndDate).toBe('2019-07-31');
  });
});

describe('break in learning', () => {
  it('CompStatus 6 is not an end', async () => {
    const found = await loadOne(delivery({ compStatus: '6', actualEnd: '2019-01-31' }));

    expect(found.actualEndDate).toBeUndefined();
  });

  it('CompStatus 6 opens a break', async () => {
    const found = await loadOne(delivery({ compStatus: '6', actualEnd: '2019-01-31' }));

    expect(found.breaksInLearning).toEqual([{ startDate: '2019-01-31' }]);
  });

  it('restart closes the earlier break', async () => {
    const found = await loadOne(
      delivery({ start: '2018-09-03', compStatus: '6', actualEnd: '2019-01-31' }),
      delivery({ start: '2019-04-01' }),
    );

    expect(found.breaksInLearning).toEqual([{ startDate: '2019-01-31', endDate: '2019-03-31' }]);
  });

  it('break without end date is skipped', async () => {
    const { skipped } = await load(ilrDocument(learner('L1', delivery({ compStatus: '6' }))));

    expect(skipped[0]?.element).toBe('Learner.LearningDelivery.LearnActEndDate');
  });
});

describe('contact preferences', () => {
  const codes = [
    ...['1', '2', '3', '4', '5', '6'].map((c) => `PMC${c}`),
    ...['1', '2', '3', '4', '5', '6', '7'].map((c) => `RUI${c}`),
  ];
  const removes: Record<string, string[]> = {
    PMC1: ['post'],
    PMC2: ['phone', 'sms'],
    PMC3: ['email'],
    RUI3: ['email', 'sms', 'phone', 'post'],
    RUI4: ['email', 'sms', 'phone', 'post'],
    RUI5: ['email', 'sms', 'phone', 'post'],
  };

  it('each code removes its methods', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(codes, { maxLength: 5 }), async (chosen) => {
        const found = await loadOne(...chosen.map(contactPreference), delivery());
        const removed = new Set(chosen.flatMap((code) => removes[code] ?? []));
        const expected = ['email', 'sms', 'phone', 'post'].filter((m) => !removed.has(m));

        expect(found.allowedContactMethods).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('learner codes', () => {
  it('framework programme id', async () => {
    const framework = delivery({ extra: '' })
      .replace('<StdCode>28</StdCode>', '<FworkCode>488</FworkCode><PwayCode>1</PwayCode>')
      .replace('<ProgType>25</ProgType>', '<ProgType>3</ProgType>');
    const found = await loadOne(framework);

    expect(found.programme).toBe('fwk-488-3-1');
  });

  it('latest ACT FAM is the contract', async () => {
    const fams = ['2|2018-09-03', '1|2019-01-01'].map((entry) => {
      const [code, from] = entry.split('|');
      return `<LearningDeliveryFAM><LearnDelFAMType>ACT</LearnDelFAMType><LearnDelFAMCode>${code}</LearnDelFAMCode><LearnDelFAMDateFrom>${from}</LearnDelFAMDateFrom></LearningDeliveryFAM>`;
    });
    const found = await loadOne(delivery({ extra: fams.reverse().join('') }));

    expect(found.contracts).toEqual(['ACT1']);
  });

  it('LLDDHealthProb 9 is unknown', async () => {
    const { learners } = await load(
      ilrDocument(learner('L1').replace('<LLDDHealthProb>2<', '<LLDDHealthProb>9<')),
    );

    expect(learners[0]?.selfAssessedDisability).toBeUndefined();
  });
});

describe('destinations', () => {
  it('latest outcome wins', async () => {
    const text = ilrDocument(
      learner('L1'),
      destination(
        'L1',
        ['EMP', '1', '2019-08-01'],
        ['EDU', '2', '2019-09-01'],
        ['GAP', '1', '2019-05-01'],
      ),
    );
    const { learners } = await load(text);

    expect(learners[0]?.providerDestination).toBe('EDU2');
  });

  it('unreadable destination skips its learner', async () => {
    const text = ilrDocument(
      learner('L1'),
      learner('L2'),
      destination('L1', ['EDU', '2', '2019-02-30']),
    );
    const { learners, skipped } = await load(text);

    expect(learners.map((found) => found.id)).toEqual(['L2']);
    expect(skipped[0]?.element).toBe('LearnerDestinationandProgression.DPOutcome.OutStartDate');
  });

  it('one-shot stream reads no destinations', async () => {
    const text = ilrDocument(learner('L1'), destination('L1', ['EDU', '2', '2019-09-01']));
    const { learners } = await loadIlrFile(Readable.from([text]));

    expect(learners[0]?.providerDestination).toBeUndefined();
  });

  it('one-shot stream rejects readDestinations', async () => {
    const reading = loadIlrFile(Readable.from(['']), { readDestinations: true });

    await expect(reading).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
  });
});

describe('unmappable learners', () => {
  it('bad date skips only that learner', async () => {
    const text = ilrDocument(
      learner('L1'),
      learner('L2', delivery({ start: '2018-13-01' })),
      learner('L3'),
    );
    const { learners } = await load(text);

    expect(learners.map((found) => found.id)).toEqual(['L1', 'L3']);
  });

  it('skip report names element and position', async () => {
    const text = ilrDocument(learner('L1'), learner('L2', delivery({ start: '2018-13-01' })));
    const line = text.split('\n').findIndex((row) => row.includes('2018-13-01')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('<LearnStartDate>') + 1;
    const { skipped } = await load(text);

    expect(skipped).toEqual<IlrSkippedLearner[]>([
      {
        learnRefNumber: 'L2',
        element: 'Learner.LearningDelivery.LearnStartDate',
        line,
        column,
        reason: 'LearnStartDate "2018-13-01" is not a real date: write it as YYYY-MM-DD',
      },
    ]);
  });

  it('repeated LearnRefNumber is skipped', async () => {
    const { learners, skipped } = await load(ilrDocument(learner('L1'), learner('L1')));

    expect(learners).toHaveLength(1);
    expect(skipped[0]?.element).toBe('Learner.LearnRefNumber');
  });

  it('skipped learner is logged', async () => {
    const warnings: unknown[] = [];
    const logger = {
      debug: () => {},
      info: () => {},
      warn: (fields: unknown) => warnings.push(fields),
      error: () => {},
      child: () => logger,
    };
    await load(ilrDocument(learner('L1', delivery({ start: 'soon' }))), { logger });

    expect(warnings).toMatchObject([{ learnRefNumber: 'L1' }]);
  });
});

describe('enteredOn', () => {
  const noDelivery = learner('L9').replace(/<LearningDelivery>[\s\S]*<\/LearningDelivery>/, '');

  it('learner without delivery is skipped', async () => {
    const { skipped } = await load(ilrDocument(noDelivery));

    expect(skipped[0]?.element).toBe('Learner.LearningDelivery');
  });

  it('fixed date loads learner without delivery', async () => {
    const { learners } = await load(ilrDocument(noDelivery), { enteredOn: '2018-08-01' });

    expect(learners[0]?.enteredOn).toBe('2018-08-01');
    expect(learners[0]?.startDate).toBeUndefined();
  });

  it('function overrides earliest start', async () => {
    const enteredOn = (element: IlrElement) =>
      childText(element, 'LearnRefNumber') === 'L1' ? '2018-01-15' : undefined;
    const { learners } = await load(ilrDocument(learner('L1'), learner('L2')), { enteredOn });

    expect(learners.map((found) => found.enteredOn)).toEqual(['2018-01-15', '2018-09-03']);
  });

  it('invalid fixed date is rejected', async () => {
    const reading = load(ilrDocument(learner('L1')), { enteredOn: '2018-02-30' });

    await expect(reading).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
  });
});

describe('reading', () => {
  it('reports the header', async () => {
    const { header } = await load(ilrDocument(learner('L1')));

    expect(header).toEqual({ ukprn: '10000001', year: '1819' });
  });

  it('abort stops without error', async () => {
    const controller = new AbortController();
    const ids: string[] = [];
    const text = ilrDocument(learner('L1'), learner('L2'), learner('L3'));
    for await (const found of readIlrLearners(fromText(text), { signal: controller.signal })) {
      ids.push(found.id);
      controller.abort();
    }

    expect(ids).toEqual(['L1']);
  });
});
