import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCallId } from './header-parsers.ts';
import { newBranch, newCallId, newTag } from './random-token.ts';
import { isToken } from './sip-grammar.ts';

test('RFC 3261 §8.1.1.7: newBranch starts with z9hG4bK and has at least 16 random token characters', () => {
  const branch = newBranch();
  assert.match(branch, /^z9hG4bK[0-9a-v]{16,}$/);
  assert.ok(isToken(branch));
});

test('R-3261-8.1.3.4-h newBranch is unique across many calls (pool refills included)', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 5000; i++) seen.add(newBranch());
  assert.equal(seen.size, 5000);
});

test('RFC 3261 §19.3: newTag is a token with at least 32 random bits', () => {
  const tag = newTag();
  assert.ok(isToken(tag));
  assert.ok(tag.length * 5 >= 32);
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) seen.add(newTag());
  assert.equal(seen.size, 2000);
});

test('RFC 3261 §8.1.1.4: newCallId is a valid Call-ID, with and without a host', () => {
  const bare = newCallId();
  assert.equal(parseCallId(bare), bare);
  const withHost = newCallId('client.example.net');
  assert.match(withHost, /^[0-9a-v]{24}@client\.example\.net$/);
  assert.equal(parseCallId(withHost), withHost);
  assert.match(newCallId('[2001:db8::1]'), /@\[2001:db8::1\]$/);
  assert.notEqual(newCallId(), newCallId());
});

test('newCallId throws a TypeError for a host that is not a Call-ID word', () => {
  assert.throws(() => newCallId('bad host'), TypeError);
  assert.throws(() => newCallId('a@b'), TypeError);
});

test('random characters are spread over the whole alphabet', () => {
  const counts = new Map<string, number>();
  for (let i = 0; i < 400; i++) for (const ch of newTag()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  assert.equal(counts.size, 32);
});
