#!/usr/bin/env node
// `npm test`: type-check, then run every *.test.ts under src/ and test/ with node:test through
// tsx. The file list is passed explicitly: on Node 20 `--test` with no files finds no .ts files
// and would pass with zero tests, so an empty list is an error here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const onlyFuzz = process.argv.includes('--only-fuzz');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (!onlyFuzz) {
  console.log('> tsc --noEmit');
  const status = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit']);
  if (status !== 0) process.exit(status);
}

const files = [];
for (const dir of onlyFuzz ? ['test/fuzz'] : ['src', 'test']) {
  for (const entry of readdirSync(join(root, dir), { recursive: true })) {
    const path = join(dir, String(entry));
    if (path.endsWith('.test.ts') && !path.includes('node_modules')) files.push(path);
  }
}
files.sort();
if (files.length === 0) {
  console.error('scripts/test.mjs: no *.test.ts files found; refusing to report success with zero tests');
  process.exit(1);
}
console.log(`> node --import tsx --test (${files.length} files)`);
const status = run(process.execPath, [
  '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2',
  ...files.map((file) => relative(root, join(root, file))),
]);
process.exit(status);
