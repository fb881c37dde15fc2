/**
 * The `retarget` command line: one commander program, one file per verb under `commands/`,
 * each exporting `register<Verb>Command(program)`. Thin by design: a verb parses its flags and
 * calls the library (or app/). This file is an entry point and exports nothing.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerLintCommand } from './commands/lint.ts';

const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

/** Every verb the CLI knows, in help order. Add a new `commands/<verb>.ts` registrar here. */
const COMMAND_REGISTRARS: ReadonlyArray<(program: Command) => void> = [registerLintCommand];

const program = new Command('retarget')
  .description('A SIP server and toolkit that gets redirection (3xx) right.')
  .version(packageJson.version, '-V, --version');
for (const register of COMMAND_REGISTRARS) register(program);

if (process.argv.length <= 2) {
  // Until `retarget serve` exists, running with no command (as `npm start` does) shows the help.
  program.outputHelp();
} else {
  await program.parseAsync(process.argv);
}
