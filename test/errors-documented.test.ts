/**
 * Repository invariant (house style §5, like fastify's errors test): the codes in the
 * `*_ERROR_CODES` objects exported by every src/**\/errors.ts and the codes in the first column
 * of the tables in docs/errors.md are the same set.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const errorFiles = readdirSync(join(root, 'src'), { recursive: true })
  .map(String)
  .filter((entry) => basename(entry) === 'errors.ts')
  .map((entry) => join('src', entry))
  .sort();

/** Code → the errors.ts files whose `*_ERROR_CODES` exports hold it. */
async function codesInSource(): Promise<Map<string, string[]>> {
  const codes = new Map<string, string[]>();
  for (const file of errorFiles) {
    const module = (await import(pathToFileURL(join(root, file)).href)) as Record<string, unknown>;
    const tables = Object.entries(module).filter(([name]) => name.endsWith('_ERROR_CODES'));
    assert.ok(tables.length > 0, `${file} exports no *_ERROR_CODES object`);
    for (const [name, table] of tables) {
      assert.ok(typeof table === 'object' && table !== null, `${file}: ${name} is not an object`);
      for (const code of Object.keys(table)) codes.set(code, [...(codes.get(code) ?? []), file]);
    }
  }
  return codes;
}

/** Every first cell of a table row in docs/errors.md, backticks removed, headers skipped. */
function codesInDocs(): string[] {
  const text = readFileSync(join(root, 'docs/errors.md'), 'utf8');
  return [...text.matchAll(/^\|([^|\n]*)\|/gm)]
    .map((match) => match[1]!.trim().replace(/^`(.*)`$/, '$1'))
    .filter((cell) => cell !== 'code' && !/^:?-+:?$/.test(cell));
}

test('the scan finds errors.ts files with codes, and docs/errors.md has tables', async () => {
  assert.ok(errorFiles.includes(join('src', 'message', 'errors.ts')), 'no src/message/errors.ts');
  assert.ok((await codesInSource()).size > 0, 'no *_ERROR_CODES keys found under src/');
  assert.ok(codesInDocs().length > 0, 'no table rows found in docs/errors.md');
});

test('every error code in src/**/errors.ts is documented in docs/errors.md', async () => {
  const documented = new Set(codesInDocs());
  const missing = [...(await codesInSource()).keys()].filter((code) => !documented.has(code));
  assert.deepEqual(missing, [], `add a row to docs/errors.md for: ${missing.join(', ')}`);
});

test('docs/errors.md documents no code that src/**/errors.ts does not export', async () => {
  const source = await codesInSource();
  const extra = codesInDocs().filter((code) => !source.has(code));
  assert.deepEqual(extra, [], `docs/errors.md has codes the source does not: ${extra.join(', ')}`);
});

test('each code is defined once in the source and documented once', async () => {
  const definedTwice = [...(await codesInSource())].filter(([, files]) => files.length > 1);
  assert.deepEqual(definedTwice, [], 'a code is exported by more than one *_ERROR_CODES object');
  const rows = codesInDocs();
  const documentedTwice = rows.filter((code, index) => rows.indexOf(code) !== index);
  assert.deepEqual(documentedTwice, [], `docs/errors.md repeats: ${documentedTwice.join(', ')}`);
});
