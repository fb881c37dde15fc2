/**
 * `retarget lint <file|->`: checks one SIP message and explains each problem with its rule id
 * and RFC section (product §3.7). The file's exact octets are linted. Exit codes: 0 when there
 * is no error (warnings allowed), 1 when there is one, 2 when the input cannot be read.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type LintReport, lintMessage } from '../../message/index.ts';

export const LINT_EXIT_CODES = { valid: 0, invalid: 1, unreadable: 2 } as const;

interface LintCommandOptions {
  readonly json?: boolean;
}

export function registerLintCommand(program: Command): void {
  program
    .command('lint')
    .description('validate a SIP message and explain each problem with its RFC rule')
    .argument('<file>', 'a file holding one SIP message, or - to read standard input')
    .option('--json', 'print the report as JSON ({ valid, problems })')
    .addHelpText('after', '\nExit status: 0 no errors (warnings allowed), 1 errors found, 2 input unreadable.')
    .action(async (file: string, options: LintCommandOptions) => {
      let input: Uint8Array;
      try {
        input = file === '-' ? await readStdin() : await readFile(file);
      } catch (error) {
        process.stderr.write(`retarget lint: cannot read ${file}: ${describeReadError(error)}\n`);
        process.exitCode = LINT_EXIT_CODES.unreadable;
        return;
      }
      const report = lintMessage(input);
      process.stdout.write(options.json === true ? formatLintJson(report) : formatLintText(report));
      process.exitCode = report.valid ? LINT_EXIT_CODES.valid : LINT_EXIT_CODES.invalid;
    });
}

/** One line per problem (`error  rule  message (rfc)`) and a summary line. */
export function formatLintText(report: LintReport): string {
  let out = '';
  for (const problem of report.problems) {
    out += `${problem.severity}  ${problem.rule}  ${problem.message} (${problem.rfc})\n`;
  }
  const errors = report.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = report.problems.length - errors;
  out += `${report.valid ? 'valid' : 'invalid'}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`;
  return out;
}

/** The report without the parsed message object. */
export function formatLintJson(report: LintReport): string {
  return `${JSON.stringify({ valid: report.valid, problems: report.problems }, null, 2)}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    default: return error instanceof Error ? error.message : String(error);
  }
}
