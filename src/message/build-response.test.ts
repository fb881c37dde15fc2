import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildResponse } from './build-response.ts';
import { SipParseError } from './errors.ts';
import { parseMessage } from './parse.ts';
import { serializeMessage } from './serialize.ts';
import type { SipRequest, SipResponse } from './types.ts';

const INVITE = [
  'INVITE sip:bob@biloxi.example.com SIP/2.0',
  'Via: SIP/2.0/UDP server10.biloxi.example.com;branch=z9hG4bK4b43c2ff8.1',
  'Via: SIP/2.0/UDP bigbox3.site3.atlanta.example.com;branch=z9hG4bK77ef4c2312983.1, SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;received=192.0.2.1',
  'Max-Forwards: 68',
  'To: Bob <sip:bob@biloxi.example.com>',
  'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 314159 INVITE',
  'Timestamp: 54',
  'Contact: <sip:alice@pc33.atlanta.example.com>',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

function request(text = INVITE): SipRequest {
  const parsed = parseMessage(text);
  assert.ok(!(parsed instanceof SipParseError) && parsed.kind === 'request');
  return parsed;
}

function roundTrip(response: SipResponse): SipResponse {
  const parsed = parseMessage(serializeMessage(response));
  assert.ok(!(parsed instanceof SipParseError), parsed instanceof SipParseError ? parsed.message : '');
  assert.equal(parsed.kind, 'response');
  return parsed as SipResponse;
}

describe('RFC 3261 §8.2.6: buildResponse', () => {
  test('RFC 3261 §8.2.6.2: every Via is copied, in order and as written', () => {
    const response = buildResponse(request(), 486);
    assert.deepEqual(response.headers.getAll('Via'), request().headers.getAll('Via'));
    assert.deepEqual(response.headers.via().map((via) => via.branch), [
      'z9hG4bK4b43c2ff8.1', 'z9hG4bK77ef4c2312983.1', 'z9hG4bK776asdhds',
    ]);
  });

  test('RFC 3261 §8.2.6.2: From, Call-ID and CSeq are copied; reason from status.ts', () => {
    const response = buildResponse(request(), 486);
    assert.equal(response.reason, 'Busy Here');
    assert.equal(response.headers.get('From'), 'Alice <sip:alice@atlanta.example.com>;tag=1928301774');
    assert.equal(response.headers.get('Call-ID'), 'a84b4c76e66710@pc33.atlanta.example.com');
    assert.equal(response.headers.get('CSeq'), '314159 INVITE');
    assert.deepEqual(response.headers.fields.map((field) => field.name), [
      'Via', 'Via', 'From', 'To', 'Call-ID', 'CSeq', 'Content-Length',
    ]);
  });

  test('RFC 3261 §8.2.6.2: 100 Trying gets no To tag, and copies Timestamp (§8.2.6.1)', () => {
    const response = buildResponse(request(), 100);
    assert.equal(response.reason, 'Trying');
    assert.equal(response.headers.get('To'), 'Bob <sip:bob@biloxi.example.com>');
    assert.equal(response.headers.toTag(), undefined);
    assert.equal(response.headers.get('Timestamp'), '54');
    assert.equal(buildResponse(request(), 180).headers.get('Timestamp'), undefined);
  });

  test('RFC 3261 §8.2.6.2: a 302 gets a To tag: the given one, or a new one', () => {
    const given = buildResponse(request(), 302, { toTag: 'a6c85cf', headers: [['Contact', '<sip:bob@192.0.2.4>']] });
    assert.equal(given.reason, 'Moved Temporarily');
    assert.equal(given.headers.get('To'), 'Bob <sip:bob@biloxi.example.com>;tag=a6c85cf');
    assert.equal(given.headers.toTag(), 'a6c85cf');
    assert.equal(given.headers.contacts()[0]?.uriText, 'sip:bob@192.0.2.4');
    const fresh = buildResponse(request(), 302);
    assert.match(fresh.headers.toTag() ?? '', /^[0-9a-v]{10}$/);
  });

  test('RFC 3261 §8.2.6.2: an existing To tag is kept, even when toTag is given', () => {
    const inDialog = request(INVITE.replace('To: Bob <sip:bob@biloxi.example.com>', 'To: Bob <sip:bob@biloxi.example.com>;tag=314'));
    const response = buildResponse(inDialog, 200, { toTag: 'other' });
    assert.equal(response.headers.get('To'), 'Bob <sip:bob@biloxi.example.com>;tag=314');
  });

  test('RFC 3261 §8.2.6: a response with a body round-trips through serializeMessage and parseMessage', () => {
    const response = buildResponse(request(), 200, {
      reason: 'Fine',
      toTag: 'a6c85cf',
      headers: [{ name: 'contact', value: '<sip:bob@192.0.2.4>' }],
      body: 'v=0\r\n',
      contentType: 'application/sdp',
    });
    const parsed = roundTrip(response);
    assert.equal(parsed.status, 200);
    assert.equal(parsed.reason, 'Fine');
    assert.deepEqual(
      parsed.headers.fields.map((field) => [field.name, field.value]),
      response.headers.fields.map((field) => [field.name, field.value]),
    );
    assert.equal(Buffer.from(parsed.body).toString(), 'v=0\r\n');
  });

  test('RFC 3261 §8.2.6: a bad status, reason or toTag throws TypeError', () => {
    assert.throws(() => buildResponse(request(), 99), TypeError);
    assert.throws(() => buildResponse(request(), 700), TypeError);
    assert.throws(() => buildResponse(request(), 200, { reason: 'OK\r\nVia: x' }), TypeError);
    assert.throws(() => buildResponse(request(), 200, { toTag: 'a b' }), TypeError);
  });
});
