/**
 * Repository invariant (house style §3, docs/architecture.md): imports point down the layers,
 * cross into a layer only through its index.ts, and message/ and transaction/ do no I/O.
 * Each broken rule is its own failing test, named after the violation.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findLayerViolations, layerOf, type SourceFile } from './support/layer-rules.ts';

const root = join(import.meta.dirname, '..');
const files: SourceFile[] = readdirSync(join(root, 'src'), { recursive: true })
  .map((entry) => `src/${String(entry).split('\\').join('/')}`)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, source: readFileSync(join(root, file), 'utf8') }));
const violations = findLayerViolations(files);

test('the scan sees the source tree (message layer and CLI present)', () => {
  assert.ok(files.filter((f) => layerOf(f.file) === 'message').length > 10);
  assert.ok(files.some((f) => layerOf(f.file) === 'cli'));
});

if (violations.length === 0) {
  test(`all ${files.length} files under src/ follow the layer rules`, () => {});
}
for (const violation of violations) {
  test(violation, () => assert.fail(`${violation}: see docs/architecture.md "Layers"`));
}

test('the checker reports exactly the expected violations on a synthetic tree', () => {
  const found = findLayerViolations([
    { file: 'src/message/x.ts', source: "import { x } from '../transaction/index.ts';" },
    { file: 'src/proxy/deep.ts', source: "import { parseVia } from '../message/via.ts';" },
    { file: 'src/transaction/io.ts', source: "import { createSocket } from 'node:dgram';" },
    { file: 'src/transaction/io.test.ts', source: "import { createServer } from 'node:net';" },
    { file: 'src/transaction/fixture.test.ts', source: "import { readFileSync } from 'node:fs';" },
    { file: 'src/utils/misc.ts', source: '' },
    // Allowed: down through index.ts, same layer, node:test and fixture reading in a test, root, comments, npm.
    { file: 'src/proxy/fine.ts', source: "export { parseMessage } from '../message/index.ts';" },
    { file: 'src/message/a.ts', source: "import type { SipMessage } from './types.ts';" },
    { file: 'src/message/a.test.ts', source: "import assert from 'node:assert/strict';" },
    { file: 'src/index.ts', source: "export * from './proxy/index.ts';" },
    { file: 'src/message/b.ts', source: "// import '../proxy/index.ts'\n/* from 'node:fs' */" },
    { file: 'src/cli/c.ts', source: "import { Command } from 'commander';" },
  ]);
  assert.deepEqual(found, [
    'message must not import transaction (src/message/x.ts)',
    'proxy must import message through its index.ts, not src/message/via.ts (src/proxy/deep.ts)',
    'transaction must not import node:dgram (src/transaction/io.ts)',
    'transaction must not import node:net (src/transaction/io.test.ts)',
    'src/utils is not a known layer; add it to ALLOWED_IMPORTS (src/utils/misc.ts)',
  ]);
});
