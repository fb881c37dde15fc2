import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SipParseError } from './errors.ts';
import { parseMessage } from './parse.ts';
import { serializeMessage } from './serialize.ts';
import { type FramerEvent, StreamFramer } from './stream-framer.ts';
import type { SipMessage } from './types.ts';

const VECTORS = join(import.meta.dirname, '../../test/conformance/vectors/rfc4475/messages');
const vector = (name: string): Buffer => readFileSync(`${VECTORS}/${name}.dat`);

const INVITE = [
  'INVITE sip:bob@example.com SIP/2.0',
  'Via: SIP/2.0/TCP client.example.net:5060;branch=z9hG4bK74bf9',
  'Max-Forwards: 70',
  'From: Alice <sip:alice@example.net>;tag=9fxced76sl',
  'To: Bob <sip:bob@example.com>',
  'Call-ID: 3848276298220188511@client.example.net',
  'CSeq: 1 INVITE',
  'Contact: <sip:alice@client.example.net;transport=tcp>',
  'Content-Type: application/sdp',
  'Content-Length: 31',
  '',
  'v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\n',
].join('\r\n');

// Compact `l`, odd case and LWS around the colon; body with CRLFCRLF inside.
const OK = [
  'SIP/2.0 200 OK',
  'v: SIP/2.0/TCP client.example.net:5060;branch=z9hG4bK74bf9',
  'f: <sip:alice@example.net>;tag=9fxced76sl',
  't: <sip:bob@example.com>;tag=8321234356',
  'i: 3848276298220188511@client.example.net',
  'CSeq: 1 INVITE',
  'L \t:  8',
  '',
  'ab\r\n\r\ncd',
].join('\r\n');

// No Content-Length: on a stream the body is empty (RFC 3261 §18.3 says it MUST be there).
const OPTIONS = [
  'OPTIONS sip:carol@example.com SIP/2.0',
  'Via: SIP/2.0/TCP client.example.net:5060;branch=z9hG4bKopt1',
  'Max-Forwards: 70',
  'From: <sip:alice@example.net>;tag=1',
  'To: <sip:carol@example.com>',
  'Call-ID: opt1@client.example.net',
  'CSeq: 2 OPTIONS',
  '',
  '',
].join('\r\n');

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

/** What a message holds, as plain data (Headers keeps its state in private fields). */
function view(message: SipMessage): unknown {
  return { fields: message.headers.fields, wire: serializeMessage(message).toString('latin1'), body: Buffer.from(message.body).toString('hex') };
}

function parsed(input: Uint8Array): SipMessage {
  const result = parseMessage(input);
  assert.ok(!(result instanceof SipParseError), `fixture parses: ${String(result instanceof SipParseError && result.message)}`);
  return result;
}

function messageViews(events: readonly FramerEvent[]): unknown[] {
  return events.map((event) => {
    assert.equal(event.type, 'message', `expected a message, got ${JSON.stringify(event)}`);
    return view((event as { message: SipMessage }).message);
  });
}

function pushAll(framer: StreamFramer, chunks: readonly Uint8Array[]): FramerEvent[] {
  return chunks.flatMap((chunk) => framer.push(chunk));
}

function byteByByte(input: Uint8Array): Uint8Array[] {
  return Array.from(input, (_, i) => input.subarray(i, i + 1));
}

/** mulberry32: a small deterministic PRNG so failures reproduce. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('StreamFramer: framing', () => {
  test('a message fed one byte at a time yields exactly one message, equal to parsing it whole', () => {
    const framer = new StreamFramer();
    const events = pushAll(framer, byteByByte(bytes(INVITE)));
    assert.deepEqual(messageViews(events), [view(parsed(bytes(INVITE)))]);
    assert.equal(framer.pending, 0);
  });

  test('two messages in one chunk', () => {
    const events = new StreamFramer().push(bytes(INVITE + OK));
    assert.deepEqual(messageViews(events), [view(parsed(bytes(INVITE))), view(parsed(bytes(OK)))]);
    const ok = (events[1] as { message: SipMessage }).message;
    assert.equal(Buffer.from(ok.body).toString('latin1'), 'ab\r\n\r\ncd');
  });

  test('a message split inside its CRLFCRLF, at each of the three inner positions', () => {
    const whole = bytes(INVITE);
    const headerEnd = whole.indexOf('\r\n\r\n');
    for (const cut of [headerEnd + 1, headerEnd + 2, headerEnd + 3]) {
      const framer = new StreamFramer();
      assert.deepEqual(framer.push(whole.subarray(0, cut)), []);
      assert.equal(framer.pending, cut);
      assert.deepEqual(messageViews(framer.push(whole.subarray(cut))), [view(parsed(whole))]);
      assert.equal(framer.pending, 0);
    }
  });

  test('a message without Content-Length has an empty body', () => {
    const events = new StreamFramer().push(bytes(OPTIONS + OPTIONS));
    assert.equal(events.length, 2);
    for (const event of events) assert.equal(event.type === 'message' && event.message.body.length, 0);
  });

  test('mpart01: a body with bare LFs and NULs is framed by Content-Length (553 octets)', () => {
    const file = vector('mpart01');
    const expectedBody = file.subarray(file.length - 553);
    assert.ok(expectedBody.includes(0) && expectedBody.includes(10));
    const framer = new StreamFramer();
    const events = pushAll(framer, [...byteByByte(file), bytes(OPTIONS)]);
    assert.deepEqual(messageViews(events), [view(parsed(file)), view(parsed(bytes(OPTIONS)))]);
    const body = (events[0] as { message: SipMessage }).message.body;
    assert.equal(body.length, 553);
    assert.deepEqual(Buffer.from(body), expectedBody);
  });

  test('pending counts the octets held', () => {
    const framer = new StreamFramer();
    const whole = bytes(INVITE);
    assert.deepEqual(framer.push(whole.subarray(0, 10)), []);
    assert.equal(framer.pending, 10);
    assert.equal(framer.push(whole.subarray(10, whole.length - 1)).length, 0);
    assert.equal(framer.pending, whole.length - 1);
    assert.equal(framer.push(whole.subarray(whole.length - 1)).length, 1);
    assert.equal(framer.pending, 0);
  });

  test('1 000 random split points of a 3-message stream always yield the same 3 messages', () => {
    const stream = bytes(INVITE + OK + OPTIONS);
    const expected = [view(parsed(bytes(INVITE))), view(parsed(bytes(OK))), view(parsed(bytes(OPTIONS)))];
    const random = prng(0x5eed);
    for (let run = 0; run < 1000; run++) {
      const cuts = Array.from({ length: 1 + Math.floor(random() * 8) }, () => 1 + Math.floor(random() * (stream.length - 1)));
      cuts.sort((a, b) => a - b);
      const chunks = [0, ...cuts].map((from, i) => stream.subarray(from, cuts[i] ?? stream.length));
      const framer = new StreamFramer();
      assert.deepEqual(messageViews(pushAll(framer, chunks)), expected, `cuts ${cuts.join(',')}`);
      assert.equal(framer.pending, 0);
    }
  });
});

describe('StreamFramer: keep-alives (RFC 5626 §3.5.1)', () => {
  test('a double CRLF is a ping, a single CRLF a pong', () => {
    const framer = new StreamFramer();
    assert.deepEqual(framer.push(bytes('\r\n\r\n')), [{ type: 'keepalive', kind: 'ping' }]);
    assert.deepEqual(framer.push(bytes('\r\n')), [{ type: 'keepalive', kind: 'pong' }]);
    assert.equal(framer.pending, 0);
  });

  test('a ping split after its third octet is still one ping', () => {
    const framer = new StreamFramer();
    assert.deepEqual(framer.push(bytes('\r\n\r')), []);
    assert.deepEqual(framer.push(bytes('\n')), [{ type: 'keepalive', kind: 'ping' }]);
  });

  test('ping and pong between messages', () => {
    const events = new StreamFramer().push(bytes(`${INVITE}\r\n\r\n${OK}\r\n${OPTIONS}`));
    assert.deepEqual(events.map((event) => (event.type === 'keepalive' ? event.kind : event.type)), [
      'message', 'ping', 'message', 'pong', 'message',
    ]);
    assert.deepEqual(messageViews([events[0]!, events[2]!, events[4]!]), [
      view(parsed(bytes(INVITE))), view(parsed(bytes(OK))), view(parsed(bytes(OPTIONS))),
    ]);
  });

  test('a CRLF before a message is not part of it (RFC 3261 §7.5) and reads as a pong', () => {
    const events = new StreamFramer().push(bytes(`\r\n${INVITE}`));
    assert.deepEqual(events[0], { type: 'keepalive', kind: 'pong' });
    assert.deepEqual(messageViews(events.slice(1)), [view(parsed(bytes(INVITE)))]);
  });
});

describe('StreamFramer: errors', () => {
  function assertFatalThenSilent(framer: StreamFramer, events: FramerEvent[], code: string, responseStatus: number): SipParseError {
    assert.equal(events.length, 1);
    const event = events[0]!;
    assert.ok(event.type === 'error');
    assert.equal(event.fatal, true);
    assert.equal(event.error.code, code);
    assert.equal(event.error.responseStatus, responseStatus);
    assert.equal(framer.pending, 0);
    assert.deepEqual(framer.push(bytes(OPTIONS)), []);
    assert.deepEqual(framer.push(bytes('\r\n\r\n')), []);
    return event.error;
  }

  test('ncl: a negative Content-Length is fatal', () => {
    const framer = new StreamFramer();
    const error = assertFatalThenSilent(framer, framer.push(vector('ncl')), 'SIP_ERR_CONTENT_LENGTH', 400);
    assert.equal(error.header, 'Content-Length');
    assert.deepEqual(error.partial, { startLine: 'INVITE sip:user@example.com SIP/2.0', isRequest: true, method: 'INVITE' });
  });

  test('mcl01: two different Content-Lengths are fatal, and nothing after them is framed', () => {
    const framer = new StreamFramer();
    const events = framer.push(Buffer.concat([bytes(OPTIONS), vector('mcl01'), bytes(OPTIONS)]));
    assert.deepEqual(messageViews(events.slice(0, 1)), [view(parsed(bytes(OPTIONS)))]);
    const error = assertFatalThenSilent(framer, events.slice(1), 'SIP_ERR_CONTENT_LENGTH_DUPLICATE', 400);
    assert.equal(error.partial?.method, 'OPTIONS');
  });

  test('a header section over maxHeaderBytes (default 16 384) is fatal SIP_ERR_MESSAGE_TOO_LARGE', () => {
    const framer = new StreamFramer();
    const endless = bytes(`OPTIONS sip:carol@example.com SIP/2.0\r\nX-Long: ${'a'.repeat(17000)}`);
    const chunks = Array.from({ length: Math.ceil(endless.length / 1000) }, (_, i) => endless.subarray(i * 1000, (i + 1) * 1000));
    const events: FramerEvent[] = [];
    let pushed = 0;
    for (const chunk of chunks) {
      events.push(...framer.push(chunk));
      pushed += chunk.length;
      if (events.length > 0) break;
    }
    assert.equal(pushed, 17000); // the error comes as soon as 16 384 octets hold no empty line
    const error = assertFatalThenSilent(framer, events, 'SIP_ERR_MESSAGE_TOO_LARGE', 513);
    assert.equal(error.partial?.method, 'OPTIONS');
  });

  test('maxHeaderBytes counts the start line through the empty line', () => {
    const head = bytes(OPTIONS).length;
    assert.equal(new StreamFramer({ maxHeaderBytes: head }).push(bytes(OPTIONS))[0]?.type, 'message');
    const framer = new StreamFramer({ maxHeaderBytes: head - 1 });
    assertFatalThenSilent(framer, framer.push(bytes(OPTIONS)), 'SIP_ERR_MESSAGE_TOO_LARGE', 513);
  });

  test('a Content-Length that makes the message larger than maxMessageBytes is fatal before the body arrives', () => {
    const framer = new StreamFramer();
    const head = INVITE.slice(0, INVITE.indexOf('\r\n\r\n') + 4).replace('Content-Length: 31', 'Content-Length: 70000');
    assertFatalThenSilent(framer, framer.push(bytes(head)), 'SIP_ERR_MESSAGE_TOO_LARGE', 513);
  });

  test('a malformed start line with a good Content-Length is a non-fatal error; the next message parses', () => {
    const bad = INVITE.replace('INVITE sip:bob@example.com', 'INVITE  sip:bob@example.com');
    const events = new StreamFramer().push(bytes(bad + OPTIONS));
    assert.equal(events.length, 2);
    const first = events[0]!;
    assert.ok(first.type === 'error');
    assert.equal(first.fatal, false);
    assert.equal(first.error.code, 'SIP_ERR_START_LINE');
    assert.deepEqual(messageViews(events.slice(1)), [view(parsed(bytes(OPTIONS)))]);
  });

  test('options below 4 octets are a TypeError at construction', () => {
    assert.throws(() => new StreamFramer({ maxHeaderBytes: 0 }), TypeError);
    assert.throws(() => new StreamFramer({ maxMessageBytes: Number.NaN }), TypeError);
  });
});
