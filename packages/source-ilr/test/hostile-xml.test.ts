import { ValidationError } from '@pics/automations-core';
import { describe, expect, it } from 'vitest';
import { loadIlrFile } from '../src/index.js';
import { ilrDocument, learner, writeTempFile } from './ilr-documents.js';

const PROLOGUE = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A one-learner file whose given names are `givenNames`, with `doctype` after the prologue. */
function documentWith(givenNames: string, doctype = ''): string {
  const text = ilrDocument(learner('L1'))
    .replace('<GivenNames>Amara</GivenNames>', `<GivenNames>${givenNames}</GivenNames>`)
    .replace(PROLOGUE, `${PROLOGUE}${doctype}\n`);

  return text;
}

async function loadFirstName(text: string | Uint8Array): Promise<string | undefined> {
  const file = await writeTempFile(text);
  const contents = await loadIlrFile(file);

  return contents.learners[0]?.firstName;
}

async function loadError(text: string): Promise<unknown> {
  return loadIlrFile(await writeTempFile(text)).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('ILR hostile XML', () => {
  it('deep nesting is rejected', async () => {
    const nested = `${'<X>'.repeat(100_000)}${'</X>'.repeat(100_000)}`;
    const error = await loadError(documentWith(`Amara</GivenNames>${nested}<GivenNames>`));

    expect(error).toBeInstanceOf(ValidationError);
    expect(String(error)).toMatch(/nested more than 32 elements deep/);
  });

  it('entity expansion is not performed', async () => {
    const laughs =
      '<!DOCTYPE Message [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const error = await loadError(documentWith('&c;', laughs));

    expect(String(error)).toMatch(/undefined entity/);
  });

  it('external entity is never read', async () => {
    const secret = await writeTempFile('TOP-SECRET-CONTENT', 'secret.txt');
    const doctype = `<!DOCTYPE Message [<!ENTITY x SYSTEM "file://${secret}">]>`;
    const error = await loadError(documentWith('&x;', doctype));

    expect(String(error)).not.toContain('TOP-SECRET-CONTENT');
    expect(error).toBeInstanceOf(ValidationError);
  });

  it('byte order mark is accepted', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(documentWith('Zoë')),
    ]);

    expect(await loadFirstName(bytes)).toBe('Zoë');
  });

  it('comment and CDATA join the text', async () => {
    expect(await loadFirstName(documentWith('Z<!-- x -->o<![CDATA[ë]]>'))).toBe('Zoë');
  });
});
