/**
 * The `retarget` command line: one commander program, one file per verb under `commands/`.
 * Thin by design: each verb parses its flags and calls the library.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerLintCommand } from './commands/lint.ts';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export function createProgram(): Command {
  const program = new Command('retarget')
    .description('A SIP server and toolkit that gets redirection (3xx) right.')
    .version(packageJson.version, '-V, --version');
  registerLintCommand(program);
  return program;
}

const program = createProgram();
if (process.argv.length <= 2) {
  // Until `retarget serve` exists, running with no command shows what there is.
  program.outputHelp();
} else {
  await program.parseAsync(process.argv);
}
