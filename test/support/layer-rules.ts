/**
 * The layer rules of docs/architecture.md (house style §3) as data plus one pure function: given
 * source files, list the imports that break them. Used and unit-tested by
 * test/architecture.test.ts.
 */
import { isBuiltin } from 'node:module';
import { posix } from 'node:path';

const BELOW_APP = [
  'message', 'transport', 'transaction', 'location', 'forwarding', 'redirect-engine', 'registrar',
  'redirect-server', 'proxy', 'observability', 'config',
] as const;

/** Which layers each layer may import (down only). `root` is src/index.ts and src/testing.ts. */
export const ALLOWED_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  message: [],
  observability: [],
  transport: ['message', 'observability'],
  transaction: ['message', 'observability'],
  location: ['message', 'observability'],
  forwarding: ['message', 'observability'],
  'redirect-engine': ['message', 'transaction', 'location', 'observability'],
  registrar: ['message', 'transaction', 'location', 'observability'],
  'redirect-server': ['message', 'transaction', 'location', 'forwarding', 'observability'],
  proxy: ['message', 'transaction', 'location', 'forwarding', 'redirect-engine', 'observability'],
  config: ['message', 'observability'],
  app: [...BELOW_APP, 'cli', 'dashboard'],
  cli: ['app', 'config', 'observability', 'message'],
  dashboard: ['app', 'config', 'observability'],
  root: [...BELOW_APP, 'app', 'cli', 'dashboard'],
};

/** Layers that do no I/O: no Node built-in modules, except these in their *.test.ts files. */
const SANS_IO_LAYERS = new Set(['message', 'transaction']);
// Tests of a sans-IO layer may read their fixtures from disk; the code under test may not.
const ALLOWED_IN_SANS_IO_TESTS = new Set(['node:test', 'node:assert', 'node:assert/strict', 'node:fs', 'node:path']);

export interface SourceFile {
  /** Path relative to the repository root with `/` separators, e.g. `src/message/parse.ts`. */
  readonly file: string;
  readonly source: string;
}

/** The layer of a path: its first folder under src/, `root` for files directly in src/. */
export function layerOf(file: string): string {
  const parts = posix.normalize(file).split('/');
  if (parts[0] !== 'src') return 'outside';
  return parts.length === 2 ? 'root' : parts[1]!;
}

/** Module specifiers of static imports, re-exports and `import('…')`, comments removed. */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*(['"])([^'"]+)\1/g)].map((m) => m[2]!);
}

/** One message per broken rule, e.g. `message must not import transaction (src/message/x.ts)`. */
export function findLayerViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  for (const { file, source } of files) {
    const from = layerOf(file);
    const allowed = ALLOWED_IMPORTS[from];
    if (allowed === undefined) {
      violations.push(`src/${from} is not a known layer; add it to ALLOWED_IMPORTS (${file})`);
      continue;
    }
    for (const specifier of importSpecifiers(source)) {
      if (isBuiltin(specifier)) {
        const testOnly = file.endsWith('.test.ts') && ALLOWED_IN_SANS_IO_TESTS.has(specifier);
        if (SANS_IO_LAYERS.has(from) && !testOnly) {
          violations.push(`${from} must not import ${specifier} (${file})`);
        }
        continue;
      }
      if (!specifier.startsWith('.')) continue; // npm packages: not a layer question
      const target = posix.join(posix.dirname(file), specifier);
      const to = layerOf(target);
      if (to === from || to === 'outside') continue;
      if (!allowed.includes(to)) {
        violations.push(`${from} must not import ${to} (${file})`);
      } else if (to !== 'root' && target !== `src/${to}/index.ts`) {
        violations.push(`${from} must import ${to} through its index.ts, not ${target} (${file})`);
      }
    }
  }
  return violations;
}
