import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type LintProblem, lintMessage } from './lint-message.ts';

const INVITE_LINE = 'INVITE sip:bob@biloxi.example.com SIP/2.0';
const INVITE_HEADERS: readonly string[] = [
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
  'Max-Forwards: 70',
  'To: Bob <sip:bob@biloxi.example.com>',
  'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 314159 INVITE',
  'Contact: <sip:alice@pc33.atlanta.example.com>',
  'Content-Type: application/sdp',
  'Content-Length: 5',
];
const SDP = 'v=0\r\n';

function message(startLine: string, headers: readonly string[], body = ''): string {
  return `${startLine}\r\n${headers.join('\r\n')}\r\n\r\n${body}`;
}

/** The INVITE with the header starting with `name:` replaced by `line` (or removed when undefined). */
function invite(changes: Readonly<Record<string, string | undefined>> = {}, extra: readonly string[] = [], body = SDP): string {
  const headers: string[] = [];
  for (const header of INVITE_HEADERS) {
    const name = header.slice(0, header.indexOf(':'));
    if (!(name in changes)) headers.push(header);
    else if (changes[name] !== undefined) headers.push(changes[name]!);
  }
  return message(INVITE_LINE, [...headers, ...extra], body);
}

function request(method: string, uri: string, extra: readonly string[]): string {
  return message(`${method} ${uri} SIP/2.0`, [
    'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds7',
    'Max-Forwards: 70',
    'To: Bob <sip:bob@biloxi.example.com>',
    'From: Bob <sip:bob@biloxi.example.com>;tag=456248',
    'Call-ID: 843817637684230@998sdasdh09',
    `CSeq: 1826 ${method}`,
    ...extra,
    'Content-Length: 0',
  ]);
}

function response(statusLine: string, extra: readonly string[]): string {
  return message(statusLine, [
    'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;received=192.0.2.1',
    'To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf',
    'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
    'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
    'CSeq: 314159 INVITE',
    ...extra,
    'Content-Length: 0',
  ]);
}

/** Asserts the exact list of (rule, severity) pairs, in order. */
function assertProblems(input: Uint8Array | string, expected: readonly (readonly [string, LintProblem['severity']])[]): LintProblem[] {
  const report = lintMessage(input);
  assert.deepEqual(report.problems.map((p) => [p.rule, p.severity]), expected);
  assert.equal(report.valid, !expected.some(([, severity]) => severity === 'error'));
  return report.problems;
}

describe('lintMessage: clean messages', () => {
  test('an INVITE with SDP has no problems', () => {
    const report = lintMessage(invite());
    assert.deepEqual(report.problems, []);
    assert.equal(report.valid, true);
    assert.equal(report.message?.kind, 'request');
  });

  test('a 302 with Contact, a REGISTER removing all bindings and an in-dialog BYE have no problems', () => {
    assertProblems(response('SIP/2.0 302 Moved Temporarily', ['Contact: <sip:bob@192.0.2.4>;q=0.7;expires=3600']), []);
    assertProblems(request('REGISTER', 'sip:registrar.biloxi.example.com', ['Contact: *', 'Expires: 0']), []);
    assertProblems(request('BYE', 'sip:alice@pc33.atlanta.example.com', []).replace('To: Bob <sip:bob@biloxi.example.com>', 'To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf'), []);
  });

  test('octets and the same text as a string give the same report', () => {
    assert.deepEqual(lintMessage(new TextEncoder().encode(invite())).problems, lintMessage(invite()).problems);
  });
});

describe('lintMessage: parse errors become one error', () => {
  test('cseq-invalid names the header and its section', () => {
    const report = lintMessage(invite({ CSeq: 'CSeq: abc INVITE' }));
    assert.equal(report.valid, false);
    assert.equal(report.message, undefined);
    assert.equal(report.problems.length, 1);
    assert.deepEqual({ ...report.problems[0], message: undefined }, {
      rule: 'cseq-invalid', severity: 'error', message: undefined, rfc: 'RFC 3261 §20.16', header: 'CSeq',
    });
  });

  test('max-forwards-invalid: Max-Forwards is not a number', () => {
    const [problem] = assertProblems(invite({ 'Max-Forwards': 'Max-Forwards: seventy' }), [['max-forwards-invalid', 'error']]);
    assert.equal(problem?.rfc, 'RFC 3261 §20.22');
  });

  test('cseq-method-mismatch', () => {
    const [problem] = assertProblems(invite({ CSeq: 'CSeq: 314159 BYE' }), [['cseq-method-mismatch', 'error']]);
    assert.equal(problem?.rfc, 'RFC 3261 §8.1.1.5');
  });

  test('request-uri-headers: ?headers in the Request-URI', () => {
    assertProblems(invite().replace('sip:bob@biloxi.example.com SIP', 'sip:bob@biloxi.example.com?Route=%3Csip:x%3E SIP'), [['request-uri-headers', 'error']]);
  });

  test('content-length-mismatch: fewer octets than Content-Length', () => {
    const [problem] = assertProblems(invite({ 'Content-Length': 'Content-Length: 50' }), [['content-length-mismatch', 'error']]);
    assert.equal(problem?.header, 'Content-Length');
  });

  test('message-empty and start-line-malformed', () => {
    assertProblems('', [['message-empty', 'error']]);
    assertProblems('hello\r\n\r\n', [['start-line-malformed', 'error']]);
  });
});

describe('lintMessage: rules', () => {
  test('method-unknown (warning)', () => {
    assertProblems(request('FOOBAR', 'sip:bob@biloxi.example.com', []), [['method-unknown', 'warning']]);
  });

  test('register-uri-userinfo: R-3261-10.2-a', () => {
    const [problem] = assertProblems(request('REGISTER', 'sip:bob@registrar.biloxi.example.com', []), [['register-uri-userinfo', 'error']]);
    assert.equal(problem?.rfc, 'RFC 3261 §10.2');
  });

  test('request-uri-method-param', () => {
    assertProblems(request('OPTIONS', 'sip:bob@biloxi.example.com;method=BYE', []), [['request-uri-method-param', 'error']]);
  });

  test('header-section-unterminated: no empty line after the headers', () => {
    assertProblems(request('OPTIONS', 'sip:bob@biloxi.example.com', []).slice(0, -2), [['header-section-unterminated', 'error']]);
  });

  test('line-ending-not-crlf (warning)', () => {
    assertProblems(request('OPTIONS', 'sip:bob@biloxi.example.com', []).replaceAll('\r\n', '\n'), [['line-ending-not-crlf', 'warning']]);
  });

  for (const [name, rule, rfc] of [
    ['To', 'to-missing', 'RFC 3261 §8.1.1.2'], ['From', 'from-missing', 'RFC 3261 §8.1.1.3'],
    ['Call-ID', 'call-id-missing', 'RFC 3261 §8.1.1.4'], ['CSeq', 'cseq-missing', 'RFC 3261 §8.1.1.5'],
    ['Max-Forwards', 'max-forwards-missing', 'RFC 3261 §8.1.1.6'], ['Via', 'via-missing', 'RFC 3261 §8.1.1.7'],
  ] as const) {
    test(`${rule}`, () => {
      const problems = assertProblems(invite({ [name]: undefined }), [[rule, 'error']]);
      assert.deepEqual(problems[0], { rule, severity: 'error', message: `${name} is missing`, rfc, header: name });
    });
  }

  test('a response needs no Max-Forwards', () => {
    assertProblems(response('SIP/2.0 200 OK', ['Contact: <sip:bob@192.0.2.4>']), []);
  });

  test('duplicate-header: a single-value header twice', () => {
    const [problem] = assertProblems(invite({}, ['Call-ID: another@pc33.atlanta.example.com']), [['duplicate-header', 'error']]);
    assert.equal(problem?.header, 'Call-ID');
  });

  test('header values failing their grammar name the header', () => {
    const problems = assertProblems(invite({}, ['Expires: soon', 'Route: <sip:proxy.example.com', 'Require: a b']), [
      ['expires-invalid', 'error'], ['name-addr-invalid', 'error'], ['header-value-invalid', 'error'],
    ]);
    assert.deepEqual(problems.map((p) => [p.header, p.rfc]), [
      ['Expires', 'RFC 3261 §20.19'], ['Route', 'RFC 3261 §20.34'], ['Require', 'RFC 3261 §20.32'],
    ]);
  });

  test('a malformed lower Via is reported', () => {
    const via = 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds, SIP/2.0/UDP p1.example.com;;x';
    assertProblems(invite({ Via: via }), [['param-empty', 'error']]);
  });

  test('to-tag-on-initial-request (warning); BYE with a To tag is fine', () => {
    const [problem] = assertProblems(invite({ To: 'To: Bob <sip:bob@biloxi.example.com>;tag=abc' }), [['to-tag-on-initial-request', 'warning']]);
    assert.match(problem?.message ?? '', /only valid inside a dialog/);
  });

  test('from-tag-missing: R-3261-8.1.1.3', () => {
    assertProblems(invite({ From: 'From: Alice <sip:alice@atlanta.example.com>' }), [['from-tag-missing', 'error']]);
  });

  test('contact-star-outside-register', () => {
    assertProblems(invite({ Contact: 'Contact: *' }, ['Expires: 0']), [['contact-star-outside-register', 'error']]);
  });

  test('contact-star-mixed: Contact * with other Contacts', () => {
    assertProblems(request('REGISTER', 'sip:registrar.biloxi.example.com', ['Contact: *', 'Contact: <sip:bob@192.0.2.4>', 'Expires: 0']), [['contact-star-mixed', 'error']]);
  });

  test('contact-star-expires: R-3261-10.2.2-a, Expires must be 0', () => {
    assertProblems(request('REGISTER', 'sip:registrar.biloxi.example.com', ['Contact: *', 'Expires: 10']), [['contact-star-expires', 'error']]);
    assertProblems(request('REGISTER', 'sip:registrar.biloxi.example.com', ['Contact: *']), [['contact-star-expires', 'error']]);
  });

  test('contact-q-invalid: R-3261-20.10-b (q=1.5, q=0.1234, q=-1)', () => {
    const contact = 'Contact: <sip:a@x>;q=1.5, <sip:b@x>;q=0.1234, <sip:c@x>;q=-1, <sip:d@x>;q=0.5';
    const problems = assertProblems(response('SIP/2.0 300 Multiple Choices', [contact]), [
      ['contact-q-invalid', 'error'], ['contact-q-invalid', 'error'], ['contact-q-invalid', 'error'],
    ]);
    assert.equal(problems[0]?.rfc, 'RFC 3261 §20.10');
  });

  test('contact-expires-invalid: an RFC 2543 date or text', () => {
    assertProblems(response('SIP/2.0 302 Moved Temporarily', ['Contact: <sip:a@x>;expires="Thu, 01 Dec 1994 16:00:00 GMT", <sip:b@x>;expires=abc']), [
      ['contact-expires-invalid', 'error'], ['contact-expires-invalid', 'error'],
    ]);
  });

  test('content-length-missing (warning)', () => {
    assertProblems(invite({ 'Content-Length': undefined }), [['content-length-missing', 'warning']]);
  });

  test('content-length-mismatch: more octets than Content-Length', () => {
    assertProblems(invite({}, [], `${SDP}o=x\r\n`), [['content-length-mismatch', 'error']]);
  });

  test('content-type-missing: R-3261-7.4.1', () => {
    assertProblems(invite({ 'Content-Type': undefined }), [['content-type-missing', 'error']]);
  });

  test('via-branch-missing and via-branch-not-rfc3261 (warnings)', () => {
    assertProblems(invite({ Via: 'Via: SIP/2.0/UDP pc33.atlanta.example.com' }), [['via-branch-missing', 'warning']]);
    assertProblems(invite({ Via: 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=776asdhds' }), [['via-branch-not-rfc3261', 'warning']]);
  });

  test('max-forwards-out-of-range: above 255', () => {
    assertProblems(invite({ 'Max-Forwards': 'Max-Forwards: 300' }), [['max-forwards-out-of-range', 'error']]);
  });

  test('redirect-without-contact: R-3261-13.3.1.2-a (warning)', () => {
    for (const status of ['300 Multiple Choices', '301 Moved Permanently', '302 Moved Temporarily']) {
      const [problem] = assertProblems(response(`SIP/2.0 ${status}`, []), [['redirect-without-contact', 'warning']]);
      assert.equal(problem?.rfc, 'RFC 3261 §13.3.1.2');
    }
  });
});
