/**
 * Semantic checks a UAS or proxy makes after parsing (RFC 3261 §8.2 and §16.3 step 1):
 * the mandatory headers of §8.1.1 are present and single-value headers appear once.
 * RFC 4475 §3.3.1 (insuf) and §3.3.8 (multi01) parse fine but must get 400 here.
 */
import { SipParseError } from './errors.ts';
import { isSingleValueHeader } from './header-names.ts';
import type { SipMessage } from './types.ts';

/** §8.1.1: To, From, CSeq, Call-ID and Via. Max-Forwards is left out: §16.3 lets it be absent (RFC 2543). */
const MANDATORY = ['to', 'from', 'cseq', 'call-id', 'via'] as const;

/** Returns the first defect, or undefined when the message is fit to be processed. */
export function validateMessage(message: SipMessage): SipParseError | undefined {
  const seen = new Map<string, number>();
  for (const field of message.headers.fields) seen.set(field.key, (seen.get(field.key) ?? 0) + 1);
  for (const key of MANDATORY) {
    if (!seen.has(key)) return new SipParseError('SIP_ERR_MISSING_HEADER', `no ${key} header`, { header: key });
  }
  for (const [key, count] of seen) {
    if (count > 1 && isSingleValueHeader(key)) {
      return new SipParseError('SIP_ERR_DUPLICATE_HEADER', `${count} ${key} headers`, { header: key });
    }
  }
  return undefined;
}
