/**
 * Header names: RFC 3261 §7.3.3 compact forms and the canonical spelling we print.
 * Header names are case-insensitive (§7.3.1); lookups use the lower-case long form as key.
 */

/** §7.3.3 and later RFCs: compact form → long form (lower case). */
const COMPACT_FORMS: Readonly<Record<string, string>> = {
  a: 'accept-contact',
  b: 'referred-by',
  c: 'content-type',
  d: 'request-disposition',
  e: 'content-encoding',
  f: 'from',
  i: 'call-id',
  j: 'reject-contact',
  k: 'supported',
  l: 'content-length',
  m: 'contact',
  n: 'identity-info',
  o: 'event',
  r: 'refer-to',
  s: 'subject',
  t: 'to',
  u: 'allow-events',
  v: 'via',
  x: 'session-expires',
  y: 'identity',
};

/** Canonical printed form of well-known headers, keyed by lower-case long name. */
const CANONICAL_NAMES: Readonly<Record<string, string>> = {
  'accept': 'Accept',
  'accept-encoding': 'Accept-Encoding',
  'accept-language': 'Accept-Language',
  'alert-info': 'Alert-Info',
  'allow': 'Allow',
  'allow-events': 'Allow-Events',
  'authentication-info': 'Authentication-Info',
  'authorization': 'Authorization',
  'call-id': 'Call-ID',
  'call-info': 'Call-Info',
  'contact': 'Contact',
  'content-disposition': 'Content-Disposition',
  'content-encoding': 'Content-Encoding',
  'content-language': 'Content-Language',
  'content-length': 'Content-Length',
  'content-type': 'Content-Type',
  'cseq': 'CSeq',
  'date': 'Date',
  'diversion': 'Diversion',
  'error-info': 'Error-Info',
  'event': 'Event',
  'expires': 'Expires',
  'from': 'From',
  'history-info': 'History-Info',
  'in-reply-to': 'In-Reply-To',
  'max-breadth': 'Max-Breadth',
  'max-forwards': 'Max-Forwards',
  'mime-version': 'MIME-Version',
  'min-expires': 'Min-Expires',
  'organization': 'Organization',
  'path': 'Path',
  'priority': 'Priority',
  'privacy': 'Privacy',
  'proxy-authenticate': 'Proxy-Authenticate',
  'proxy-authorization': 'Proxy-Authorization',
  'proxy-require': 'Proxy-Require',
  'reason': 'Reason',
  'record-route': 'Record-Route',
  'refer-to': 'Refer-To',
  'referred-by': 'Referred-By',
  'reply-to': 'Reply-To',
  'require': 'Require',
  'retry-after': 'Retry-After',
  'route': 'Route',
  'server': 'Server',
  'session-expires': 'Session-Expires',
  'subject': 'Subject',
  'supported': 'Supported',
  'timestamp': 'Timestamp',
  'to': 'To',
  'unsupported': 'Unsupported',
  'user-agent': 'User-Agent',
  'via': 'Via',
  'warning': 'Warning',
  'www-authenticate': 'WWW-Authenticate',
};

// Exact spellings seen on the wire map straight to their key without lower-casing (hot path).
const FAST_KEYS = new Map<string, string>();
for (const key of Object.keys(CANONICAL_NAMES)) {
  FAST_KEYS.set(key, key);
  FAST_KEYS.set(CANONICAL_NAMES[key]!, key);
}
for (const [compact, key] of Object.entries(COMPACT_FORMS)) {
  FAST_KEYS.set(compact, key);
  FAST_KEYS.set(compact.toUpperCase(), key);
}
FAST_KEYS.set('Call-Id', 'call-id');
FAST_KEYS.set('Cseq', 'cseq');
FAST_KEYS.set('WWW-Authenticate', 'www-authenticate');
FAST_KEYS.set('Www-Authenticate', 'www-authenticate');

/** The lookup key of a header name as received: lower case, compact forms expanded. */
export function headerKey(name: string): string {
  const fast = FAST_KEYS.get(name);
  if (fast !== undefined) return fast;
  const lower = name.toLowerCase();
  return COMPACT_FORMS[lower] ?? lower;
}

/** How we print a header we create: `Call-ID`, `WWW-Authenticate`, else Title-Case. */
export function canonicalHeaderName(name: string): string {
  const key = headerKey(name);
  const known = CANONICAL_NAMES[key];
  if (known !== undefined) return known;
  return key.replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase());
}

/** Headers whose value is a comma-separated list (§7.3.1) and may be split and combined. */
const LIST_HEADERS = new Set([
  'accept', 'accept-encoding', 'accept-language', 'alert-info', 'allow', 'allow-events',
  'call-info', 'contact', 'content-encoding', 'content-language', 'diversion', 'error-info',
  'history-info', 'in-reply-to', 'path', 'proxy-require', 'reason', 'record-route', 'require',
  'route', 'supported', 'unsupported', 'via', 'warning',
]);

export function isListHeader(key: string): boolean {
  return LIST_HEADERS.has(key);
}

/** Headers that may appear only once in a message (§7.3.1; §20 table). */
const SINGLE_VALUE_HEADERS = new Set([
  'call-id', 'content-length', 'content-type', 'cseq', 'expires', 'from', 'max-breadth',
  'max-forwards', 'min-expires', 'retry-after', 'to',
]);

export function isSingleValueHeader(key: string): boolean {
  return SINGLE_VALUE_HEADERS.has(key);
}
