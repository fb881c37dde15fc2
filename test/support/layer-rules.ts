/**
 * The layer rules of docs/architecture.md as a pure function: given source files, list the
 * imports that break them. Used by test/architecture.test.ts (and unit-tested there).
 */
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Which layers each layer may import (house style §3: imports point down). */
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
  app: ['message', 'transport', 'transaction', 'location', 'forwarding', 'redirect-engine', 'registrar',
    'redirect-server', 'proxy', 'observability', 'config', 'dashboard'],
  cli: ['app', 'config', 'observability', 'message'],
  dashboard: ['app', 'config', 'observability'],
  root: ['message', 'transport', 'transaction', 'location', 'forwarding', 'redirect-engine', 'registrar',
    'redirect-server', 'proxy', 'observability', 'config', 'app', 'cli', 'dashboard'],
};

/** Layers that must stay sans-IO: no node:* modules outside their tests. */
const SANS_IO = new Set(['message', 'transaction']);

export interface SourceFile {
  /** Path relative to the repository root, e.g. `src/message/parse.ts`. */
  readonly file: string;
  readonly source: string;
}

/** The layer of a path under src/: its first folder, or `root` for src/index.ts and src/testing.ts. */
export function layerOf(file: string): string {
  const parts = normalize(file).split(sep);
  if (parts[0] !== 'src') return 'outside';
  return parts.length === 2 ? 'root' : parts[1]!;
}

export function findLayerViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  for (const { file, source } of files) {
    const from = layerOf(file);
    const isTest = file.endsWith('.test.ts');
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      const specifier = match[1]!;
      if (specifier.startsWith('node:')) {
        if (SANS_IO.has(from) && !isTest) violations.push(`${from} must stay sans-IO: ${specifier} (${file})`);
        continue;
      }
      if (!specifier.startsWith('.')) continue;
      const target = relative('.', join(dirname(file), specifier));
      const to = layerOf(target);
      if (to === from || to === 'outside') continue;
      if (!(ALLOWED_IMPORTS[from] ?? []).includes(to)) {
        violations.push(`${from} must not import ${to} (${file})`);
      } else if (to !== 'root' && !/^src[\\/][^\\/]+[\\/]index\.ts$/.test(target)) {
        violations.push(`${from} must import ${to} through its index.ts, not ${target} (${file})`);
      }
    }
  }
  return violations;
}
