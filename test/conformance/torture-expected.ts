/**
 * Expected outcomes of the RFC 4475 and RFC 5118 torture messages, one entry per file, keyed by
 * the manifest `name`. `torture.test.ts` runs each entry against the bytes the manifest points
 * at. Every value here was read off the message bytes and the RFC text, not copied from the
 * parser's output; each `trap` asserts the point the RFC section is about.
 */
import assert from 'node:assert/strict';
import {
  type SipMessage, type SipParseErrorCode, type Uri,
  formatUri, isKnownMethod, isSipUri, paramValue, unescapeUriPart, validateMessage,
} from '../../src/index.ts';

export interface UriExpect {
  readonly scheme: string;
  readonly user?: string;
  readonly password?: string;
  readonly host?: string;
  readonly port?: number;
  /** URI parameters as [name, value] (null: no `=`), names and values as received. */
  readonly params?: readonly (readonly [string, string | null])[];
  /** `?` headers as [name, value], still %-escaped. */
  readonly headers?: readonly (readonly [string, string | null])[];
  /** Scheme-specific text of a URI that is neither sip, sips nor tel. */
  readonly opaque?: string;
}

export interface NameAddrExpect {
  readonly displayName?: string;
  readonly uriText: string;
  readonly tag?: string;
}

export interface ViaExpect {
  readonly transport: string;
  readonly host: string;
  readonly port?: number;
  readonly branch?: string;
  readonly received?: string;
  /** null: a bare `;rport`. */
  readonly rport?: number | null;
}

export interface ContactExpect {
  readonly displayName?: string;
  readonly uriText: string;
  readonly q?: number;
  readonly expires?: number;
}

/** The message parses, and these are its fields. */
export interface AcceptExpect {
  readonly outcome: 'accept';
  /** What the test name says the message is checked for. */
  readonly checks: string;
  readonly start:
    | { readonly method: string; readonly uri: UriExpect }
    | { readonly status: number; readonly reason: string };
  readonly callId: string | undefined;
  readonly cseq: { readonly seq: number; readonly method: string } | undefined;
  readonly from: NameAddrExpect | undefined;
  readonly to: NameAddrExpect | undefined;
  readonly vias: readonly ViaExpect[];
  readonly contacts: readonly ContactExpect[];
  readonly maxForwards: number | undefined;
  readonly contentLength: number | undefined;
  readonly bodyLength: number;
  /** The specific point of the RFC section. `bytes` is the whole file. */
  readonly trap: (message: SipMessage, bytes: Buffer) => void;
}

/** parseMessage returns a SipParseError with exactly this code and response status. */
export interface RejectExpect {
  readonly outcome: 'reject';
  readonly code: SipParseErrorCode;
  readonly responseStatus: number;
  /** The header the defect is in, as named on the wire; undefined for start-line and framing defects. */
  readonly header: string | undefined;
  /**
   * `partial.isRequest` of the error: false for responses, which are dropped instead of
   * answered; undefined when the start line can't tell.
   */
  readonly isRequest: boolean | undefined;
  /** Set when the parser's code is not the right one for the defect: the test is marked todo. */
  readonly todo?: string;
}

export type Expectation = AcceptExpect | RejectExpect;

// ---------------------------------------------------------------------------------------------
// Small helpers for the traps

function headerNames(message: SipMessage, key: string): string[] {
  return message.headers.fields.filter((field) => field.key === key).map((field) => field.name);
}

function sipUri(uri: Uri | undefined): Extract<Uri, { scheme: 'sip' | 'sips' }> {
  assert.ok(uri !== undefined, 'URI present');
  assert.ok(isSipUri(uri), `expected a sip/sips URI, got scheme ${uri.scheme}`);
  return uri;
}

function params(list: readonly { name: string; value: string | null }[]): [string, string | null][] {
  return list.map((param) => [param.name, param.value]);
}

function request(message: SipMessage): Extract<SipMessage, { kind: 'request' }> {
  assert.equal(message.kind, 'request');
  return message as Extract<SipMessage, { kind: 'request' }>;
}

/** The octets after the first CRLFCRLF of the file. */
function afterHeaders(bytes: Buffer): Buffer {
  const end = bytes.indexOf('\r\n\r\n');
  assert.notEqual(end, -1, 'the file has a header terminator');
  return bytes.subarray(end + 4);
}

const SDP_150_BODY_PREFIX = 'v=0\r\no=mhandley 29739 7272939 IN IP4 ';

// ---------------------------------------------------------------------------------------------
// RFC 4475

const LONGREQ_VIA_NAMES = [
  'Via', 'v', 'V', 'Via', 'ViA', 'VIa', 'VIA', 'via', 'viA', 'vIa', 'vIA', 'V', 'v', 'V', 'v', 'Via', 'Via',
  ...Array.from({ length: 16 }, () => 'Via'),
  'Via',
];
const LONGREQ_BRANCH = `verylong${'long'.repeat(49)}branchvalue`;
const LONGREQ_CALLER = 'amazinglylongcallername'.repeat(5);

export const RFC4475: Readonly<Record<string, Expectation>> = {
  // §3.1.1 Valid messages ----------------------------------------------------------------------
  wsinv: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: {
      method: 'INVITE',
      uri: { scheme: 'sip', user: 'vivekg', host: 'chair-dnrc.example.com', params: [['unknownparam', null]] },
    },
    callId: 'wsinv.ndaksdj@192.0.2.1',
    cseq: { seq: 9, method: 'INVITE' }, // "0009" on a folded line
    from: { displayName: 'J Rosenberg \\"', uriText: 'sip:jdrosen@example.com', tag: '98asjd8' },
    to: { uriText: 'sip:vivekg@chair-dnrc.example.com', tag: '1918181833n' },
    vias: [
      { transport: 'UDP', host: '192.0.2.2', branch: '390skdjuw' },
      { transport: 'TCP', host: 'spindle.example.com', branch: 'z9hG4bK9ikj8' },
      { transport: 'UDP', host: '192.168.255.111', branch: 'z9hG4bK30239' },
    ],
    contacts: [{ displayName: 'Quoted string ""', uriText: 'sip:jdrosen@example.com', q: 0.33 }],
    maxForwards: 68, // "0068"
    contentLength: 150,
    bodyLength: 150,
    trap(message, bytes) {
      const h = message.headers;
      // The unknown header's value is opaque and kept as received.
      assert.equal(h.get('UnknownHeaderWithUnusualValue'), ';;,,;;,;');
      assert.deepEqual(headerNames(message, 'unknownheaderwithunusualvalue'), ['UnknownHeaderWithUnusualValue']);
      // Two Via header lines: the long form, then the compact `v:` one that holds two values
      // split over folded lines; each fold reads as one SP.
      assert.deepEqual(headerNames(message, 'via'), ['Via', 'v']);
      assert.deepEqual(h.getAll('via'), [
        'SIP  /   2.0 /UDP 192.0.2.2;branch=390skdjuw',
        'SIP  / 2.0  / TCP     spindle.example.com   ; branch  =   z9hG4bK9ikj8  , SIP  /    2.0   / UDP  192.168.255.111   ; branch= z9hG4bK30239',
      ]);
      assert.equal(h.list('via').length, 3);
      // Compact `m:` Contact with LWS around ";" and "=", a valueless parameter and q=0.33.
      assert.deepEqual(headerNames(message, 'contact'), ['m']);
      const contact = h.contacts()[0]!;
      assert.deepEqual(params(contact.params), [['newparam', 'newvalue'], ['secondparam', null], ['q', '0.33']]);
      // Empty Subject in compact form (`s :`), folded unknown header, Route with unknown params.
      assert.deepEqual(headerNames(message, 'subject'), ['s']);
      assert.equal(h.get('subject'), '');
      assert.equal(h.get('NewFangledHeader'), 'newfangled value continued newfangled value');
      assert.deepEqual(h.route().map((route) => route.uriText), ['sip:services.example.com;lr;unknownwith=value;unknown-no-value']);
      assert.equal(h.contentType()?.mediaType, 'application/sdp');
      assert.ok(Buffer.from(message.body).toString('latin1').startsWith(`${SDP_150_BODY_PREFIX}192.0.2.3\r\n`));
      assert.equal(Buffer.compare(Buffer.from(message.body), bytes.subarray(bytes.length - 150)), 0);
    },
  },

  intmeth: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: {
      method: "!interesting-Method0123456789_*+`.%indeed'~",
      uri: {
        scheme: 'sip',
        user: "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*",
        password: "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)",
        host: 'example.com',
      },
    },
    callId: "intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{",
    cseq: { seq: 139122385, method: "!interesting-Method0123456789_*+`.%indeed'~" },
    from: { displayName: "token1~` token2'+_ token3*%!.-", uriText: 'sip:mundane@example.com', tag: "_token~1'+`*%!-." },
    // The quoted display name holds quoted-pair BEL, NUL and DEL.
    to: { displayName: 'BEL:\x07 NUL:\x00 DEL:\x7f', uriText: "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com" },
    vias: [{ transport: 'TCP', host: 'host1.example.com', branch: "z9hG4bK-.!%66*_+`'~" }],
    contacts: [],
    maxForwards: 255,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      const req = request(message);
      // An unknown method ("%" is no escape there): an endpoint answers 501.
      assert.equal(isKnownMethod(req.method), false);
      assert.equal(req.method.length, 43);
      assert.equal(message.headers.to()?.displayName?.length, 17);
      // A From header parameter with an odd name and a quoted UTF-8 value.
      assert.deepEqual(params(message.headers.from()!.params), [
        ["fromParam''~+*_!.-%", '"работающий"'],
        ['tag', "_token~1'+`*%!-."],
      ]);
      // An extension header whose name uses every token character; its UTF-8 value (which
      // starts with a byte order mark in the archive) is kept.
      assert.deepEqual(headerNames(message, "extensionheader-!.%*+_`'~"), ["extensionHeader-!.%*+_`'~"]);
      assert.equal(message.headers.get("extensionHeader-!.%*+_`'~"), '\u{FEFF}大停電');
    },
  },

  esc01: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'INVITE', uri: { scheme: 'sip', user: 'sips%3Auser%40example.com', host: 'example.net' } },
    callId: 'esc01.239409asdfakjkn23onasd0-3234',
    cseq: { seq: 234234, method: 'INVITE' },
    from: { uriText: 'sip:I%20have%20spaces@example.net', tag: '938' },
    to: { uriText: 'sip:%75se%72@example.com' },
    vias: [{ transport: 'UDP', host: 'host5.example.net', branch: 'z9hG4bKkdjuw' }],
    contacts: [{ uriText: 'sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31' }],
    maxForwards: 87,
    contentLength: 150,
    bodyLength: 150,
    trap(message) {
      const req = request(message);
      // %HH is kept as received in the parts, and decodes once to the character.
      const ruri = sipUri(req.uri);
      assert.equal(unescapeUriPart(ruri.user!), 'sips:user@example.com');
      assert.equal(unescapeUriPart(sipUri(message.headers.to()?.uri).user!), 'user');
      assert.equal(unescapeUriPart(sipUri(message.headers.from()?.uri).user!), 'I have spaces');
      const contact = sipUri(message.headers.contacts()[0]?.uri);
      assert.equal(unescapeUriPart(contact.user!), 'caller');
      assert.deepEqual(params(contact.params), [['%6C%72', null], ['n%61me', 'v%61lue%25%34%31']]);
      // Decoding once gives name=value%41, which is not valueA (never unescape recursively).
      const [, named] = contact.params;
      assert.equal(unescapeUriPart(named!.name), 'name');
      assert.equal(unescapeUriPart(named!.value!), 'value%41');
      assert.notEqual(unescapeUriPart(named!.value!), 'valueA');
      assert.equal(unescapeUriPart(contact.params[0]!.name), 'lr');
      assert.deepEqual(headerNames(message, 'content-type'), ['C']);
      assert.deepEqual(headerNames(message, 'call-id'), ['i']);
    },
  },

  escnull: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'REGISTER', uri: { scheme: 'sip', host: 'example.com' } },
    callId: 'escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd',
    cseq: { seq: 14398234, method: 'REGISTER' },
    from: { uriText: 'sip:null-%00-null@example.com', tag: '839923423' },
    to: { uriText: 'sip:null-%00-null@example.com' },
    vias: [{ transport: 'UDP', host: 'host5.example.com', branch: 'z9hG4bKkdjuw' }],
    contacts: [{ uriText: 'sip:%00@host5.example.com' }, { uriText: 'sip:%00%00@host5.example.com' }],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      // The AOR is not truncated at the escaped NUL.
      const aor = sipUri(message.headers.to()?.uri);
      assert.equal(aor.user, 'null-%00-null');
      assert.equal(unescapeUriPart(aor.user!), 'null-\u0000-null');
      // Two distinct bindings (R-3261-10.3-c): their users differ once unescaped as well.
      const users = message.headers.contacts().map((contact) => unescapeUriPart(sipUri(contact.uri).user!));
      assert.deepEqual(users, ['\u0000', '\u0000\u0000']);
      assert.notEqual(users[0], users[1]);
      assert.equal(message.headers.count('contact'), 2);
    },
  },

  esc02: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'RE%47IST%45R', uri: { scheme: 'sip', host: 'registrar.example.com' } },
    callId: 'esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf',
    cseq: { seq: 29344, method: 'RE%47IST%45R' },
    from: { displayName: '%Z%45', uriText: 'sip:resource@example.com', tag: 'f232jadfj23' },
    to: { displayName: '%Z%45', uriText: 'sip:resource@example.com' },
    vias: [{ transport: 'TCP', host: 'host.example.com', branch: 'z9hG4bK209%fzsnel234' }],
    // Only two Contact values: `C%6Fntact` is another header.
    contacts: [{ uriText: 'sip:alias1@host1.example.com' }, { uriText: 'sip:alias3@host3.example.com' }],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      const req = request(message);
      assert.notEqual(req.method, 'REGISTER');
      assert.equal(isKnownMethod(req.method), false); // → 501 at an endpoint
      assert.deepEqual(headerNames(message, 'contact'), ['Contact', 'Contact']);
      assert.deepEqual(headerNames(message, 'c%6fntact'), ['C%6Fntact']);
      assert.equal(message.headers.get('C%6Fntact'), '<sip:alias2@host2.example.com>');
    },
  },

  lwsdisp: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'OPTIONS', uri: { scheme: 'sip', user: 'user', host: 'example.com' } },
    callId: 'lwsdisp.1234abcd@funky.example.com',
    cseq: { seq: 60, method: 'OPTIONS' },
    // `caller<sip:…>`: a token display name with no LWS before "<".
    from: { displayName: 'caller', uriText: 'sip:caller@example.com', tag: '323' },
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'UDP', host: 'funky.example.com', branch: 'z9hG4bKkdjuw' }],
    contacts: [],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      assert.equal(message.headers.get('from'), 'caller<sip:caller@example.com>;tag=323');
      assert.deepEqual(sipUri(message.headers.from()?.uri).user, 'caller');
    },
  },

  longreq: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'INVITE', uri: { scheme: 'sip', user: 'user', host: 'example.com' } },
    callId: `longreq.one${'really'.repeat(20)}longcallid`,
    cseq: { seq: 3882340, method: 'INVITE' },
    from: {
      uriText: `sip:${LONGREQ_CALLER}@example.net`,
      tag: '12982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982982424',
    },
    to: {
      displayName: `I have a user name of ${'extreme'.repeat(10)} proportion`,
      uriText: `sip:user@example.com:6000;unknownparam1=verylong${'long'.repeat(19)}value;longparam${'name'.repeat(25)}=shortvalue;verylong${'long'.repeat(24)}ParameterNameWithNoValue`,
    },
    vias: [
      ...Array.from({ length: 33 }, (_, i) => ({ transport: 'TCP', host: `sip${33 - i}.example.com` })),
      { transport: 'TCP', host: 'host.example.com', received: '192.0.2.5', branch: LONGREQ_BRANCH },
    ],
    contacts: [{ uriText: `sip:${LONGREQ_CALLER}@host5.example.net` }],
    maxForwards: 70,
    contentLength: 150,
    bodyLength: 150,
    trap(message) {
      const h = message.headers;
      // 34 Via values, written with every case and spacing of "Via" and "v".
      assert.deepEqual(headerNames(message, 'via'), LONGREQ_VIA_NAMES);
      assert.equal(h.via().length, 34);
      assert.equal(h.via()[33]!.branch!.length, 215);
      // Long To URI parameters, long From header parameters, long unknown header.
      const to = sipUri(h.to()?.uri);
      assert.equal(to.port, 6000);
      assert.deepEqual(params(to.params), [
        ['unknownparam1', `verylong${'long'.repeat(19)}value`],
        [`longparam${'name'.repeat(25)}`, 'shortvalue'],
        [`verylong${'long'.repeat(24)}ParameterNameWithNoValue`, null],
      ]);
      assert.deepEqual(params(h.from()!.params).slice(1), [
        [`unknownheaderparam${'name'.repeat(20)}`, `unknowheaderparam${'value'.repeat(15)}`],
        [`unknownValueless${'paramname'.repeat(10)}`, null],
      ]);
      const unknownName = `Unknown-${'Long'.repeat(20)}-Name`;
      assert.deepEqual(headerNames(message, unknownName.toLowerCase()), [unknownName]);
      assert.equal(h.get(unknownName),
        `unknown-${'long'.repeat(20)}-value; unknown-${'long'.repeat(20)}-parameter-name = unknown-${'long'.repeat(20)}-parameter-value`);
    },
  },

  dblreq: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'REGISTER', uri: { scheme: 'sip', host: 'example.com' } },
    callId: 'dblreq.0ha0isndaksdj99sdfafnl3lk233412',
    cseq: { seq: 8, method: 'REGISTER' },
    from: { uriText: 'sip:j.user@example.com', tag: '43251j3j324' },
    to: { uriText: 'sip:j.user@example.com' },
    vias: [{ transport: 'UDP', host: '192.0.2.125', branch: 'z9hG4bKkdjuw23492' }],
    contacts: [{ uriText: 'sip:j.user@host.example.com' }],
    maxForwards: 8,
    contentLength: 0,
    bodyLength: 0,
    trap(message, bytes) {
      // The datagram goes on with an INVITE after the REGISTER's Content-Length: 0; those
      // octets are not part of the REGISTER (neither body nor headers).
      const rest = afterHeaders(bytes);
      assert.equal(rest.length, 450);
      assert.ok(rest.toString('latin1').startsWith('\r\nINVITE sip:joe@example.com SIP/2.0\r\n'));
      assert.equal(message.body.length, 0);
      assert.equal(message.headers.count('call-id'), 1);
      assert.equal(message.headers.count('content-type'), 0);
      assert.equal(message.headers.count('to'), 1);
      assert.equal(message.headers.size, 8);
    },
  },

  semiuri: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'OPTIONS', uri: { scheme: 'sip', user: 'user;par=u%40example.net', host: 'example.com' } },
    callId: 'semiuri.0ha0isndaksdj',
    cseq: { seq: 8, method: 'OPTIONS' },
    from: { uriText: 'sip:caller@example.org', tag: '33242' },
    to: { uriText: 'sip:j_user@example.com' },
    vias: [{ transport: 'UDP', host: '192.0.2.1', branch: 'z9hG4bKkdjuw' }],
    contacts: [],
    maxForwards: 3,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      // The ";" before the "@" is part of the user; URI parameters start after the host.
      const ruri = sipUri(request(message).uri);
      assert.equal(unescapeUriPart(ruri.user!), 'user;par=u@example.net');
      assert.deepEqual(ruri.params, []);
      assert.deepEqual(message.headers.list('accept'), [
        'application/sdp', 'application/pkcs7-mime', 'multipart/mixed', 'multipart/signed', 'message/sip', 'message/sipfrag',
      ]);
    },
  },

  transports: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'OPTIONS', uri: { scheme: 'sip', user: 'user', host: 'example.com' } },
    callId: 'transports.kijh4akdnaqjkwendsasfdj',
    cseq: { seq: 60, method: 'OPTIONS' },
    from: { uriText: 'sip:caller@example.com', tag: '323' },
    to: { uriText: 'sip:user@example.com' },
    vias: [
      { transport: 'UDP', host: 't1.example.com', branch: 'z9hG4bKkdjuw' },
      { transport: 'SCTP', host: 't2.example.com', branch: 'z9hG4bKklasjdhf' },
      { transport: 'TLS', host: 't3.example.com', branch: 'z9hG4bK2980unddj' },
      { transport: 'UNKNOWN', host: 't4.example.com', branch: 'z9hG4bKasd0f3en' },
      { transport: 'TCP', host: 't5.example.com', branch: 'z9hG4bK0a9idfnee' },
    ],
    contacts: [],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      assert.deepEqual(message.headers.via().map((via) => via.transport), ['UDP', 'SCTP', 'TLS', 'UNKNOWN', 'TCP']);
      assert.deepEqual(message.headers.via().map((via) => [via.protocolName, via.protocolVersion]), Array(5).fill(['SIP', '2.0']));
    },
  },

  mpart01: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'MESSAGE', uri: { scheme: 'sip', user: 'kumiko', host: 'example.org' } },
    callId: '3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..',
    cseq: { seq: 1, method: 'MESSAGE' },
    from: { uriText: 'sip:fluffy@example.com', tag: '2fb0dcc9' },
    to: { uriText: 'sip:kumiko@example.org' },
    vias: [{ transport: 'UDP', host: '127.0.0.1', port: 5070, branch: 'z9hG4bK-d87543-4dade06d0bdb11ee-1--d87543-', rport: null }],
    contacts: [{ uriText: 'sip:fluffy@127.0.0.1:5070' }],
    maxForwards: 70,
    contentLength: 553,
    bodyLength: 553,
    trap(message, bytes) {
      // Framed by Content-Length: exactly the last 553 octets, binary part included.
      const body = Buffer.from(message.body);
      assert.equal(Buffer.compare(body, bytes.subarray(bytes.length - 553)), 0);
      assert.equal(body.filter((octet) => octet === 0).length, 2);
      let bareLf = 0;
      for (let i = 0; i < body.length; i++) if (body[i] === 10 && body[i - 1] !== 13) bareLf++;
      assert.equal(bareLf, 3);
      assert.ok(body.toString('latin1').startsWith('--7a9cbec02ceef655\r\nContent-Type: text/plain\r\n'));
      assert.ok(body.toString('latin1').endsWith('\r\n--7a9cbec02ceef655--\r\n'));
      const type = message.headers.contentType();
      assert.equal(type?.mediaType, 'multipart/mixed');
      assert.equal(paramValue(type!.params, 'boundary'), '7a9cbec02ceef655');
      assert.equal(message.headers.get('Date'), 'Sat, 15 Oct 2005 04:44:56 GMT');
    },
  },

  unreason: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { status: 200, reason: '= 2**3 * 5**2 но сто девяносто девять - простое' },
    callId: 'unreason.1234ksdfak3j2erwedfsASdf',
    cseq: { seq: 35, method: 'INVITE' },
    from: { uriText: 'sip:user@example.com', tag: '11141343' },
    to: { uriText: 'sip:user@example.edu', tag: '2229' },
    vias: [{ transport: 'UDP', host: '192.0.2.198', branch: 'z9hG4bK1324923' }],
    contacts: [{ uriText: 'sip:user@host198.example.com' }],
    maxForwards: undefined,
    contentLength: 154,
    bodyLength: 154,
    trap(message, bytes) {
      assert.equal(message.kind, 'response');
      if (message.kind !== 'response') return;
      // The reason phrase is the UTF-8 text of the status line, octet for octet.
      const lineEnd = bytes.indexOf('\r\n');
      assert.equal(Buffer.compare(Buffer.from(message.reason, 'utf8'), bytes.subarray('SIP/2.0 200 '.length, lineEnd)), 0);
      assert.equal(Buffer.byteLength(message.reason, 'utf8'), 74);
      assert.equal(message.reason.length, 47);
    },
  },

  noreason: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { status: 100, reason: '' },
    callId: 'noreason.asndj203insdf99223ndf',
    cseq: { seq: 35, method: 'INVITE' },
    from: { uriText: 'sip:user@example.com', tag: '39ansfi3' },
    to: { uriText: 'sip:user@example.edu', tag: '902jndnke3' },
    vias: [{ transport: 'UDP', host: '192.0.2.105', branch: 'z9hG4bK2398ndaoe' }],
    contacts: [{ uriText: 'sip:user@host105.example.com' }],
    maxForwards: undefined,
    contentLength: 0,
    bodyLength: 0,
    trap(message, bytes) {
      // `SIP/2.0 100 ` + CRLF: the SP is there, the phrase is empty.
      assert.ok(bytes.toString('latin1').startsWith('SIP/2.0 100 \r\n'));
      assert.equal(message.kind === 'response' ? message.reason : undefined, '');
    },
  },

  // §3.1.2 Invalid messages --------------------------------------------------------------------
  // Both Via (`;;,;,,`) and Contact (`;;;;`) hold empty parameters; parseMessage checks Contact
  // up front and meets it first (Via is checked by validateMessage).
  badinv01: { outcome: 'reject', code: 'SIP_ERR_EMPTY_PARAM', responseStatus: 400, header: 'Contact', isRequest: true },
  clerr: { outcome: 'reject', code: 'SIP_ERR_BODY_TRUNCATED', responseStatus: 400, header: undefined, isRequest: true },
  ncl: { outcome: 'reject', code: 'SIP_ERR_CONTENT_LENGTH', responseStatus: 400, header: 'Content-Length', isRequest: true },
  scalar02: { outcome: 'reject', code: 'SIP_ERR_CSEQ', responseStatus: 400, header: 'CSeq', isRequest: true },
  scalarlg: { outcome: 'reject', code: 'SIP_ERR_CSEQ', responseStatus: 400, header: 'CSeq', isRequest: false },
  quotbal: { outcome: 'reject', code: 'SIP_ERR_UNTERMINATED_QUOTE', responseStatus: 400, header: 'To', isRequest: true },
  ltgtruri: { outcome: 'reject', code: 'SIP_ERR_REQUEST_URI', responseStatus: 400, header: undefined, isRequest: true },
  lwsruri: { outcome: 'reject', code: 'SIP_ERR_REQUEST_URI', responseStatus: 400, header: undefined, isRequest: true },
  lwsstart: { outcome: 'reject', code: 'SIP_ERR_START_LINE', responseStatus: 400, header: undefined, isRequest: true },
  trws: { outcome: 'reject', code: 'SIP_ERR_START_LINE', responseStatus: 400, header: undefined, isRequest: true },
  escruri: { outcome: 'reject', code: 'SIP_ERR_REQUEST_URI', responseStatus: 400, header: undefined, isRequest: true },

  baddate: {
    outcome: 'accept',
    checks: 'tolerated, the Date header kept byte-exact (R-3261-16.3-b)',
    start: { method: 'INVITE', uri: { scheme: 'sip', user: 'user', host: 'example.com' } },
    callId: 'baddate.239423mnsadf3j23lj42--sedfnm234',
    cseq: { seq: 1392934, method: 'INVITE' },
    from: { uriText: 'sip:caller@example.net', tag: '2234923' },
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'UDP', host: 'host.example.com', branch: 'z9hG4bKkdjuw' }],
    contacts: [{ uriText: 'sip:caller@host5.example.net' }],
    maxForwards: 70,
    contentLength: 150,
    bodyLength: 150,
    trap(message, bytes) {
      // A malformed header nobody routes on is kept and forwarded unchanged.
      const date = message.headers.get('Date');
      assert.equal(date, 'Fri, 01 Jan 2010 16:00:00 EST');
      assert.ok(bytes.includes(Buffer.from(`\r\nDate: ${date}\r\n`, 'latin1')));
      assert.deepEqual(headerNames(message, 'date'), ['Date']);
    },
  },

  regbadct: { outcome: 'reject', code: 'SIP_ERR_ADDR_SPEC_NEEDS_BRACKETS', responseStatus: 400, header: 'Contact', isRequest: true },
  badaspec: { outcome: 'reject', code: 'SIP_ERR_NAME_ADDR', responseStatus: 400, header: 'To', isRequest: true },
  baddn: { outcome: 'reject', code: 'SIP_ERR_DISPLAY_NAME', responseStatus: 400, header: 'From', isRequest: true },
  badvers: { outcome: 'reject', code: 'SIP_ERR_VERSION', responseStatus: 505, header: undefined, isRequest: true },
  mismatch01: { outcome: 'reject', code: 'SIP_ERR_CSEQ_METHOD_MISMATCH', responseStatus: 400, header: 'CSeq', isRequest: true },
  mismatch02: { outcome: 'reject', code: 'SIP_ERR_CSEQ_METHOD_MISMATCH', responseStatus: 501, header: 'CSeq', isRequest: true },
  bigcode: { outcome: 'reject', code: 'SIP_ERR_STATUS_CODE', responseStatus: 400, header: undefined, isRequest: false },

  // §3.2 Transaction layer semantics ----------------------------------------------------------
  badbranch: {
    outcome: 'accept',
    checks: 'parses; the branch is exactly the bare magic cookie',
    start: { method: 'OPTIONS', uri: { scheme: 'sip', user: 'user', host: 'example.com' } },
    callId: 'badbranch.sadonfo23i420jv0as0derf3j3n',
    cseq: { seq: 8, method: 'OPTIONS' },
    from: { uriText: 'sip:caller@example.org', tag: '33242' },
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'UDP', host: '192.0.2.1', branch: 'z9hG4bK' }],
    contacts: [],
    maxForwards: 3,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      // The transaction layer decides on this value: the cookie with nothing after it.
      assert.equal(message.headers.topVia()?.branch, 'z9hG4bK');
      assert.equal(message.headers.topVia()?.branch?.length, 7);
    },
  },

  // §3.3 Application layer semantics ----------------------------------------------------------
  insuf: {
    outcome: 'accept',
    checks: 'parses; validateMessage gives SIP_ERR_MISSING_HEADER (400)',
    start: { method: 'INVITE', uri: { scheme: 'sip', user: 'user', host: 'example.com' } },
    callId: undefined,
    cseq: { seq: 193942, method: 'INVITE' },
    from: undefined,
    to: undefined,
    vias: [{ transport: 'UDP', host: '192.0.2.95', branch: 'z9hG4bKkdj.insuf' }],
    contacts: [],
    maxForwards: undefined,
    contentLength: 152,
    bodyLength: 152,
    trap(message) {
      for (const name of ['Call-ID', 'From', 'To']) assert.equal(message.headers.count(name), 0, name);
      const problem = validateMessage(message);
      assert.equal(problem?.code, 'SIP_ERR_MISSING_HEADER');
      assert.equal(problem?.responseStatus, 400);
    },
  },

  unkscm: {
    outcome: 'accept',
    checks: 'parses; the Request-URI scheme is not sip (416 later)',
    start: { method: 'OPTIONS', uri: { scheme: 'nobodyknowsthisscheme', opaque: 'totallyopaquecontent' } },
    callId: 'unkscm.nasdfasser0q239nwsdfasdkl34',
    cseq: { seq: 3923423, method: 'OPTIONS' },
    from: { uriText: 'sip:caller@example.net', tag: '384' },
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'TCP', host: 'host9.example.com', branch: 'z9hG4bKkdjuw39234' }],
    contacts: [],
    maxForwards: 3,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      const ruri = request(message).uri;
      // Schemes compare case-insensitively; the element answers 416 and never routes on To.
      assert.equal(ruri.scheme, 'nobodyknowsthisscheme');
      assert.equal(isSipUri(ruri), false);
    },
  },

  novelsc: {
    outcome: 'accept',
    checks: 'parses; the Request-URI scheme is soap.beep (416 or 404 later)',
    start: { method: 'OPTIONS', uri: { scheme: 'soap.beep', opaque: '//192.0.2.103:3002' } },
    callId: 'novelsc.asdfasser0q239nwsdfasdkl34',
    cseq: { seq: 3923423, method: 'OPTIONS' },
    from: { uriText: 'sip:caller@example.net', tag: '384' },
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'TCP', host: 'host9.example.com', branch: 'z9hG4bKkdjuw39234' }],
    contacts: [],
    maxForwards: 3,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      const ruri = request(message).uri;
      assert.equal(ruri.scheme, 'soap.beep');
      assert.equal(isSipUri(ruri), false);
      assert.equal(formatUri(ruri), 'soap.beep://192.0.2.103:3002');
    },
  },

  unksm2: {
    outcome: 'accept',
    checks: 'parses; the To scheme is not sip (a registrar answers 400)',
    start: { method: 'REGISTER', uri: { scheme: 'sip', host: 'example.com' } },
    callId: 'unksm2.daksdj@hyphenated-host.example.com',
    cseq: { seq: 234902, method: 'REGISTER' },
    from: { uriText: 'http://www.example.com', tag: '3234233' },
    to: { uriText: 'isbn:2983792873' },
    vias: [{ transport: 'UDP', host: '192.0.2.21', port: 5060, branch: 'z9hG4bKkdjuw' }],
    contacts: [{ uriText: 'name:John_Smith' }],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      const to = message.headers.to()!.uri;
      assert.equal(to.scheme, 'isbn'); // the AOR is neither sip nor sips → 400 at a registrar
      assert.equal(isSipUri(to), false);
      assert.equal(formatUri(to), 'isbn:2983792873');
      assert.equal(message.headers.from()!.uri.scheme, 'http');
      assert.equal(message.headers.contacts()[0]!.uri.scheme, 'name');
    },
  },

  bext01: {
    outcome: 'accept',
    checks: 'parses; the Require and Proxy-Require tags (420 later)',
    start: { method: 'OPTIONS', uri: { scheme: 'sip', user: 'user', host: 'example.com' } },
    callId: 'bext01.0ha0isndaksdj',
    cseq: { seq: 8, method: 'OPTIONS' },
    from: { uriText: 'sip:caller@example.net', tag: '242etr' },
    to: { uriText: 'sip:j_user@example.com' },
    vias: [{ transport: 'TLS', host: 'fold-and-staple.example.com', branch: 'z9hG4bKkdjuw' }],
    contacts: [],
    maxForwards: 6,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      assert.deepEqual(message.headers.require(), ['nothingSupportsThis', 'nothingSupportsThisEither']);
      assert.deepEqual(message.headers.proxyRequire(), ['noProxiesSupportThis', 'norDoAnyProxiesSupportThis']);
    },
  },

  invut: {
    outcome: 'accept',
    checks: 'parses; the Content-Type is application/unknownformat (415 later)',
    start: { method: 'INVITE', uri: { scheme: 'sip', user: 'user', host: 'example.com' } },
    callId: 'invut.0ha0isndaksdjadsfij34n23d',
    cseq: { seq: 235448, method: 'INVITE' },
    from: { uriText: 'sip:caller@example.net', tag: '8392034' },
    to: { uriText: 'sip:j.user@example.com' },
    vias: [{ transport: 'UDP', host: 'somehost.example.com', branch: 'z9hG4bKkdjuw' }],
    contacts: [{ uriText: 'sip:caller@host5.example.net' }],
    maxForwards: 70,
    contentLength: 40,
    bodyLength: 40,
    trap(message) {
      assert.deepEqual(message.headers.contentType(), { mediaType: 'application/unknownformat', params: [] });
      assert.equal(Buffer.from(message.body).toString('latin1'), '<audio>\r\n <pcmu port="443"/>\r\n</audio>\r\n');
    },
  },

  regaut01: {
    outcome: 'accept',
    checks: 'parses; the Authorization scheme is NoOneKnowsThisScheme',
    start: { method: 'REGISTER', uri: { scheme: 'sip', host: 'example.com' } },
    callId: 'regaut01.0ha0isndaksdj',
    cseq: { seq: 9338, method: 'REGISTER' },
    from: { uriText: 'sip:j.user@example.com', tag: '87321hj23128' },
    to: { uriText: 'sip:j.user@example.com' },
    vias: [{ transport: 'TCP', host: '192.0.2.253', branch: 'z9hG4bKkdjuw' }],
    contacts: [],
    maxForwards: 8,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      const credentials = message.headers.authorization();
      assert.equal(credentials.length, 1);
      assert.equal(credentials[0]!.scheme, 'NoOneKnowsThisScheme');
      assert.deepEqual({ ...credentials[0]!.params }, { 'opaque-data': 'here' });
      // A proxy forwards it unmodified.
      assert.equal(message.headers.get('Authorization'), 'NoOneKnowsThisScheme opaque-data=here');
    },
  },

  multi01: {
    outcome: 'accept',
    checks: 'parses; validateMessage gives SIP_ERR_DUPLICATE_HEADER (400)',
    start: { method: 'INVITE', uri: { scheme: 'sip', user: 'user', host: 'company.com' } },
    // The typed getters read the first of each duplicated header.
    callId: 'multi01.98asdh@192.0.2.1',
    cseq: { seq: 5, method: 'INVITE' },
    from: { uriText: 'sip:caller@example.com', tag: '3413415' },
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'UDP', host: '192.0.2.25', branch: 'z9hG4bKkdjuw' }],
    contacts: [{ uriText: 'sip:caller@host25.example.net' }, { uriText: 'sip:caller@host36.example.net' }],
    maxForwards: 70,
    contentLength: 154,
    bodyLength: 154,
    trap(message) {
      for (const name of ['Call-ID', 'To', 'From', 'Max-Forwards', 'CSeq']) assert.equal(message.headers.count(name), 2, name);
      const problem = validateMessage(message);
      assert.equal(problem?.code, 'SIP_ERR_DUPLICATE_HEADER');
      assert.equal(problem?.responseStatus, 400);
    },
  },

  mcl01: { outcome: 'reject', code: 'SIP_ERR_CONTENT_LENGTH_DUPLICATE', responseStatus: 400, header: 'Content-Length', isRequest: true },

  bcast: {
    outcome: 'accept',
    checks: 'parses; the second Via is the broadcast address',
    start: { status: 200, reason: 'OK' },
    callId: 'bcast.0384840201234ksdfak3j2erwedfsASdf',
    cseq: { seq: 35, method: 'INVITE' },
    from: { uriText: 'sip:user@example.com', tag: '11141343' },
    to: { uriText: 'sip:user@example.edu', tag: '2229' },
    vias: [
      { transport: 'UDP', host: '192.0.2.198', branch: 'z9hG4bK1324923' },
      { transport: 'UDP', host: '255.255.255.255', branch: 'z9hG4bK1saber23' },
    ],
    contacts: [{ uriText: 'sip:user@host28.example.com' }],
    maxForwards: undefined,
    contentLength: 154,
    bodyLength: 154,
    trap(message) {
      assert.equal(message.kind, 'response');
      // A proxy would send this response on to the second Via: it must drop it instead.
      assert.equal(message.headers.via()[1]?.host, '255.255.255.255');
    },
  },

  zeromf: {
    outcome: 'accept',
    checks: 'parses; Max-Forwards is 0 (483 at a proxy)',
    start: { method: 'OPTIONS', uri: { scheme: 'sip', user: 'user', host: 'example.com' } },
    callId: 'zeromf.jfasdlfnm2o2l43r5u0asdfas',
    cseq: { seq: 39234321, method: 'OPTIONS' },
    from: { uriText: 'sip:caller@example.net', tag: '3ghsd41' },
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'UDP', host: 'host1.example.com', branch: 'z9hG4bKkdjuw2349i' }],
    contacts: [],
    maxForwards: 0,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      assert.equal(message.headers.maxForwards(), 0);
      assert.equal(message.headers.get('Max-Forwards'), '0');
    },
  },

  cparam01: {
    outcome: 'accept',
    checks: 'parses; unknownparam is a Contact header parameter, not a URI parameter',
    start: { method: 'REGISTER', uri: { scheme: 'sip', host: 'example.com' } },
    callId: 'cparam01.70710@saturn.example.com',
    cseq: { seq: 2, method: 'REGISTER' },
    from: { uriText: 'sip:watson@example.com', tag: 'DkfVgjkrtMwaerKKpe' },
    to: { uriText: 'sip:watson@example.com' },
    vias: [{ transport: 'UDP', host: 'saturn.example.com', port: 5060, branch: 'z9hG4bKkdjuw' }],
    contacts: [{ uriText: 'sip:+19725552222@gw1.example.net' }],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      // No < >: the parameter after the addr-spec belongs to the header (R-3261-10.3-c).
      const contact = message.headers.contacts()[0]!;
      assert.deepEqual(params(contact.params), [['unknownparam', null]]);
      const uri = sipUri(contact.uri);
      assert.deepEqual(uri.params, []);
      assert.equal(formatUri(uri), 'sip:+19725552222@gw1.example.net');
    },
  },

  cparam02: {
    outcome: 'accept',
    checks: 'parses; unknownparam is a URI parameter',
    start: { method: 'REGISTER', uri: { scheme: 'sip', host: 'example.com' } },
    callId: 'cparam02.70710@saturn.example.com',
    cseq: { seq: 3, method: 'REGISTER' },
    from: { uriText: 'sip:watson@example.com', tag: '838293' },
    to: { uriText: 'sip:watson@example.com' },
    vias: [{ transport: 'UDP', host: 'saturn.example.com', port: 5060, branch: 'z9hG4bKkdjuw' }],
    contacts: [{ uriText: 'sip:+19725552222@gw1.example.net;unknownparam' }],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      // Inside < >: the parameter is part of the URI and stays in stored bindings.
      const contact = message.headers.contacts()[0]!;
      assert.deepEqual(params(contact.params), []);
      const uri = sipUri(contact.uri);
      assert.deepEqual(params(uri.params), [['unknownparam', null]]);
      assert.equal(formatUri(uri), 'sip:+19725552222@gw1.example.net;unknownparam');
    },
  },

  regescrt: {
    outcome: 'accept',
    checks: 'parses; the Contact URI keeps its escaped ?Route= header',
    start: { method: 'REGISTER', uri: { scheme: 'sip', host: 'example.com' } },
    callId: 'regescrt.k345asrl3fdbv@192.0.2.1',
    cseq: { seq: 14398234, method: 'REGISTER' },
    from: { uriText: 'sip:user@example.com', tag: '8' },
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'UDP', host: 'host5.example.com', branch: 'z9hG4bKkdjuw' }],
    contacts: [{ uriText: 'sip:user@example.com?Route=%3Csip:sip.example.com%3E' }],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      assert.deepEqual(headerNames(message, 'contact'), ['M']);
      const uri = sipUri(message.headers.contacts()[0]?.uri);
      assert.deepEqual(params(uri.headers), [['Route', '%3Csip:sip.example.com%3E']]);
      assert.equal(unescapeUriPart(uri.headers[0]!.value!), '<sip:sip.example.com>');
      // Stored and printed again, the URI still carries the escaped header (R-3261-10.3-c).
      assert.equal(formatUri(uri), 'sip:user@example.com?Route=%3Csip:sip.example.com%3E');
      // The message itself has no Route header.
      assert.equal(message.headers.count('route'), 0);
    },
  },

  sdp01: {
    outcome: 'accept',
    checks: 'parses; Accept is text/nobodyKnowsThis and the body is application/sdp (406 later)',
    start: { method: 'INVITE', uri: { scheme: 'sip', user: 'user', host: 'example.com' } },
    callId: 'sdp01.ndaksdj9342dasdd',
    cseq: { seq: 8, method: 'INVITE' },
    from: { uriText: 'sip:caller@example.net', tag: '234' },
    to: { uriText: 'sip:j_user@example.com' },
    vias: [{ transport: 'UDP', host: '192.0.2.15', branch: 'z9hG4bKkdjuw' }],
    contacts: [{ uriText: 'sip:caller@host15.example.net' }],
    maxForwards: 5,
    contentLength: 150,
    bodyLength: 150,
    trap(message) {
      assert.deepEqual(message.headers.list('accept'), ['text/nobodyKnowsThis']);
      assert.equal(message.headers.contentType()?.mediaType, 'application/sdp');
    },
  },

  // §3.4 Backward compatibility ----------------------------------------------------------------
  inv2543: {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'INVITE', uri: { scheme: 'sip', user: 'UserB', host: 'example.com' } },
    callId: 'inv2543.1717@ift.client.example.com',
    cseq: { seq: 56, method: 'INVITE' },
    from: { uriText: 'sip:+13035551111@ift.client.example.net;user=phone' }, // no tag
    to: { uriText: 'sip:+16505552222@ss1.example.net' },
    vias: [{ transport: 'UDP', host: 'iftgw.example.com' }], // no branch
    contacts: [],
    maxForwards: undefined,
    contentLength: undefined,
    bodyLength: 105,
    trap(message, bytes) {
      // No Content-Length: the body is the rest of the datagram.
      assert.equal(Buffer.compare(Buffer.from(message.body), afterHeaders(bytes)), 0);
      assert.equal(message.headers.count('content-length'), 0);
      assert.equal(message.headers.count('max-forwards'), 0);
      assert.equal(message.headers.topVia()?.branch, undefined);
      assert.equal(message.headers.fromTag(), undefined);
      // From in < >: user=phone is a URI parameter; To without < >: it is a header parameter.
      assert.deepEqual(params(sipUri(message.headers.from()?.uri).params), [['user', 'phone']]);
      assert.deepEqual(params(message.headers.to()!.params), [['user', 'phone']]);
      assert.deepEqual(message.headers.recordRoute().map((route) => route.uriText), ['sip:UserB@example.com;maddr=ss1.example.com']);
    },
  },

  // Not in the RFC text --------------------------------------------------------------------------
  // `INVITE sip:alan@jasomi.com` has no SIP-Version, so the line is neither a request nor a status line.
  test: { outcome: 'reject', code: 'SIP_ERR_START_LINE', responseStatus: 400, header: undefined, isRequest: undefined },
};

// ---------------------------------------------------------------------------------------------
// RFC 5118 (wire forms)

const V6_FROM = { uriText: 'sip:user@example.com', tag: '81x2' } as const;
const V6_CALL_ID = 'SSG9559905523997077@hlau_4100';

export const RFC5118: Readonly<Record<string, Expectation>> = {
  'ipv6-good': {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'REGISTER', uri: { scheme: 'sip', host: '[2001:db8::10]' } },
    callId: V6_CALL_ID,
    cseq: { seq: 98176, method: 'REGISTER' },
    from: V6_FROM,
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'UDP', host: '[2001:db8::9:1]', branch: 'z9hG4bKas3-111' }],
    contacts: [{ displayName: 'Caller', uriText: 'sip:caller@[2001:db8::1]' }],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      // IPv6 references keep their brackets in the Request-URI, Via and Contact.
      assert.equal(sipUri(request(message).uri).host, '[2001:db8::10]');
      assert.equal(sipUri(message.headers.contacts()[0]?.uri).host, '[2001:db8::1]');
      assert.equal(message.headers.topVia()?.port, undefined);
    },
  },

  'ipv6-bad': { outcome: 'reject', code: 'SIP_ERR_REQUEST_URI', responseStatus: 400, header: undefined, isRequest: true },

  'port-ambiguous': {
    outcome: 'accept',
    checks: 'parses; the host is [2001:db8::10:5070] with no port',
    start: { method: 'REGISTER', uri: { scheme: 'sip', host: '[2001:db8::10:5070]' } },
    callId: V6_CALL_ID,
    cseq: { seq: 98176, method: 'REGISTER' },
    from: V6_FROM,
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'UDP', host: '[2001:db8::9:1]', branch: 'z9hG4bKas3-111' }],
    contacts: [{ displayName: 'Caller', uriText: 'sip:caller@[2001:db8::1]' }],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      // Nothing inside the brackets is split off as a port.
      const ruri = sipUri(request(message).uri);
      assert.equal(ruri.host, '[2001:db8::10:5070]');
      assert.equal(ruri.port, undefined);
      assert.equal(formatUri(ruri), 'sip:[2001:db8::10:5070]');
    },
  },

  'port-unambiguous': {
    outcome: 'accept',
    checks: 'parses; host [2001:db8::10], port 5070',
    start: { method: 'REGISTER', uri: { scheme: 'sip', host: '[2001:db8::10]', port: 5070 } },
    callId: V6_CALL_ID,
    cseq: { seq: 98176, method: 'REGISTER' },
    from: V6_FROM,
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'UDP', host: '[2001:db8::9:1]', branch: 'z9hG4bKas3-111' }],
    contacts: [{ displayName: 'Caller', uriText: 'sip:caller@[2001:db8::1]' }],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      const ruri = sipUri(request(message).uri);
      assert.equal(ruri.port, 5070);
      assert.equal(formatUri(ruri), 'sip:[2001:db8::10]:5070');
    },
  },

  'via-received-param-with-delim': {
    outcome: 'accept',
    checks: 'parses; received=[2001:db8::9:255] is read with its brackets',
    start: { method: 'BYE', uri: { scheme: 'sip', host: '[2001:db8::10]' } },
    callId: V6_CALL_ID,
    cseq: { seq: 321, method: 'BYE' },
    from: V6_FROM,
    to: { uriText: 'sip:user@example.com', tag: 'bd76ya' },
    vias: [{ transport: 'UDP', host: '[2001:db8::9:1]', received: '[2001:db8::9:255]', branch: 'z9hG4bKas3-111' }],
    contacts: [],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      const via = message.headers.topVia()!;
      assert.deepEqual(params(via.params), [['received', '[2001:db8::9:255]'], ['branch', 'z9hG4bKas3-111']]);
    },
  },

  'via-received-param-no-delim': {
    outcome: 'accept',
    checks: 'parses; received=2001:db8::9:255 and the branch after it',
    start: { method: 'OPTIONS', uri: { scheme: 'sip', host: '[2001:db8::10]' } },
    callId: 'SSG95523997077@hlau_4100',
    cseq: { seq: 921, method: 'OPTIONS' },
    from: V6_FROM,
    to: { uriText: 'sip:user@example.com' },
    vias: [{ transport: 'UDP', host: '[2001:db8::9:1]', received: '2001:db8::9:255', branch: 'z9hG4bKas3' }],
    contacts: [{ displayName: 'Caller', uriText: 'sip:caller@[2001:db8::9:1]' }],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      // The colons of the address do not end the parameter list.
      const via = message.headers.topVia()!;
      assert.deepEqual(params(via.params), [['received', '2001:db8::9:255'], ['branch', 'z9hG4bKas3']]);
    },
  },

  'ipv6-in-sdp': {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'INVITE', uri: { scheme: 'sip', user: 'user', host: '[2001:db8::10]' } },
    callId: V6_CALL_ID,
    cseq: { seq: 8612, method: 'INVITE' },
    from: V6_FROM,
    to: { uriText: 'sip:user@[2001:db8::10]' },
    vias: [{ transport: 'UDP', host: '[2001:db8::20]', branch: 'z9hG4bKas3-111' }],
    contacts: [{ displayName: 'Caller', uriText: 'sip:caller@[2001:db8::20]' }],
    maxForwards: 70,
    contentLength: 251,
    bodyLength: 251,
    trap(message, bytes) {
      // The wire form's Content-Length (251) frames the whole CRLF body; SDP has no brackets.
      assert.equal(Buffer.compare(Buffer.from(message.body), afterHeaders(bytes)), 0);
      const sdp = Buffer.from(message.body).toString('latin1');
      assert.ok(sdp.includes('\r\nc=IN IP6 2001:db8::20\r\n'));
      assert.equal(message.headers.contentType()?.mediaType, 'application/sdp');
    },
  },

  'mult-ip-in-header': {
    outcome: 'accept',
    checks: 'parses; mixed IPv6 and IPv4 Vias',
    start: { method: 'BYE', uri: { scheme: 'sip', user: 'user', host: 'host.example.net' } },
    callId: '997077@lau_4100',
    cseq: { seq: 89187, method: 'BYE' },
    from: V6_FROM,
    to: { uriText: 'sip:user@example.net', tag: '9817--94' },
    vias: [
      { transport: 'UDP', host: '[2001:db8::9:1]', port: 6050, branch: 'z9hG4bKas3-111' },
      { transport: 'UDP', host: '192.0.2.1', branch: 'z9hG4bKjhja8781hjuaij65144' },
      { transport: 'TCP', host: '[2001:db8::9:255]', branch: 'z9hG4bK451jj', received: '192.0.2.200' },
    ],
    contacts: [],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      assert.deepEqual(message.headers.via().map((via) => via.host), ['[2001:db8::9:1]', '192.0.2.1', '[2001:db8::9:255]']);
    },
  },

  'mult-ip-in-sdp': {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'INVITE', uri: { scheme: 'sip', user: 'user', host: '[2001:db8::10]' } },
    callId: V6_CALL_ID,
    cseq: { seq: 8912, method: 'INVITE' },
    from: V6_FROM,
    to: { uriText: 'sip:user@[2001:db8::10]' },
    vias: [{ transport: 'UDP', host: '[2001:db8::9:1]', branch: 'z9hG4bKas3-111' }],
    contacts: [{ displayName: 'Caller', uriText: 'sip:caller@[2001:db8::9:1]' }],
    maxForwards: 70,
    contentLength: 189,
    bodyLength: 189,
    trap(message, bytes) {
      assert.equal(Buffer.compare(Buffer.from(message.body), afterHeaders(bytes)), 0);
      const sdp = Buffer.from(message.body).toString('latin1');
      assert.ok(sdp.includes('\r\nc=IN IP4 192.0.2.1\r\n'));
      assert.ok(sdp.includes('\r\nc=IN IP6 2001:db8::1\r\n'));
    },
  },

  'ipv4-mapped-ipv6': {
    outcome: 'accept',
    checks: 'parses; IPv4-mapped IPv6 in Via and Contact',
    start: { method: 'INVITE', uri: { scheme: 'sip', user: 'user', host: 'example.com' } },
    callId: V6_CALL_ID,
    cseq: { seq: 612, method: 'INVITE' },
    from: { uriText: 'sip:user@east.example.com', tag: '81x2' },
    to: { uriText: 'sip:user@example.com' },
    vias: [
      { transport: 'UDP', host: '[::ffff:192.0.2.10]', port: 19823, branch: 'z9hG4bKbh19' },
      { transport: 'UDP', host: '[::ffff:192.0.2.2]', branch: 'z9hG4bKas3-111' },
    ],
    contacts: [{ displayName: 'T. desk phone', uriText: 'sip:ted@[::ffff:192.0.2.2]' }],
    maxForwards: 70,
    contentLength: 245,
    bodyLength: 245,
    trap(message, bytes) {
      assert.equal(sipUri(message.headers.contacts()[0]?.uri).host, '[::ffff:192.0.2.2]');
      assert.equal(Buffer.compare(Buffer.from(message.body), afterHeaders(bytes)), 0);
      assert.ok(Buffer.from(message.body).toString('latin1').includes('\r\nc=IN IP6 ::ffff:192.0.2.2\r\n'));
    },
  },

  'ipv6-bug-abnf-3-colons': {
    outcome: 'accept',
    checks: 'parses; the 3-colon host [2001:db8:::192.0.2.1] is read as written',
    start: { method: 'OPTIONS', uri: { scheme: 'sip', user: 'user', host: '[2001:db8:::192.0.2.1]' } },
    callId: 'G9559905523997077@hlau_4100',
    cseq: { seq: 689, method: 'OPTIONS' },
    from: { uriText: 'sip:user@example.com', tag: '810x2' },
    to: { uriText: 'sip:user@[2001:db8:::192.0.2.1]' },
    vias: [{ transport: 'UDP', host: 'lab1.east.example.com', branch: 'z9hG4bKas3-111' }],
    contacts: [],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      assert.equal(sipUri(message.headers.to()?.uri).host, '[2001:db8:::192.0.2.1]');
      assert.equal(sipUri(request(message).uri).port, undefined);
    },
  },

  'ipv6-correct-abnf-2-colons': {
    outcome: 'accept',
    checks: 'parses to the expected fields',
    start: { method: 'OPTIONS', uri: { scheme: 'sip', user: 'user', host: '[2001:db8::192.0.2.1]' } },
    callId: 'G9559905523997077@hlau_4100',
    cseq: { seq: 689, method: 'OPTIONS' },
    from: { uriText: 'sip:user@example.com', tag: '810x2' },
    to: { uriText: 'sip:user@[2001:db8::192.0.2.1]' },
    vias: [{ transport: 'UDP', host: 'lab1.east.example.com', branch: 'z9hG4bKas3-111' }],
    contacts: [],
    maxForwards: 70,
    contentLength: 0,
    bodyLength: 0,
    trap(message) {
      assert.equal(sipUri(message.headers.to()?.uri).host, '[2001:db8::192.0.2.1]');
    },
  },
};
