import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type BuildRequestOptions, buildRequest } from './build-request.ts';
import { SipParseError } from './errors.ts';
import { parseMessage } from './parse.ts';
import { serializeMessage } from './serialize.ts';
import type { SipRequest } from './types.ts';
import { formatUri } from './uri.ts';

const BASE: BuildRequestOptions = {
  method: 'INVITE',
  requestUri: 'sip:bob@biloxi.example.com',
  from: { uri: 'sip:alice@atlanta.example.com', displayName: 'Alice' },
  to: { uri: 'sip:bob@biloxi.example.com', displayName: 'Bob' },
  via: { transport: 'udp', host: 'pc33.atlanta.example.com', port: 5060 },
};

function roundTrip(request: SipRequest): SipRequest {
  const parsed = parseMessage(serializeMessage(request));
  assert.ok(!(parsed instanceof SipParseError), parsed instanceof SipParseError ? parsed.message : '');
  assert.equal(parsed.kind, 'request');
  return parsed as SipRequest;
}

const fieldsOf = (request: SipRequest): [string, string][] =>
  request.headers.fields.map((field) => [field.name, field.value]);

describe('RFC 3261 §8.1.1: buildRequest', () => {
  test('RFC 3261 §8.1.1: a built request round-trips through serializeMessage and parseMessage', () => {
    const request = buildRequest({
      ...BASE,
      cseq: 314159,
      contact: '<sip:alice@pc33.atlanta.example.com;transport=udp>',
      headers: [['Subject', 'lunch'], { name: 'Call-Info', value: '<http://www.foo.com>' }],
      body: 'v=0\r\no=alice 1 1 IN IP4 192.0.2.1\r\n',
      contentType: 'application/sdp',
    });
    const parsed = roundTrip(request);
    assert.equal(parsed.method, request.method);
    assert.equal(formatUri(parsed.uri), formatUri(request.uri));
    assert.deepEqual(fieldsOf(parsed), fieldsOf(request));
    assert.deepEqual(Buffer.from(parsed.body), Buffer.from(request.body));
    assert.equal(parsed.headers.cseq()?.seq, 314159);
    assert.equal(parsed.headers.contentType()?.mediaType, 'application/sdp');
  });

  test('RFC 3261 §8.1.1: mandatory headers in §8.1.1 order, with the defaults', () => {
    const request = buildRequest(BASE);
    assert.deepEqual(request.headers.fields.map((field) => field.name), [
      'Via', 'Max-Forwards', 'To', 'From', 'Call-ID', 'CSeq', 'Content-Length',
    ]);
    assert.equal(request.headers.get('Max-Forwards'), '70');
    assert.equal(request.headers.get('CSeq'), '1 INVITE');
    assert.equal(request.headers.get('To'), '"Bob" <sip:bob@biloxi.example.com>');
    assert.equal(request.headers.toTag(), undefined);
    assert.match(request.headers.get('From')!, /^"Alice" <sip:alice@atlanta\.example\.com>;tag=[0-9a-v]{10}$/);
    assert.ok((request.headers.callId() ?? '').length >= 16);
    assert.equal(request.version, 'SIP/2.0');
    assert.equal(request.body.length, 0);
  });

  test('R-3261-8.1.3.4-h the top Via gets a new z9hG4bK branch and rport each time', () => {
    const first = buildRequest(BASE).headers.topVia()!;
    const second = buildRequest(BASE).headers.topVia()!;
    assert.equal(first.transport, 'UDP');
    assert.equal(first.host, 'pc33.atlanta.example.com');
    assert.equal(first.port, 5060);
    assert.match(first.branch!, /^z9hG4bK.{16,}$/);
    assert.equal(first.rport, null);
    assert.notEqual(first.branch, second.branch);
  });

  test('RFC 3261 §8.1.1: given tag, Call-ID, branch, CSeq and Max-Forwards are kept', () => {
    const request = buildRequest({
      ...BASE,
      method: 'OPTIONS',
      from: 'Alice <sip:alice@atlanta.example.com>;tag=1928301774',
      to: 'sip:bob@biloxi.example.com',
      callId: 'a84b4c76e66710@pc33.atlanta.example.com',
      cseq: 7,
      maxForwards: 10,
      via: { transport: 'TCP', host: 'pc33.atlanta.example.com', branch: 'z9hG4bK776asdhds', rport: false },
    });
    assert.equal(request.headers.fromTag(), '1928301774');
    assert.equal(request.headers.get('From'), '"Alice" <sip:alice@atlanta.example.com>;tag=1928301774');
    assert.equal(request.headers.get('To'), '<sip:bob@biloxi.example.com>');
    assert.equal(request.headers.callId(), 'a84b4c76e66710@pc33.atlanta.example.com');
    assert.equal(request.headers.get('CSeq'), '7 OPTIONS');
    assert.equal(request.headers.maxForwards(), 10);
    assert.equal(request.headers.get('Via'), 'SIP/2.0/TCP pc33.atlanta.example.com;branch=z9hG4bK776asdhds');
  });

  test('RFC 3261 §8.1.1: an IPv6 sent-by gets brackets (RFC 5118 §4.3) and still round-trips', () => {
    const request = buildRequest({ ...BASE, via: { transport: 'UDP', host: '2001:db8::9', port: 5070 } });
    assert.match(request.headers.get('Via')!, /^SIP\/2\.0\/UDP \[2001:db8::9\]:5070;branch=/);
    assert.deepEqual(fieldsOf(roundTrip(request)), fieldsOf(request));
  });

  test('RFC 3261 §8.1.1: a Content-Type given in the extra headers counts; Content-Length is computed', () => {
    const body = new Uint8Array([1, 2, 3]);
    const request = buildRequest({
      ...BASE,
      method: 'MESSAGE',
      headers: [['content-type', 'application/octet-stream'], ['Content-Length', '99']],
      body,
    });
    assert.equal(request.headers.get('Content-Length'), '3');
    assert.equal(request.headers.count('Content-Length'), 1);
    assert.equal(request.headers.get('Content-Type'), 'application/octet-stream');
    assert.equal(request.headers.fields.find((field) => field.key === 'content-type')?.name, 'Content-Type');
  });

  test('RFC 3261 §8.1.1: options that cannot make a valid request throw TypeError', () => {
    assert.throws(() => buildRequest({ ...BASE, method: 'IN VITE' }), TypeError);
    assert.throws(() => buildRequest({ ...BASE, requestUri: 'sip:' }), TypeError);
    assert.throws(() => buildRequest({ ...BASE, requestUri: 'sip:bob@b?Subject=x' }), TypeError);
    assert.throws(() => buildRequest({ ...BASE, cseq: 2 ** 31 }), TypeError);
    assert.throws(() => buildRequest({ ...BASE, maxForwards: -1 }), TypeError);
    assert.throws(() => buildRequest({ ...BASE, body: 'text' }), TypeError, 'body without Content-Type');
    assert.throws(() => buildRequest({ ...BASE, headers: [['Subject', 'a\r\nVia: evil']] }), TypeError);
    assert.throws(() => buildRequest({ ...BASE, from: { uri: BASE.requestUri, tag: 'a b' } }), TypeError);
    assert.throws(() => buildRequest({ ...BASE, via: { transport: 'UDP', host: 'h', port: 70000 } }), TypeError);
  });
});
