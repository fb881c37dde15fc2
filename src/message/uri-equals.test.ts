import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SipParseError } from './errors.ts';
import { canonicalIpv6, uriEquals } from './uri-equals.ts';
import { parseUri } from './uri.ts';

/** Both directions, so a one-sided rule can't hide. */
function assertEqual(a: string, b: string): void {
  assert.equal(uriEquals(a, b), true, `${a} should equal ${b}`);
  assert.equal(uriEquals(b, a), true, `${b} should equal ${a}`);
}

function assertNotEqual(a: string, b: string): void {
  assert.equal(uriEquals(a, b), false, `${a} should not equal ${b}`);
  assert.equal(uriEquals(b, a), false, `${b} should not equal ${a}`);
}

describe('R-3261-19.1.4-a: RFC 3261 §19.1.4 equivalent URIs', () => {
  const equal: readonly [string, string, string][] = [
    ['sip:%61lice@atlanta.com;transport=TCP', 'sip:alice@AtLanTa.CoM;Transport=tcp', 'escaped user, host and param case'],
    ['sip:carol@chicago.com', 'sip:carol@chicago.com;newparam=5', 'unknown parameter on one side'],
    ['sip:carol@chicago.com', 'sip:carol@chicago.com;security=on', 'security parameter on one side'],
    ['sip:carol@chicago.com;newparam=5', 'sip:carol@chicago.com;security=on', 'different unknown parameters'],
    [
      'sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com',
      'sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com',
      'parameter order',
    ],
    [
      'sip:alice@atlanta.com?subject=project%20x&priority=urgent',
      'sip:alice@atlanta.com?priority=urgent&subject=project%20x',
      'header order',
    ],
  ];
  for (const [a, b, why] of equal) {
    test(`R-3261-19.1.4-a equal (${why}): ${a} == ${b}`, () => assertEqual(a, b));
  }
});

describe('R-3261-19.1.4-a: RFC 3261 §19.1.4 non-equivalent URIs', () => {
  const notEqual: readonly [string, string, string][] = [
    ['SIP:ALICE@AtLanTa.CoM;Transport=udp', 'sip:alice@AtLanTa.CoM;Transport=UDP', 'different usernames'],
    ['sip:bob@biloxi.com', 'sip:bob@biloxi.com:5060', 'can resolve to different ports'],
    ['sip:bob@biloxi.com', 'sip:bob@biloxi.com;transport=udp', 'can resolve to different transports'],
    ['sip:bob@biloxi.com', 'sip:bob@biloxi.com:6000;transport=tcp', 'different port and transport'],
    ['sip:carol@chicago.com', 'sip:carol@chicago.com?Subject=next%20meeting', 'different header component'],
    ['sip:bob@phone21.boxesbybob.com', 'sip:bob@192.0.2.4', 'a resolved address is not its host name'],
    ['sip:carol@chicago.com;security=on', 'sip:carol@chicago.com;security=off', 'equality is not transitive'],
  ];
  for (const [a, b, why] of notEqual) {
    test(`R-3261-19.1.4-a not equal (${why}): ${a} != ${b}`, () => assertNotEqual(a, b));
  }
});

describe('R-3261-19.1.4-a: the rules one by one', () => {
  test('R-3261-19.1.4-a sip and sips are never equal', () => {
    assertNotEqual('sip:alice@atlanta.com', 'sips:alice@atlanta.com');
  });

  test('R-3261-19.1.4-a passwords compare case-sensitively; missing password differs', () => {
    assertEqual('sip:alice:secret@atlanta.com', 'sip:alice:s%65cret@atlanta.com');
    assertNotEqual('sip:alice:secret@atlanta.com', 'sip:alice:Secret@atlanta.com');
    assertNotEqual('sip:alice:secret@atlanta.com', 'sip:alice@atlanta.com');
  });

  test('R-3261-19.1.4-a user, ttl, method and maddr on one side only never match', () => {
    for (const param of ['user=phone', 'ttl=1', 'method=INVITE', 'maddr=239.255.255.1']) {
      assertNotEqual('sip:bob@biloxi.com', `sip:bob@biloxi.com;${param}`);
    }
  });

  test('R-3261-19.1.4-a a parameter in both must match, value case-insensitively', () => {
    assertEqual('sip:bob@biloxi.com;maddr=Example.COM', 'sip:bob@biloxi.com;MADDR=example.com');
    assertNotEqual('sip:bob@biloxi.com;newparam=5', 'sip:bob@biloxi.com;newparam=6');
  });

  test('R-3261-19.1.4-a escaped parameter names and ";lr=" equal plain ";lr" (RFC 4475 esc01 Contact)', () => {
    assertEqual('sip:cal%6Cer@host5.example.net;%6C%72=;%6Ea%6D%65', 'sip:caller@host5.example.net;lr;name');
  });

  test('R-3261-19.1.4-a headers compare as sets, names case-insensitive, values decoded', () => {
    assertEqual('sip:carol@chicago.com?Subject=next%20meeting', 'sip:carol@chicago.com?subject=next%20meeting');
    assertEqual('sip:carol@chicago.com?s=next%20meeting', 'sip:carol@chicago.com?Subject=next%20meeting');
    assertNotEqual('sip:carol@chicago.com?Subject=next%20meeting', 'sip:carol@chicago.com?Subject=another%20meeting');
    assertNotEqual('sip:carol@chicago.com?Subject=a', 'sip:carol@chicago.com?Subject=a&Subject=a');
  });

  test('R-3261-19.1.4-a escaped reserved characters are not the plain characters', () => {
    assertNotEqual('sip:a%3Bb@example.com', 'sip:a;b@example.com');
    assertEqual('sip:a%3bb@example.com', 'sip:a%3Bb@example.com');
  });

  test('R-3261-19.1.4-a an unparsable string equals nothing, not even itself', () => {
    assert.equal(uriEquals('sip:bob@', 'sip:bob@'), false);
    assert.equal(uriEquals('not a uri', 'sip:bob@biloxi.com'), false);
  });

  test('R-3261-19.1.4-a parsed Uri values and strings compare alike', () => {
    const parsed = parseUri('sip:alice@AtLanTa.CoM;Transport=tcp');
    assert.ok(!(parsed instanceof SipParseError));
    assert.equal(uriEquals(parsed, 'sip:%61lice@atlanta.com;transport=TCP'), true);
  });
});

test('R-3261-19.1.4-b equality is not transitive: a target set compared pairwise', () => {
  const targetSet = ['sip:c@x;security=on'];
  const addIfNew = (candidate: string): boolean => {
    if (targetSet.some((member) => uriEquals(member, candidate))) return false;
    targetSet.push(candidate);
    return true;
  };
  assert.equal(addIfNew('sip:c@x'), false, 'sip:c@x equals the member with security=on');
  assert.equal(addIfNew('sip:c@x;security=off'), true, 'security=off differs from security=on');
  assert.deepEqual(targetSet, ['sip:c@x;security=on', 'sip:c@x;security=off']);
});

describe('RFC 5118 / requirements §6.2: IPv6 references canonicalised for comparison', () => {
  test('R-3261-19.1.4-a IPv6 dedup: [2001:db8::10] == [2001:DB8:0::10] == [2001:DB8::10]', () => {
    assertEqual('sip:a@[2001:db8::10]', 'sip:a@[2001:DB8:0::10]');
    assertEqual('sip:a@[2001:db8::10]', 'sip:a@[2001:DB8::10]');
    assertEqual('sip:a@[2001:db8::10]:5070', 'sip:a@[2001:0db8:0000:0000:0000:0000:0000:0010]:5070');
    assertNotEqual('sip:a@[2001:db8::10]', 'sip:a@[2001:db8::11]');
    assertNotEqual('sip:a@[2001:db8::10]', 'sip:a@[2001:db8::10]:5060');
  });

  test('R-3261-19.1.4-a IPv6 with an IPv4 tail, and the 3-colon ABNF form (RFC 5118 §4.10)', () => {
    assertEqual('sip:a@[2001:db8:::192.0.2.1]', 'sip:a@[2001:db8::c000:201]');
    assertEqual('sip:a@[::ffff:192.0.2.10]', 'sip:a@[::FFFF:C000:20A]');
  });

  test('canonicalIpv6 rejects what is not an address', () => {
    assert.equal(canonicalIpv6('1:2:3:4:5:6:7:8:9'), undefined);
    assert.equal(canonicalIpv6('1::2::3'), undefined);
    assert.equal(canonicalIpv6('::1.2.3.256'), undefined);
    assert.equal(canonicalIpv6('::'), '0:0:0:0:0:0:0:0');
  });
});

describe('RFC 4475 §3.1.1.3 esc01: %HH decodes once, never recursively', () => {
  test('R-3261-19.1.4-a esc01: v%61lue%25%34%31 decodes once to value%41, not valueA', () => {
    assertNotEqual('sip:v%61lue%25%34%31@example.net', 'sip:valueA@example.net');
    assertEqual('sip:v%61lue%25%34%31@example.net', 'sip:value%2541@example.net');
    assertNotEqual('sip:example.net;p=v%61lue%25%34%31', 'sip:example.net;p=valueA');
  });

  test('R-3261-19.1.4-a esc01 Request-URI: escaped reserved characters in the user part', () => {
    assertEqual('sip:sips%3Auser%40example.com@example.net', 'sip:sips%3auser%40example.com@example.net');
    assertNotEqual('sip:sips%3Auser%40example.com@example.net', 'sips:user@example.com');
  });
});

describe('other schemes', () => {
  test('tel URIs (RFC 3966 §4): visual separators ignored, parameters as sets', () => {
    assertEqual('tel:+1-201-555-0123', 'tel:+1.201.555.0123');
    assertEqual('tel:7042;phone-context=Example.com;isub=12', 'tel:7042;isub=12;phone-context=example.com');
    assertEqual('tel:7042;phone-context=+1-201-555', 'tel:7042;phone-context=+1201555');
    assertNotEqual('tel:+12015550123', 'tel:+12015550124');
    assertNotEqual('tel:+12015550123', 'tel:+12015550123;isub=1');
    assertNotEqual('tel:+12015550123', 'sip:+12015550123@example.com');
  });

  test('other schemes: case-insensitive scheme, exact opaque part', () => {
    assertEqual('mailto:bob@example.com', 'MAILTO:bob@example.com');
    assertNotEqual('mailto:bob@example.com', 'mailto:Bob@example.com');
    assertNotEqual('mailto:bob@example.com', 'http:bob@example.com');
    assertNotEqual('http://example.com/', 'sip:example.com');
  });
});
