/**
 * fast-check arbitraries for SIP: valid messages to round-trip, and mutations of real messages
 * (the RFC 4475 / 5118 vectors) to throw at the parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const VECTORS = join(import.meta.dirname, '../conformance/vectors');

/** Every torture message, as octets. */
export const SEED_MESSAGES: readonly Buffer[] = [
  ...readdirSync(join(VECTORS, 'rfc4475/messages')).map((f) => readFileSync(join(VECTORS, 'rfc4475/messages', f))),
  ...readdirSync(join(VECTORS, 'rfc5118/wire')).map((f) => readFileSync(join(VECTORS, 'rfc5118/wire', f))),
];

const NASTY = ['\r\n', '\r\n ', ' ', '\t', '"', '\\', '<', '>', ';', ';;', ',', '%', '%0', '\0', ':', '@', '[', ']', '=', '?', '&',
  '\n', '\r', 'Via: ', 'Contact: *', 'l: 99', 'Content-Length: -1', 'SIP/2.0 ', '\u00ff', '\u00e9'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...NASTY) }),
  fc.record({ kind: fc.constant('insertBytes' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function applyMutation(input: Buffer, m: Mutation): Buffer {
  const at = input.length === 0 ? 0 : m.at % (input.length + 1);
  switch (m.kind) {
    case 'insert': return Buffer.concat([input.subarray(0, at), Buffer.from(m.text, 'latin1'), input.subarray(at)]);
    case 'insertBytes': return Buffer.concat([input.subarray(0, at), Buffer.from(m.bytes), input.subarray(at)]);
    case 'delete': return Buffer.concat([input.subarray(0, at), input.subarray(at + m.length)]);
    case 'flip': { const copy = Buffer.from(input); if (at < copy.length) copy[at] = m.byte; return copy; }
    case 'duplicateLine': {
      const start = input.lastIndexOf('\n', at) + 1;
      const end = input.indexOf('\n', at);
      const line = input.subarray(start, end === -1 ? input.length : end + 1);
      return Buffer.concat([input.subarray(0, start), line, input.subarray(start)]);
    }
    case 'truncate': return input.subarray(0, at);
  }
}

/** A torture message with 1 to 6 mutations applied. */
export const mutatedMessage: fc.Arbitrary<Buffer> = fc
  .tuple(fc.nat({ max: SEED_MESSAGES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, mutations]) => mutations.reduce(applyMutation, SEED_MESSAGES[seed]!));

/* ---------- valid messages ---------- */

const token = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9.!%*_+`'~-]{0,11}$/);
const userPart = fc.stringMatching(/^[a-zA-Z0-9_.!~*'()-]{1,12}$/);
const hostName = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}(\.[a-z][a-z0-9-]{0,8}){0,2}$/);
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
const ipv6 = fc.ipV6().map((a) => `[${a}]`);
const host = fc.oneof(hostName, ipv4, ipv6);
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const uriParam = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/), fc.option(token, { nil: undefined }))
  .map(([n, v]) => (v === undefined ? `;${n}` : `;${n}=${v}`));

export const sipUriText = fc
  .tuple(fc.constantFrom('sip', 'sips'), fc.option(userPart, { nil: undefined }), host, port, fc.array(uriParam, { maxLength: 3 }))
  .map(([scheme, user, h, p, params]) => `${scheme}:${user === undefined ? '' : `${user}@`}${h}${p === undefined ? '' : `:${p}`}${params.join('')}`);

const telUriText = fc.stringMatching(/^\+[1-9][0-9]{4,12}$/).map((n) => `tel:${n}`);

const displayName = fc.option(
  fc.string({ maxLength: 12 }).filter((s) => !/[\r\n\0]/.test(s)).map((s) => `"${s.replace(/(["\\])/g, '\\$1')}" `),
  { nil: '' },
);
const nameAddr = (withTag: boolean): fc.Arbitrary<string> =>
  fc.tuple(displayName, sipUriText, withTag ? fc.option(token, { nil: undefined }) : fc.constant(undefined))
    .map(([d, u, tag]) => `${d}<${u}>${tag === undefined ? '' : `;tag=${tag}`}`);

const via = fc
  .tuple(fc.constantFrom('UDP', 'TCP', 'TLS', 'WS', 'WSS', 'SCTP'), host, port, token, fc.boolean())
  .map(([t, h, p, branch, rport]) => `SIP/2.0/${t} ${h}${p === undefined ? '' : `:${p}`};branch=z9hG4bK${branch}${rport ? ';rport' : ''}`);

const qvalue = fc.constantFrom('0', '0.1', '0.25', '0.5', '0.999', '1', '1.0', '1.000');
const contact = fc.tuple(nameAddr(false), fc.option(qvalue, { nil: undefined }), fc.option(fc.nat(86400), { nil: undefined }))
  .map(([na, q, e]) => `${na}${q === undefined ? '' : `;q=${q}`}${e === undefined ? '' : `;expires=${e}`}`);

const extensionHeader = fc.tuple(
  fc.stringMatching(/^X-[A-Za-z0-9-]{1,10}$/),
  fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/[^\x21-\x7e ]/g, 'x').trim()).filter((s) => s.length > 0),
);

const METHODS = ['INVITE', 'ACK', 'BYE', 'CANCEL', 'OPTIONS', 'REGISTER', 'MESSAGE', 'SUBSCRIBE', 'NOTIFY', 'INFO', 'UPDATE', 'REFER', 'PRACK'] as const;

export interface GeneratedMessage {
  readonly text: string;
  readonly body: string;
}

/** A valid request or response, as text, with a body and a true Content-Length. */
export const validMessage: fc.Arbitrary<GeneratedMessage> = fc
  .record({
    request: fc.boolean(),
    method: fc.constantFrom(...METHODS),
    requestUri: fc.oneof(sipUriText, telUriText),
    status: fc.integer({ min: 100, max: 699 }),
    reason: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/),
    vias: fc.array(via, { minLength: 1, maxLength: 4 }),
    from: nameAddr(true),
    to: nameAddr(true),
    callId: fc.tuple(token, fc.option(hostName, { nil: undefined })).map(([w, h]) => (h === undefined ? w : `${w}@${h}`)),
    seq: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    maxForwards: fc.integer({ min: 0, max: 255 }),
    contacts: fc.array(contact, { maxLength: 3 }),
    extensions: fc.array(extensionHeader, { maxLength: 3 }),
    body: fc.option(fc.string({ maxLength: 60 }), { nil: '' }),
  })
  .map((m) => {
    const lines = [
      m.request ? `${m.method} ${m.requestUri} SIP/2.0` : `SIP/2.0 ${m.status} ${m.reason}`,
      ...m.vias.map((v) => `Via: ${v}`),
      `From: ${m.from}`,
      `To: ${m.to}`,
      `Call-ID: ${m.callId}`,
      `CSeq: ${m.seq} ${m.method}`,
      `Max-Forwards: ${m.maxForwards}`,
      ...m.contacts.map((c) => `Contact: ${c}`),
      ...m.extensions.map(([n, v]) => `${n}: ${v}`),
      ...(m.body.length > 0 ? ['Content-Type: text/plain'] : []),
      `Content-Length: ${Buffer.byteLength(m.body)}`,
    ];
    return { text: `${lines.join('\r\n')}\r\n\r\n${m.body}`, body: m.body };
  });
