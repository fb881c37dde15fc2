import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SipParseError } from './errors.ts';
import { parseNameAddr } from './name-addr.ts';
import { type RequestFromUri, requestFromUri } from './request-from-uri.ts';
import { type SipUri, formatUri, isSipUri } from './uri.ts';

/** The URI of a Contact header value, as a 3xx would carry it. */
function contactUri(contact: string): SipUri {
  const nameAddr = parseNameAddr(contact);
  assert.ok(!(nameAddr instanceof SipParseError), `Contact ${contact} parses`);
  assert.ok(isSipUri(nameAddr.uri));
  return nameAddr.uri;
}

function fromContact(contact: string, method = 'INVITE', supported?: string[]): RequestFromUri {
  const result = requestFromUri(contactUri(contact), method, supported === undefined ? undefined : { supported });
  assert.ok(!(result instanceof SipParseError), `expected a request, got ${result instanceof SipParseError ? result.message : ''}`);
  return result;
}

function errorFrom(contact: string, method = 'INVITE', supported?: string[]): SipParseError {
  const result = requestFromUri(contactUri(contact), method, supported === undefined ? undefined : { supported });
  assert.ok(result instanceof SipParseError, 'expected the target to be skipped');
  return result;
}

describe('R-3261-8.1.3.4-f: the Request-URI is the whole URI but method and headers', () => {
  test('R-3261-8.1.3.4-f Subject replaces, Call-Info is appended, no "?" in the Request-URI', () => {
    const request = fromContact('<sip:bob@y;transport=tcp;foo=1?Subject=foo&Call-Info=%3Chttp://www.foo.com%3E>');
    assert.equal(formatUri(request.requestUri), 'sip:bob@y;transport=tcp;foo=1');
    assert.equal(request.method, 'INVITE');
    assert.deepEqual(request.headers, [
      { name: 'Subject', value: 'foo', mode: 'replace' },
      { name: 'Call-Info', value: '<http://www.foo.com>', mode: 'append' },
    ]);
    assert.deepEqual(request.ignoredHeaders, []);
    assert.equal(request.body, undefined);
  });

  test('R-3261-8.1.3.4-f a method parameter equal to the redirected method is removed', () => {
    const request = fromContact('<sip:a@x;method=INVITE;transport=udp>');
    assert.equal(formatUri(request.requestUri), 'sip:a@x;transport=udp');
    assert.equal(request.method, 'INVITE');
  });

  test('R-3261-8.1.3.4-f the URI given is not changed', () => {
    const uri = contactUri('<sip:a@x;method=INVITE?Subject=s>');
    const before = formatUri(uri);
    requestFromUri(uri, 'INVITE');
    assert.equal(formatUri(uri), before);
  });
});

describe('R-3261-19.1.5-a: transport, maddr, ttl, user and unknown parameters stay', () => {
  test('R-3261-19.1.5-a maddr, transport and unknown parameters are kept in the Request-URI', () => {
    const request = fromContact('<sip:a@x;maddr=10.0.0.1;transport=tcp;zz=1>');
    assert.equal(formatUri(request.requestUri), 'sip:a@x;maddr=10.0.0.1;transport=tcp;zz=1');
    assert.deepEqual(request.headers, []);
  });

  test('R-3261-19.1.5-a ttl, user, port and password are kept too', () => {
    const request = fromContact('<sip:+1555:pw@x:5070;user=phone;ttl=5>');
    assert.equal(formatUri(request.requestUri), 'sip:+1555:pw@x:5070;user=phone;ttl=5');
  });
});

describe('R-3261-19.1.5-b: dangerous and misstating headers are not honoured', () => {
  test('R-3261-19.1.5-b From, Route and Call-ID are ignored, with reasons', () => {
    const request = fromContact('<sip:a@x?From=%3Csip:evil%40x%3E&Route=%3Csip:attacker%3E&Call-ID=1&Subject=hi>');
    assert.deepEqual(request.headers, [{ name: 'Subject', value: 'hi', mode: 'replace' }]);
    assert.deepEqual(request.ignoredHeaders.map((header) => header.name), ['From', 'Route', 'Call-ID']);
    for (const header of request.ignoredHeaders) assert.match(header.reason, /§19\.1\.5/);
  });

  test('R-3261-19.1.5-b the requirement\'s own example (From=evil%40x, not a name-addr) is never honoured', () => {
    const error = errorFrom('<sip:a@x?From=evil%40x&Route=%3Csip:attacker%3E&Call-ID=1>');
    assert.equal(error.code, 'SIP_ERR_URI_HEADER');
    assert.equal(error.header, 'From');
  });

  test('R-3261-19.1.5-b every header of the refused list is ignored', () => {
    const refused: readonly [string, string][] = [
      ['Via', 'SIP/2.0/UDP h;branch=z9hG4bK1'], ['Record-Route', '<sip:p>'], ['CSeq', '1 INVITE'],
      ['To', '<sip:b@y>'], ['Max-Forwards', '1'], ['Authorization', 'Digest username="u"'],
      ['Proxy-Authorization', 'Digest username="u"'], ['Contact', '<sip:me@here>'], ['Accept', 'text/plain'],
      ['Accept-Language', 'en'], ['Allow', 'INVITE'], ['Organization', 'Evil'], ['Supported', 'x'],
      ['User-Agent', 'x'], ['Content-Length', '0'],
    ];
    const query = refused.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
    const request = fromContact(`<sip:a@x?${query}>`);
    assert.deepEqual(request.headers, []);
    assert.deepEqual(request.ignoredHeaders.map((header) => header.name), refused.map(([name]) => name));
  });

  test('R-3261-19.1.5-b the body pseudo-header is honoured, unescaped', () => {
    const request = fromContact('<sip:a@x?Content-Type=text/plain&body=hello%20world%0D%0A>');
    assert.equal(request.body, 'hello world\r\n');
    assert.deepEqual(request.headers, [{ name: 'Content-Type', value: 'text/plain', mode: 'replace' }]);
  });

  test('R-3261-19.1.5-b compact and odd-case names are canonicalised', () => {
    const request = fromContact('<sip:a@x?s=hello&PRIORITY=urgent&f=%3Csip:evil%40x%3E>');
    assert.deepEqual(request.headers, [
      { name: 'Subject', value: 'hello', mode: 'replace' },
      { name: 'Priority', value: 'urgent', mode: 'replace' },
    ]);
    assert.deepEqual(request.ignoredHeaders.map((header) => header.name), ['f']);
  });
});

describe('R-3261-19.1.5-c: a URI that makes the request invalid is skipped', () => {
  test('R-3261-19.1.5-c ?CSeq=abc gives an error value: skip the target', () => {
    const error = errorFrom('<sip:a@x?CSeq=abc>');
    assert.equal(error.code, 'SIP_ERR_URI_HEADER');
    assert.equal(error.header, 'CSeq');
  });

  test('R-3261-19.1.5-c a CRLF in a value (header injection) is refused', () => {
    assert.equal(errorFrom('<sip:a@x?Subject=hi%0D%0AVia:%20SIP/2.0/UDP%20evil>').code, 'SIP_ERR_URI_HEADER');
  });

  test('R-3261-19.1.5-c a header name that is not a token is refused', () => {
    assert.equal(errorFrom('<sip:a@x?Sub%20ject=hi>').code, 'SIP_ERR_URI_HEADER');
  });

  test('R-3261-19.1.5-c a single-value header twice, or a malformed honoured header, is refused', () => {
    assert.equal(errorFrom('<sip:a@x?Expires=10&Expires=20>').code, 'SIP_ERR_URI_HEADER');
    assert.equal(errorFrom('<sip:a@x?Expires=soon>').code, 'SIP_ERR_URI_HEADER');
    assert.equal(errorFrom('<sip:a@x?Content-Type=not%20a%20type>').code, 'SIP_ERR_URI_HEADER');
  });
});

describe('R-3261-19.1.5-d: never require an unsupported extension', () => {
  test('R-3261-19.1.5-d ?Require=unknown is refused unless supported', () => {
    assert.equal(errorFrom('<sip:a@x?Require=foo>').code, 'SIP_ERR_URI_HEADER');
    assert.deepEqual(fromContact('<sip:a@x?Require=foo>', 'INVITE', ['foo']).headers, [
      { name: 'Require', value: 'foo', mode: 'append' },
    ]);
  });
});

describe('R-3261-19.1.1-T1: method is not applicable in a 3xx Contact', () => {
  test('R-3261-19.1.1-T1 method=BYE on an INVITE target is skipped, never a BYE', () => {
    const error = errorFrom('<sip:a@x;method=BYE>', 'INVITE');
    assert.equal(error.code, 'SIP_ERR_URI_METHOD');
    assert.match(error.message, /BYE/);
  });

  test('R-3261-19.1.1-T1 methods compare case-sensitively; an escaped parameter name still counts', () => {
    assert.equal(errorFrom('<sip:a@x;method=invite>', 'INVITE').code, 'SIP_ERR_URI_METHOD');
    assert.equal(errorFrom('<sip:a@x;%6Dethod=BYE>', 'INVITE').code, 'SIP_ERR_URI_METHOD');
    assert.equal(errorFrom('<sip:a@x;method>', 'INVITE').code, 'SIP_ERR_URI_METHOD');
  });
});
