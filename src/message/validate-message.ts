/**
 * The checks a receiving element makes after `parseMessage`, before it acts on a message
 * (RFC 3261 §8.2 and §16.3 step 1, "reasonable syntax"): the Via, From and To headers follow
 * their grammar (their URIs included), the mandatory headers of §8.1.1 are present, and
 * single-value headers appear once. RFC 4475 §3.1.2.6, §3.1.2.14, §3.1.2.15 fail the first
 * check; §3.3.1 (insuf) and §3.3.8 (multi01) the others; all get 400.
 */
import { type PartialMessage, SipParseError } from './errors.ts';
import { isSingleValueHeader } from './header-names.ts';
import { parseNameAddr } from './name-addr.ts';
import { splitHeaderList } from './split-list.ts';
import type { SipMessage } from './types.ts';
import { parseVia } from './via.ts';

/** §8.1.1: To, From, CSeq, Call-ID and Via. Max-Forwards is left out: §16.3 lets it be absent (RFC 2543). */
const MANDATORY = ['to', 'from', 'cseq', 'call-id', 'via'] as const;

/** Returns the first defect, or undefined when the message is fit to be processed. */
export function validateMessage(message: SipMessage): SipParseError | undefined {
  const partial: PartialMessage = message.kind === 'request'
    ? { isRequest: true, method: message.method }
    : { isRequest: false };
  const seen = new Map<string, number>();
  for (const field of message.headers.fields) {
    seen.set(field.key, (seen.get(field.key) ?? 0) + 1);
    const defect = checkRoutingHeader(field.key, field.value);
    if (defect !== undefined) return defect.within(field.name, partial);
  }
  for (const key of MANDATORY) {
    if (!seen.has(key)) return new SipParseError('SIP_ERR_MISSING_HEADER', `no ${key} header`, { header: key, partial });
  }
  for (const [key, count] of seen) {
    if (count > 1 && isSingleValueHeader(key)) {
      return new SipParseError('SIP_ERR_DUPLICATE_HEADER', `${count} ${key} headers`, { header: key, partial });
    }
  }
  return undefined;
}

/** Via (every value), From and To, parsed in full: the URI of From and To included. */
function checkRoutingHeader(key: string, value: string): SipParseError | undefined {
  switch (key) {
    case 'via':
      for (const element of splitHeaderList(value)) {
        const via = parseVia(element);
        if (via instanceof SipParseError) return via;
      }
      return undefined;
    case 'from':
    case 'to': {
      const nameAddr = parseNameAddr(value);
      return nameAddr instanceof SipParseError ? nameAddr : undefined;
    }
    default:
      return undefined;
  }
}
