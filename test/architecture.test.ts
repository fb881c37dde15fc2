/**
 * Repository invariant (house style §3): imports point down the layers, cross a layer only
 * through its index.ts, and the message and transaction layers do no I/O.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findLayerViolations, layerOf, type SourceFile } from './support/layer-rules.ts';

const root = join(import.meta.dirname, '..');
const files: SourceFile[] = readdirSync(join(root, 'src'), { recursive: true })
  .map(String)
  .filter((entry) => entry.endsWith('.ts'))
  .map((entry) => ({ file: join('src', entry), source: readFileSync(join(root, 'src', entry), 'utf8') }));

test('the source tree has files in the message layer', () => {
  assert.ok(files.filter((f) => layerOf(f.file) === 'message').length > 10);
});

test('no file breaks the layer rules', () => {
  assert.deepEqual(findLayerViolations(files), []);
});

test('the checker reports a downward violation, a deep import and I/O in a sans-IO layer', () => {
  const violations = findLayerViolations([
    { file: 'src/message/bad.ts', source: "import { x } from '../transaction/index.ts';" },
    { file: 'src/proxy/deep.ts', source: "import { parseVia } from '../message/via.ts';" },
    { file: 'src/transaction/io.ts', source: "import { createSocket } from 'node:dgram';" },
    { file: 'src/transaction/io.test.ts', source: "import assert from 'node:assert/strict';" },
    { file: 'src/proxy/fine.ts', source: "import { parseMessage } from '../message/index.ts';" },
  ]);
  assert.deepEqual(violations, [
    'message must not import transaction (src/message/bad.ts)',
    'proxy must import message through its index.ts, not src/message/via.ts (src/proxy/deep.ts)',
    'transaction must stay sans-IO: node:dgram (src/transaction/io.ts)',
  ]);
});
