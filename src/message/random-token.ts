/**
 * Random identifiers for new requests: Via branch (RFC 3261 §8.1.1.7), From/To tag (§19.3) and
 * Call-ID (§8.1.1.4). Random octets come from `crypto.getRandomValues` through a pooled buffer,
 * so one call to the platform serves many identifiers.
 */

/** §8.1.1.7: "The branch ID inserted by an element compliant with this specification MUST
 * always begin with the characters z9hG4bK." */
export const BRANCH_MAGIC_COOKIE = 'z9hG4bK';

/** 32 lower-case characters, 5 random bits each; lower case so a peer that folds case keeps them distinct. */
const ALPHABET = '0123456789abcdefghijklmnopqrstuv';

const POOL_SIZE = 1024;
const pool = new Uint8Array(POOL_SIZE);
let poolOffset = POOL_SIZE;

/** `length` characters with 5 random bits each. */
function randomChars(length: number): string {
  if (poolOffset + length > POOL_SIZE) {
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[pool[poolOffset + i]! & 31];
  poolOffset += length;
  return out;
}

/** A new Via branch: the magic cookie plus 20 random characters (100 bits). */
export function newBranch(): string {
  return BRANCH_MAGIC_COOKIE + randomChars(20);
}

/** A new From/To tag. §19.3: "at least 32 bits of randomness"; this has 50. */
export function newTag(): string {
  return randomChars(10);
}

/**
 * A new Call-ID. §8.1.1.4: it "MUST be unique across space and time" and SHOULD use
 * cryptographically random identifiers; 120 random bits, then `@host` when a host is given.
 */
export function newCallId(host?: string): string {
  const local = randomChars(24);
  if (host === undefined) return local;
  // callid = word [ "@" word ]: a word has no whitespace, no second "@" and no quotes or < >.
  if (!/^[^\s@"<>]+$/.test(host)) throw new TypeError(`newCallId: host ${JSON.stringify(host)} is not a Call-ID word`);
  return `${local}@${host}`;
}
