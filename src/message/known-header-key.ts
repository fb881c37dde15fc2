/**
 * Recognises the header names met on almost every message straight from the received text,
 * without slicing or hashing the name: the parser's hot path. A name is looked up by its length
 * and first and last characters, then compared once. Anything else goes through `headerKey`.
 */

/** Spellings as they appear on the wire (canonical case and compact forms), with their keys. */
const COMMON_SPELLINGS: readonly (readonly [spelling: string, key: string])[] = [
  ['Via', 'via'], ['v', 'via'], ['From', 'from'], ['f', 'from'], ['To', 'to'], ['t', 'to'],
  ['Call-ID', 'call-id'], ['Call-Id', 'call-id'], ['i', 'call-id'], ['CSeq', 'cseq'],
  ['Contact', 'contact'], ['m', 'contact'], ['Max-Forwards', 'max-forwards'],
  ['Content-Length', 'content-length'], ['l', 'content-length'],
  ['Content-Type', 'content-type'], ['c', 'content-type'], ['Expires', 'expires'],
  ['Route', 'route'], ['Record-Route', 'record-route'], ['Allow', 'allow'],
  ['Supported', 'supported'], ['k', 'supported'], ['Require', 'require'],
  ['Proxy-Require', 'proxy-require'], ['User-Agent', 'user-agent'], ['Server', 'server'],
  ['Accept', 'accept'], ['Date', 'date'], ['Path', 'path'], ['Event', 'event'], ['o', 'event'],
  ['Reason', 'reason'], ['Subject', 'subject'], ['s', 'subject'],
  ['Privacy', 'privacy'], ['Warning', 'warning'], ['Diversion', 'diversion'],
  ['History-Info', 'history-info'], ['Allow-Events', 'allow-events'], ['u', 'allow-events'],
  ['Min-Expires', 'min-expires'], ['Retry-After', 'retry-after'], ['Max-Breadth', 'max-breadth'],
  ['Authorization', 'authorization'], ['Proxy-Authorization', 'proxy-authorization'],
  ['WWW-Authenticate', 'www-authenticate'], ['Proxy-Authenticate', 'proxy-authenticate'],
  ['Authentication-Info', 'authentication-info'], ['Content-Encoding', 'content-encoding'],
  ['e', 'content-encoding'], ['Content-Disposition', 'content-disposition'],
  ['Session-Expires', 'session-expires'], ['x', 'session-expires'], ['Unsupported', 'unsupported'],
  ['P-Asserted-Identity', 'p-asserted-identity'], ['RSeq', 'rseq'], ['RAck', 'rack'],
  ['Refer-To', 'refer-to'], ['r', 'refer-to'], ['Referred-By', 'referred-by'], ['b', 'referred-by'],
];

const TABLE_SIZE = 1024;
const spellings: (string | undefined)[] = new Array(TABLE_SIZE).fill(undefined);
const keys: (string | undefined)[] = new Array(TABLE_SIZE).fill(undefined);

function slotOf(length: number, first: number, last: number): number {
  return (length * 7 + first * 3 + last * 5) & (TABLE_SIZE - 1);
}

for (const [spelling, key] of COMMON_SPELLINGS) {
  let slot = slotOf(spelling.length, spelling.charCodeAt(0), spelling.charCodeAt(spelling.length - 1));
  while (spellings[slot] !== undefined) slot = (slot + 1) & (TABLE_SIZE - 1); // linear probing
  spellings[slot] = spelling;
  keys[slot] = key;
}

/** The lookup key of the header name text[start, end), or undefined when it is not a common one. */
export function knownHeaderKey(text: string, start: number, end: number): string | undefined {
  const length = end - start;
  if (length === 0) return undefined;
  let slot = slotOf(length, text.charCodeAt(start), text.charCodeAt(end - 1));
  for (;;) {
    const spelling = spellings[slot];
    if (spelling === undefined) return undefined;
    if (spelling.length === length && matchesAt(text, start, spelling)) return keys[slot];
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
}

function matchesAt(text: string, start: number, spelling: string): boolean {
  for (let i = 0; i < spelling.length; i++) if (text.charCodeAt(start + i) !== spelling.charCodeAt(i)) return false;
  return true;
}
