/**
 * Repository invariant (house style §5, like fastify's errors test): the error codes in
 * docs/errors.md and the `*_ERROR_CODES` tables exported by each layer's errors.ts agree.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');

async function codesInSource(): Promise<Set<string>> {
  const codes = new Set<string>();
  const files = readdirSync(join(root, 'src'), { recursive: true }).map(String).filter((f) => f.endsWith('errors.ts'));
  for (const file of files) {
    const module = (await import(pathToFileURL(join(root, 'src', file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (name.endsWith('_ERROR_CODES') && typeof value === 'object' && value !== null) {
        for (const code of Object.keys(value)) codes.add(code);
      }
    }
  }
  return codes;
}

function codesInDocs(): Set<string> {
  const text = readFileSync(join(root, 'docs/errors.md'), 'utf8');
  return new Set([...text.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((match) => match[1]!));
}

test('every error code in the source is documented in docs/errors.md', async () => {
  const documented = codesInDocs();
  const missing = [...(await codesInSource())].filter((code) => !documented.has(code));
  assert.deepEqual(missing, []);
});

test('docs/errors.md documents no code the source does not have', async () => {
  const source = await codesInSource();
  const extra = [...codesInDocs()].filter((code) => !source.has(code));
  assert.deepEqual(extra, []);
});

test('the source has error codes to document (the scan is not empty)', async () => {
  assert.ok((await codesInSource()).has('SIP_ERR_CSEQ'));
  assert.ok(codesInDocs().has('SIP_ERR_CSEQ'));
});
