#!/usr/bin/env node
// `npm test`: type-check, then run every *.test.ts under src/ and test/ with node:test through
// tsx. `--only-fuzz` (npm run fuzz) runs only test/fuzz/. The file list is passed explicitly:
// on Node 20 `--test` with no files finds no .ts files and passes with zero tests, so an empty
// list is an error here.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const KNOWN_FLAGS = new Set(['--only-fuzz']);
// Two workers: the CI machine has 2 cores, and the e2e tests spawn their own processes.
const TEST_CONCURRENCY = 2;

const unknown = process.argv.slice(2).filter((arg) => !KNOWN_FLAGS.has(arg));
if (unknown.length > 0) {
  console.error(`scripts/test.mjs: unknown argument(s) ${unknown.join(' ')}; known: --only-fuzz`);
  process.exit(2);
}
const onlyFuzz = process.argv.includes('--only-fuzz');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function findTestFiles(dirs) {
  const files = [];
  for (const dir of dirs) {
    if (!existsSync(join(root, dir))) continue;
    for (const entry of readdirSync(join(root, dir), { recursive: true })) {
      const path = join(dir, String(entry));
      if (path.endsWith('.test.ts') && !path.split('/').includes('node_modules')) files.push(path);
    }
  }
  return files.sort();
}

console.log('> tsc --noEmit');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const typecheck = run(process.execPath, [tsc, '--noEmit']);
if (typecheck !== 0) process.exit(typecheck);

const dirs = onlyFuzz ? ['test/fuzz'] : ['src', 'test'];
const files = findTestFiles(dirs);
if (files.length === 0) {
  const where = dirs.join(', ');
  console.error(`scripts/test.mjs: no *.test.ts files under ${where}; zero tests is a failure`);
  process.exit(1);
}
console.log(`> node --import tsx --test: ${files.length} test file(s) from ${dirs.join(', ')}`);
process.exit(
  run(process.execPath, [
    '--import', 'tsx',
    '--test', '--test-reporter=spec', `--test-concurrency=${TEST_CONCURRENCY}`,
    ...files,
  ]),
);
