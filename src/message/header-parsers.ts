/**
 * One parser per typed header, keyed by header key. List headers (§7.3.1) are split into
 * elements first and each element goes through the element parser. Used by `Headers` for lazy
 * typed access, by `parseMessage` for the headers it checks up front, and by `retarget lint`.
 */
import { parseAuthHeader, parseAuthParams } from './auth-header.ts';
import { parseContact } from './contact.ts';
import { parseCSeq } from './cseq.ts';
import { SipParseError } from './errors.ts';
import { parseIntegerHeader } from './integer-header.ts';
import { parseMediaType } from './media-type.ts';
import { parseNameAddr } from './name-addr.ts';
import { parseReason } from './reason.ts';
import { parseDiversionEntry, parseHistoryInfoEntry } from './retarget-history.ts';
import { parseRetryAfter } from './retry-after.ts';
import { trimWhitespace } from './sip-grammar.ts';
import { splitHeaderList } from './split-list.ts';
import { parseTokenList } from './token-list.ts';
import { parseVia } from './via.ts';
import { parseWarning } from './warning.ts';

type ElementParser = (value: string) => unknown;

export function parseCallId(value: string): string | SipParseError {
  const callId = trimWhitespace(value);
  // callid = word [ "@" word ]: no LWS inside.
  if (callId.length === 0 || callId.indexOf(' ') !== -1 || callId.indexOf('\t') !== -1) {
    return new SipParseError('SIP_ERR_CALL_ID', `bad Call-ID ${JSON.stringify(value)}`);
  }
  return callId;
}

/** Headers whose whole value is one item. */
export const SINGLE_PARSERS: Readonly<Record<string, ElementParser>> = {
  'call-id': parseCallId,
  'cseq': parseCSeq,
  'from': parseNameAddr,
  'to': parseNameAddr,
  'reply-to': parseNameAddr,
  'max-forwards': parseIntegerHeader,
  'expires': parseIntegerHeader,
  'min-expires': parseIntegerHeader,
  'content-length': parseIntegerHeader,
  'max-breadth': parseIntegerHeader,
  'content-type': parseMediaType,
  'retry-after': parseRetryAfter,
  'www-authenticate': parseAuthHeader,
  'proxy-authenticate': parseAuthHeader,
  'authorization': parseAuthHeader,
  'proxy-authorization': parseAuthHeader,
  'authentication-info': (value: string) => parseAuthParams(value, 0),
  'require': parseTokenList,
  'supported': parseTokenList,
  'unsupported': parseTokenList,
  'proxy-require': parseTokenList,
  'allow': parseTokenList,
  'content-encoding': parseTokenList,
};

/** List headers: each comma-separated element is parsed on its own. */
export const LIST_PARSERS: Readonly<Record<string, ElementParser>> = {
  'via': parseVia,
  'contact': parseContact,
  'route': parseNameAddr,
  'record-route': parseNameAddr,
  'path': parseNameAddr,
  'diversion': parseDiversionEntry,
  'history-info': parseHistoryInfoEntry,
  'reason': parseReason,
  'warning': parseWarning,
};

/** Checks one header field value against its grammar; undefined when fine or not typed. */
export function checkHeaderValue(key: string, value: string): SipParseError | undefined {
  const single = SINGLE_PARSERS[key];
  if (single !== undefined) {
    const result = single(value);
    return result instanceof SipParseError ? result : undefined;
  }
  const list = LIST_PARSERS[key];
  if (list === undefined) return undefined;
  if (key === 'contact' && trimWhitespace(value) === '*') return undefined;
  for (const element of splitHeaderList(value)) {
    if (element.length === 0) return new SipParseError('SIP_ERR_HEADER_VALUE', 'empty list element');
    const result = list(element);
    if (result instanceof SipParseError) return result;
  }
  return undefined;
}
