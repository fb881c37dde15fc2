/**
 * Headers holding one non-negative integer: Max-Forwards (§20.22), Expires (§20.19),
 * Min-Expires (§20.23), Content-Length (§20.14), Max-Breadth (RFC 5393 §5.1).
 */
import { SipParseError } from './errors.ts';
import { abbreviate, parseDigits, trimWhitespace } from './sip-grammar.ts';

/** 1*DIGIT, below 2^32. Values beyond that are malformed here; callers that cap do so first. */
export function parseIntegerHeader(text: string): number | SipParseError {
  const trimmed = trimWhitespace(text);
  const value = parseDigits(trimmed);
  if (value === undefined || trimmed.length > 10 || value > 4294967295) {
    return new SipParseError('SIP_ERR_INTEGER', `not a non-negative integer below 2^32: ${abbreviate(text)}`);
  }
  return value;
}
