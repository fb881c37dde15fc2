/**
 * `retarget lint` end to end: the real CLI is spawned on the fixture files (linted octet for
 * octet) and on standard input, and its exit status, output lines and JSON are checked exactly.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const repoRoot = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');
const cliEntry = join(repoRoot, 'src/cli/main.ts');

interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runLint(args: readonly string[], stdin?: Uint8Array): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cliEntry, 'lint', ...args], {
    cwd: repoRoot,
    input: stdin ?? new Uint8Array(0),
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fixture(name: string): string {
  return join(fixtures, name);
}

const REGISTER_STAR_PROBLEMS = [
  {
    rule: 'register-uri-userinfo', severity: 'error',
    message: 'the REGISTER Request-URI must not carry userinfo (bob@)', rfc: 'RFC 3261 §10.2',
  },
  {
    rule: 'from-tag-missing', severity: 'error',
    message: 'From has no tag parameter', rfc: 'RFC 3261 §8.1.1.3', header: 'From',
  },
  {
    rule: 'contact-star-expires', severity: 'error',
    message: 'Contact: * needs Expires: 0 (found Expires: 7200)', rfc: 'RFC 3261 §10.2.2', header: 'Contact',
  },
  {
    rule: 'via-branch-not-rfc3261', severity: 'warning',
    message: 'the branch of Via bobspc.biloxi.example.com:5060 does not start with the magic cookie z9hG4bK',
    rfc: 'RFC 3261 §8.1.1.7', header: 'Via',
  },
];

describe('retarget lint <file>', () => {
  test('a clean INVITE: exit 0 and only the summary line', () => {
    const run = runLint([fixture('valid-invite.sip')]);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, 'valid: 0 errors, 0 warnings\n');
    assert.equal(run.status, 0);
  });

  test('an OPTIONS without Max-Forwards: exit 1', () => {
    const run = runLint([fixture('options-no-max-forwards.sip')]);
    assert.equal(run.stdout, [
      'error  max-forwards-missing  Max-Forwards is missing (RFC 3261 §8.1.1.6)',
      'invalid: 1 error, 0 warnings',
      '',
    ].join('\n'));
    assert.equal(run.status, 1);
  });

  test('a 302 without Contact: a warning only, so exit 0', () => {
    const run = runLint([fixture('302-no-contact.sip')]);
    assert.equal(run.stdout, [
      'warning  redirect-without-contact  a 302 should list the new location in Contact (RFC 3261 §13.3.1.2)',
      'valid: 0 errors, 1 warning',
      '',
    ].join('\n'));
    assert.equal(run.status, 0);
  });

  test('a REGISTER with several problems lists each in order', () => {
    const run = runLint([fixture('register-star.sip')]);
    assert.equal(run.stdout, [
      ...REGISTER_STAR_PROBLEMS.map((p) => `${p.severity}  ${p.rule}  ${p.message} (${p.rfc})`),
      'invalid: 3 errors, 1 warning',
      '',
    ].join('\n'));
    assert.equal(run.status, 1);
  });

  test('a message that does not parse: one error named after the parse error', () => {
    const run = runLint([fixture('cseq-garbage.sip')]);
    assert.equal(run.stdout, [
      'error  cseq-invalid  CSeq: CSeq is not "number method" with 0 <= number < 2^31: no sequence number in "one BYE" (RFC 3261 §20.16)',
      'invalid: 1 error, 0 warnings',
      '',
    ].join('\n'));
    assert.equal(run.status, 1);
  });

  test('the exact octets of the file are linted (a stray CRLF after the empty line)', () => {
    const run = runLint([fixture('trailing-crlf.sip')]);
    assert.equal(run.stdout, [
      'error  content-length-mismatch  Content-Length is 0 but 2 octets follow the headers (RFC 3261 §18.3)',
      'invalid: 1 error, 0 warnings',
      '',
    ].join('\n'));
    assert.equal(run.status, 1);
  });

  test('--json prints { valid, problems } without the parsed message', () => {
    const run = runLint([fixture('register-star.sip'), '--json']);
    assert.deepEqual(JSON.parse(run.stdout), { valid: false, problems: REGISTER_STAR_PROBLEMS });
    assert.equal(run.status, 1);
    const clean = runLint(['--json', fixture('valid-invite.sip')]);
    assert.deepEqual(JSON.parse(clean.stdout), { valid: true, problems: [] });
    assert.equal(clean.status, 0);
  });

  test('an unreadable file: a message on stderr and exit 2', () => {
    const missing = fixture('no-such-message.sip');
    const run = runLint([missing]);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `retarget lint: cannot read ${missing}: no such file\n`);
    assert.equal(run.status, 2);
    const directory = runLint([fixtures]);
    assert.equal(directory.stderr, `retarget lint: cannot read ${fixtures}: is a directory\n`);
    assert.equal(directory.status, 2);
  });
});

describe('retarget lint -', () => {
  test('reads the message from standard input', () => {
    const run = runLint(['-'], readFileSync(fixture('options-no-max-forwards.sip')));
    assert.equal(run.stdout, runLint([fixture('options-no-max-forwards.sip')]).stdout);
    assert.equal(run.status, 1);
  });

  test('--json on standard input', () => {
    const run = runLint(['-', '--json'], readFileSync(fixture('register-star.sip')));
    assert.deepEqual(JSON.parse(run.stdout), { valid: false, problems: REGISTER_STAR_PROBLEMS });
    assert.equal(run.status, 1);
  });

  test('empty standard input is an error, not a crash', () => {
    const run = runLint(['-']);
    assert.equal(run.stdout.split('\n')[0]?.startsWith('error  message-empty  '), true);
    assert.equal(run.status, 1);
  });
});
