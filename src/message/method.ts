/** SIP methods: RFC 3261 §7.1 plus the extensions retarget knows. */

export const KNOWN_METHODS = [
  'INVITE', 'ACK', 'BYE', 'CANCEL', 'OPTIONS', 'REGISTER', // RFC 3261
  'PRACK', // RFC 3262
  'SUBSCRIBE', 'NOTIFY', // RFC 6665
  'PUBLISH', // RFC 3903
  'INFO', // RFC 6086
  'REFER', // RFC 3515
  'MESSAGE', // RFC 3428
  'UPDATE', // RFC 3311
] as const;

export type KnownMethod = (typeof KNOWN_METHODS)[number];

const KNOWN = new Set<string>(KNOWN_METHODS);

/** Methods are case-sensitive (§7.1): `invite` is an unknown method. */
export function isKnownMethod(method: string): method is KnownMethod {
  return KNOWN.has(method);
}
