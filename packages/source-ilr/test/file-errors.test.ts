import { readFileSync } from 'node:fs';
import { ErrorCode, ValidationError } from '@pics/automations-core';
import { describe, expect, it } from 'vitest';
import { loadIlrFile } from '../src/index.js';
import { delivery, ilrDocument, learner, SAMPLE_PATH, writeTempFile } from './ilr-documents.js';

async function loadError(text: string | Uint8Array): Promise<ValidationError> {
  const file = await writeTempFile(typeof text === 'string' ? text : Buffer.from(text));
  const error = await loadIlrFile(file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ValidationError))
    throw new Error(`expected a ValidationError, got ${error}`);

  return error;
}

describe('ILR file errors', () => {
  it('truncated file names open element', async () => {
    const sample = readFileSync(SAMPLE_PATH, 'utf8');
    const cut = sample.indexOf('<LearnStartDate>', sample.indexOf('<LearnRefNumber>AppLearner'));
    const error = await loadError(sample.slice(0, cut));

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.issues[0]?.path).toBe('Message.Learner.LearningDelivery');
    expect(error.message).toMatch(/not well-formed at line \d+, column \d+/);
    expect(error.message).toContain('inside <LearningDelivery> opened at line');
  });

  it('mismatched tag names its position', async () => {
    const error = await loadError(ilrDocument('  <Learner>\n    <LearnRefNumber>A1</Learn>\n'));

    expect(error.issues[0]?.path).toBe('Message.Learner');
    expect(error.message).toContain('at line 9, column 31 inside <Learner> opened at line 8');
  });

  it('wrong root element is rejected', async () => {
    const error = await loadError('<?xml version="1.0"?>\n<Learners><Learner/></Learners>\n');

    expect(error.issues[0]?.path).toBe('Learners');
    expect(error.message).toContain(
      'root element is <Learners> in no namespace (at line 2, column 1)',
    );
  });

  it('Message outside ILR namespace is rejected', async () => {
    const error = await loadError('<Message xmlns="urn:example:other"><Header/></Message>');

    expect(error.message).toContain('namespace "urn:example:other"');
  });

  it('empty file is rejected', async () => {
    const error = await loadError('');

    expect(error.message).toContain('not well-formed');
  });

  it('Learner without LearnRefNumber fails', async () => {
    const text = ilrDocument(
      learner('A1'),
      learner('A2').replace(/<LearnRefNumber>A2<\/LearnRefNumber>/, ''),
    );
    const error = await loadError(text);
    const line = text.split('\n').findLastIndex((row) => row.includes('<Learner>')) + 1;

    expect(error.issues[0]?.path).toBe('Message.Learner.LearnRefNumber');
    expect(error.message).toContain(`Learner at line ${line}, column 3 has no LearnRefNumber`);
  });

  it('destination without LearnRefNumber fails', async () => {
    const record =
      '<LearnerDestinationandProgression><ULN>1000000001</ULN><DPOutcome><OutType>EDU</OutType><OutCode>2</OutCode><OutStartDate>2019-01-01</OutStartDate><OutCollDate>2019-02-01</OutCollDate></DPOutcome></LearnerDestinationandProgression>';
    const error = await loadError(ilrDocument(learner('A1'), record));

    expect(error.issues[0]?.path).toBe('Message.LearnerDestinationandProgression.LearnRefNumber');
  });

  it('file without UKPRN fails', async () => {
    const text = ilrDocument(learner('A1', delivery()))
      .replace(/<UKPRN>10000001<\/UKPRN>/g, '')
      .replace('<LearningProvider></LearningProvider>', '');
    const error = await loadError(text);

    expect(error.issues[0]?.path).toBe('Message.LearningProvider.UKPRN');
  });

  it('bytes that are not UTF-8 fail', async () => {
    const text = Buffer.from(ilrDocument(learner('A1')));
    const error = await loadError(
      Buffer.concat([text.subarray(0, 200), Buffer.from([0xff]), text.subarray(200)]),
    );

    expect(error.message).toContain('not valid UTF-8');
  });

  it('missing file is not found', async () => {
    await expect(loadIlrFile('/nonexistent/ilr.xml')).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });
});
