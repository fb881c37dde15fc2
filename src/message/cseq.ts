/** CSeq (RFC 3261 §20.16, §8.1.1.5): 1*DIGIT LWS Method, the number below 2^31. */
import { SipParseError } from './errors.ts';
import { abbreviate, isToken, isWhitespaceCode, skipWhitespace } from './sip-grammar.ts';

export interface CSeq {
  readonly seq: number;
  readonly method: string;
}

export const MAX_CSEQ = 2 ** 31 - 1;

export function parseCSeq(text: string): CSeq | SipParseError {
  let i = skipWhitespace(text, 0);
  const start = i;
  let seq = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) break;
    seq = seq * 10 + (code - 48);
    i++;
  }
  if (i === start) return new SipParseError('SIP_ERR_CSEQ', `no sequence number in ${abbreviate(text)}`);
  if (seq > MAX_CSEQ) return new SipParseError('SIP_ERR_CSEQ', `sequence number ${text.slice(start, i)} is not below 2^31`);
  if (i >= text.length || !isWhitespaceCode(text.charCodeAt(i))) {
    return new SipParseError('SIP_ERR_CSEQ', `no LWS between number and method in ${abbreviate(text)}`);
  }
  const methodStart = skipWhitespace(text, i);
  let end = text.length;
  while (end > methodStart && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  const method = text.slice(methodStart, end);
  if (!isToken(method)) return new SipParseError('SIP_ERR_CSEQ', `bad method in ${abbreviate(text)}`);
  return { seq, method };
}
