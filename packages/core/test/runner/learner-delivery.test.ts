import { describe, expect, it } from 'vitest';
import { parseAutomation, parseLearner } from '../../src/model/index.js';
import { createLearnerDeliverer } from '../../src/runner/index.js';
import {
  createFakeTimer,
  createRecordingTransport,
  dailyAutomation,
  learner,
  seedStorage,
} from './support.js';

const RUN_DATE = '2026-12-07';

async function prepared() {
  const input = dailyAutomation('a-1');
  const storage = await seedStorage([], [input]);
  const automation = parseAutomation(input);
  const transport = createRecordingTransport();
  const deliverer = createLearnerDeliverer({
    storage,
    transports: { email: transport },
    timer: createFakeTimer(),
  });
  const delivery = deliverer.prepareRun({ automation, runDate: RUN_DATE });

  return { delivery, transport, storage };
}

describe('learner deliverer', () => {
  it('sends to one learner', async () => {
    const { delivery } = await prepared();

    expect(await delivery.deliver(parseLearner(learner('L1')))).toEqual({ status: 'sent' });
  });

  it('skips a learner without address', async () => {
    const { delivery } = await prepared();
    const outcome = await delivery.deliver(parseLearner(learner('L1', { email: null })));

    expect(outcome).toEqual({ status: 'skipped', reason: 'noAddress' });
  });

  it('never sends a learner twice', async () => {
    const { delivery, transport } = await prepared();
    await delivery.deliver(parseLearner(learner('L1')));
    const second = await delivery.deliver(parseLearner(learner('L1')));

    expect(second).toEqual({ status: 'skipped', reason: 'alreadySent' });
    expect(transport.calls).toHaveLength(1);
  });

  it('reports a reserved entry uncertain', async () => {
    const { delivery, storage } = await prepared();
    const key = { automationId: 'a-1', learnerId: 'L1', runDate: RUN_DATE };
    await storage.ledger.reserve({ ...key, now: new Date() });
    const outcome = await delivery.deliver(parseLearner(learner('L1')));

    expect(outcome).toEqual({ status: 'skipped', reason: 'uncertain' });
  });
});
