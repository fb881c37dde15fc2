/**
 * Fuzz tier: generated valid messages survive parse(serialize(m)) unchanged: start line,
 * every header field in order (name and value), and the body octets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type SipMessage, SipParseError, formatUri, parseMessage, serializeMessage } from '../../src/index.ts';
import { validMessage } from '../support/sip-arbitraries.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

function summary(message: SipMessage): unknown {
  return {
    start: message.kind === 'request' ? `${message.method} ${formatUri(message.uri)}` : `${message.status} ${message.reason}`,
    fields: message.headers.fields.map((f) => [f.name, f.value]),
    body: Buffer.from(message.body).toString('hex'),
  };
}

function parsed(input: string | Uint8Array): SipMessage {
  const message = parseMessage(input);
  if (message instanceof SipParseError) throw new Error(`${message.code}: ${message.message}`);
  return message;
}

test(`generated valid messages parse, and parse(serialize(m)) equals m (${RUNS} cases)`, () => {
  fc.assert(fc.property(validMessage, ({ text, body }) => {
    const first = parsed(text);
    assert.equal(Buffer.from(first.body).toString('utf8'), body);
    const second = parsed(serializeMessage(first));
    assert.deepEqual(summary(second), summary(first));
    const third = parsed(serializeMessage(second));
    assert.deepEqual(summary(third), summary(second));
  }), { numRuns: RUNS, seed: SEED, endOnFailure: true });
});

test('the generated messages are valid SIP: every one parses (the generator is not vacuous)', () => {
  const samples = fc.sample(validMessage, { numRuns: 200, seed: SEED });
  const kinds = new Set(samples.map(({ text }) => parsed(text).kind));
  assert.deepEqual([...kinds].sort(), ['request', 'response']);
});
