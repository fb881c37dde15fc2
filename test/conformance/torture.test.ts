/**
 * Conformance vectors (house style §7): every RFC 4475 and RFC 5118 torture message, driven by
 * the two manifests in test/conformance/vectors (a byte-exact copy of ../shared/conformance). One test per file. Valid messages must parse to
 * exactly the fields in `torture-expected.ts`; invalid ones must be refused (by parseMessage, or
 * by validateMessage after it, as a receiving element does) with a SipParseError with a
 * specific code and response status, not just "fail". The files are read as octets, never as
 * text: NULs, bare LFs and non-UTF-8 bytes are part of the tests.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  type Contact, type NameAddr, type OpaqueUri, type SipMessage, type Uri, type Via,
  SipParseError, isSipUri, isTelUri, parseMessage, validateMessage,
} from '../../src/index.ts';
import {
  type AcceptExpect, type ContactExpect, type Expectation, type NameAddrExpect, type RejectExpect,
  type UriExpect, type ViaExpect, RFC4475, RFC5118,
} from './torture-expected.ts';

const repoRoot = join(import.meta.dirname, '../..');
const conformanceDir = join(repoRoot, 'test/conformance/vectors');

interface Rfc4475Entry {
  readonly name: string;
  readonly file: string;
  readonly rfcSection: string;
  readonly rfcVerdict: string;
  readonly parser: string;
  readonly messageType: 'request' | 'response';
  readonly contentLengthHeaders: readonly string[];
  readonly bodyOctets: number;
  readonly size: number;
  readonly sha256: string;
}

interface Rfc5118Entry {
  readonly name: string;
  readonly rfcSection: string;
  readonly wireFile: string;
  readonly wireSize: number;
  readonly wireSha256: string;
  readonly rfcVerdict: string;
  readonly parser: string;
}

function readManifest<T>(folder: string): readonly T[] {
  const manifest = JSON.parse(readFileSync(join(conformanceDir, folder, 'manifest.json'), 'utf8')) as { messages: T[] };
  return manifest.messages;
}

const rfc4475 = readManifest<Rfc4475Entry>('rfc4475');
const rfc5118 = readManifest<Rfc5118Entry>('rfc5118');

/** One torture file, as the tests see it. */
interface Case {
  readonly name: string;
  readonly section: string;
  readonly verdict: string;
  readonly parser: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly messageType: 'request' | 'response' | undefined;
  readonly contentLengthHeaders: readonly string[] | undefined;
  readonly bodyOctets: number | undefined;
  readonly expected: Expectation | undefined;
}

const cases: Case[] = [
  ...rfc4475.map((entry): Case => ({
    name: entry.name,
    section: entry.rfcSection === 'none' ? 'RFC 4475 archive (no section)' : entry.rfcSection,
    verdict: entry.rfcVerdict,
    parser: entry.parser,
    path: join(conformanceDir, 'rfc4475', entry.file),
    size: entry.size,
    sha256: entry.sha256,
    messageType: entry.messageType,
    contentLengthHeaders: entry.contentLengthHeaders,
    bodyOctets: entry.bodyOctets,
    expected: Object.hasOwn(RFC4475, entry.name) ? RFC4475[entry.name] : undefined,
  })),
  // The wire/ forms: CRLF line ends, closed header sections, matching Content-Lengths.
  ...rfc5118.map((entry): Case => ({
    name: entry.name,
    section: entry.rfcSection,
    verdict: entry.rfcVerdict,
    parser: entry.parser,
    path: join(conformanceDir, 'rfc5118', entry.wireFile),
    size: entry.wireSize,
    sha256: entry.wireSha256,
    messageType: undefined,
    contentLengthHeaders: undefined,
    bodyOctets: undefined,
    expected: Object.hasOwn(RFC5118, entry.name) ? RFC5118[entry.name] : undefined,
  })),
];

// -----------------------------------------------------------------------------------------------
// Projections: the parsed message and the expectation, both as plain data with every key present,
// so deepEqual compares exact values (a missing port and port 5060 differ).

type Pairs = (readonly [string, string | null])[];

function pairs(list: readonly { name: string; value: string | null }[]): Pairs {
  return list.map((param) => [param.name, param.value] as const);
}

function projectUri(uri: Uri): object {
  if (isSipUri(uri)) {
    return {
      scheme: uri.scheme, user: uri.user, password: uri.password, host: uri.host, port: uri.port,
      params: pairs(uri.params), headers: pairs(uri.headers),
    };
  }
  if (isTelUri(uri)) return { scheme: uri.scheme, number: uri.number, params: pairs(uri.params) };
  return { scheme: uri.scheme, opaque: (uri as OpaqueUri).opaque };
}

function expectedUri(uri: UriExpect): object {
  if (uri.scheme === 'sip' || uri.scheme === 'sips') {
    return {
      scheme: uri.scheme, user: uri.user, password: uri.password, host: uri.host, port: uri.port,
      params: [...(uri.params ?? [])], headers: [...(uri.headers ?? [])],
    };
  }
  return { scheme: uri.scheme, opaque: uri.opaque };
}

function projectStart(message: SipMessage): object {
  return message.kind === 'request'
    ? { method: message.method, uri: projectUri(message.uri) }
    : { status: message.status, reason: message.reason };
}

function expectedStart(start: AcceptExpect['start']): object {
  return 'method' in start
    ? { method: start.method, uri: expectedUri(start.uri) }
    : { status: start.status, reason: start.reason };
}

function projectNameAddr(value: NameAddr | undefined): object | undefined {
  if (value === undefined) return undefined;
  return { displayName: value.displayName, uriText: value.uriText, tag: value.tag };
}

function expectedNameAddr(value: NameAddrExpect | undefined): object | undefined {
  if (value === undefined) return undefined;
  return { displayName: value.displayName, uriText: value.uriText, tag: value.tag };
}

function projectVia(via: Via): object {
  return { transport: via.transport, host: via.host, port: via.port, branch: via.branch, received: via.received, rport: via.rport };
}

function expectedVia(via: ViaExpect): object {
  return { transport: via.transport, host: via.host, port: via.port, branch: via.branch, received: via.received, rport: via.rport };
}

function projectContact(contact: Contact): object {
  return { displayName: contact.displayName, uriText: contact.uriText, q: contact.q, expires: contact.expires };
}

function expectedContact(contact: ContactExpect): object {
  return { displayName: contact.displayName, uriText: contact.uriText, q: contact.q, expires: contact.expires };
}

// -----------------------------------------------------------------------------------------------

function testName(c: Case): string {
  const expected = c.expected;
  let outcome: string;
  if (expected === undefined) outcome = 'has an expectation';
  else if (expected.outcome === 'reject') outcome = `rejected with ${expected.code} (${expected.responseStatus})`;
  else outcome = expected.checks;
  return `${c.section} ${c.name}: ${c.verdict}, ${outcome}`;
}

/** The expectation must agree with the manifest's verdict for the parser. */
function checkAgainstManifest(c: Case, expected: Expectation): void {
  switch (c.parser) {
    case 'accept':
    case 'accept-parse':
      assert.equal(expected.outcome, 'accept', `the manifest says "${c.parser}"`);
      break;
    case 'reject':
      assert.equal(expected.outcome, 'reject', 'the manifest says "reject"');
      break;
    case 'reject-or-tolerate':
      break;
    default:
      assert.fail(`unknown manifest parser verdict "${c.parser}"`);
  }
  if (c.messageType !== undefined) {
    if (expected.outcome === 'accept') {
      assert.equal('method' in expected.start ? 'request' : 'response', c.messageType, 'message type');
    } else if (expected.isRequest !== undefined) {
      assert.equal(expected.isRequest ? 'request' : 'response', c.messageType, 'message type');
    }
  }
}

/**
 * What a receiving element does with a datagram: parseMessage (framing, start line, the headers
 * it needs up front), then validateMessage (Via, From and To in full, §8.1.1 mandatory headers):
 * an invalid message is refused by one or the other, with a specific code.
 */
function receive(bytes: Buffer): SipMessage | SipParseError {
  const message = parseMessage(bytes);
  if (message instanceof SipParseError) return message;
  return validateMessage(message) ?? message;
}

function checkRejected(result: SipMessage | SipParseError, expected: RejectExpect): void {
  assert.ok(result instanceof SipParseError, 'expected a SipParseError, but the message parsed');
  assert.deepEqual(
    { code: result.code, responseStatus: result.responseStatus, header: result.header, isRequest: result.partial?.isRequest },
    { code: expected.code, responseStatus: expected.responseStatus, header: expected.header, isRequest: expected.isRequest },
    result.message,
  );
}

function checkAccepted(c: Case, result: SipMessage | SipParseError, expected: AcceptExpect, bytes: Buffer): void {
  if (result instanceof SipParseError) assert.fail(`expected the message to parse, got ${result.code} (${result.responseStatus}): ${result.message}`);
  const h = result.headers;
  assert.deepEqual(projectStart(result), expectedStart(expected.start), 'start line');
  assert.equal(h.callId(), expected.callId, 'Call-ID');
  assert.deepEqual(h.cseq() === undefined ? undefined : { seq: h.cseq()!.seq, method: h.cseq()!.method }, expected.cseq, 'CSeq');
  assert.deepEqual(projectNameAddr(h.from()), expectedNameAddr(expected.from), 'From');
  assert.equal(h.fromTag(), expected.from?.tag, 'From tag');
  assert.deepEqual(projectNameAddr(h.to()), expectedNameAddr(expected.to), 'To');
  assert.equal(h.toTag(), expected.to?.tag, 'To tag');
  assert.deepEqual(h.via().map(projectVia), expected.vias.map(expectedVia), 'Via');
  const topVia = h.topVia();
  assert.deepEqual(topVia === undefined ? undefined : projectVia(topVia), expected.vias[0] === undefined ? undefined : expectedVia(expected.vias[0]), 'top Via');
  assert.equal(h.contacts().length, expected.contacts.length, 'Contact count');
  assert.deepEqual(h.contacts().map(projectContact), expected.contacts.map(expectedContact), 'Contact');
  assert.equal(h.maxForwards(), expected.maxForwards, 'Max-Forwards');
  assert.equal(h.contentLength(), expected.contentLength, 'Content-Length');
  assert.equal(result.body.length, expected.bodyLength, 'body length');
  if (c.contentLengthHeaders !== undefined) {
    assert.deepEqual(h.getAll('content-length'), [...c.contentLengthHeaders], 'Content-Length values listed in the manifest');
  }
  if (c.bodyOctets !== undefined) {
    const end = bytes.indexOf('\r\n\r\n');
    assert.equal(end === -1 ? 0 : bytes.length - end - 4, c.bodyOctets, 'octets after the header section (manifest bodyOctets)');
  }
  expected.trap(result, bytes);
}

test('the manifests list exactly 50 RFC 4475 and 12 RFC 5118 messages, each with one expectation', () => {
  assert.equal(rfc4475.length, 50);
  assert.equal(rfc5118.length, 12);
  assert.equal(new Set(rfc4475.map((entry) => entry.name)).size, 50, 'RFC 4475 names are unique');
  assert.equal(new Set(rfc5118.map((entry) => entry.name)).size, 12, 'RFC 5118 names are unique');
  assert.deepEqual(Object.keys(RFC4475).sort(), rfc4475.map((entry) => entry.name).sort());
  assert.deepEqual(Object.keys(RFC5118).sort(), rfc5118.map((entry) => entry.name).sort());
  assert.equal(cases.length, 62);
});

for (const c of cases) {
  const todo = c.expected?.outcome === 'reject' ? c.expected.todo : undefined;
  test(testName(c), todo === undefined ? {} : { todo }, () => {
    const expected = c.expected;
    assert.ok(expected !== undefined, `no expectation for ${c.name} in torture-expected.ts`);
    checkAgainstManifest(c, expected);
    const bytes = readFileSync(c.path);
    // The octets are the published ones (no line-ending or encoding rewrite on the way).
    assert.equal(bytes.length, c.size, 'file size from the manifest');
    assert.equal(createHash('sha256').update(bytes).digest('hex'), c.sha256, 'SHA-256 from the manifest');
    if (expected.outcome === 'reject') checkRejected(receive(bytes), expected);
    else checkAccepted(c, parseMessage(bytes), expected, bytes);
  });
}
