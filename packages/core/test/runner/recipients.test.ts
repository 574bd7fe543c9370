import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { AutomationInput, LearnerInput } from '../../src/model/index.js';
import { createRunner } from '../../src/runner/index.js';
import { createFakeTimer, createRecordingTransport, seedStorage } from './support.js';

interface RecipientCase {
  name: string;
  runDate: string;
  automation: AutomationInput;
  recipients: string[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const casesPath = path.resolve(repoRoot, '../shared/cases/recipients.json');
const caseFile = JSON.parse(readFileSync(casesPath, 'utf8')) as {
  learners: LearnerInput[];
  cases: RecipientCase[];
};

async function planRecipients(recipientCase: RecipientCase) {
  const storage = await seedStorage(caseFile.learners, [recipientCase.automation]);
  const transport = createRecordingTransport();
  const runner = createRunner({
    storage,
    transports: { email: transport, sms: transport },
    timer: createFakeTimer(),
  });
  const report = await runner.runAutomation({
    automationId: recipientCase.automation.id,
    runDate: recipientCase.runDate,
    now: new Date(`${recipientCase.runDate}T12:00:00Z`),
    dryRun: true,
  });

  return { report, transport };
}

describe('recipient cases', () => {
  test.each(caseFile.cases.map((recipientCase) => [recipientCase.name, recipientCase] as const))(
    '%s',
    async (_name, recipientCase) => {
      const { report, transport } = await planRecipients(recipientCase);
      const planned = report.planned?.map((message) => message.learnerId);

      expect(report.status).toBe('completed');
      expect(planned).toEqual(recipientCase.recipients);
      expect(transport.calls).toHaveLength(0);
    },
  );

  test('cases run through runDue', async () => {
    const recipientCase = caseFile.cases[0]!;
    const storage = await seedStorage(caseFile.learners, [recipientCase.automation]);
    const transport = createRecordingTransport();
    const runner = createRunner({
      storage,
      transports: { email: transport },
      timer: createFakeTimer(),
    });
    const report = await runner.runDue({
      now: new Date(`${recipientCase.runDate}T05:00:00Z`),
      dryRun: true,
    });
    const planned = report.automations[0]?.planned?.map((message) => message.learnerId);

    expect(planned).toEqual(recipientCase.recipients);
  });
});
