/**
 * Digest challenge and credentials headers (RFC 3261 §20.27, §20.28, §20.7, §20.44, §25.1;
 * RFC 8760): WWW-Authenticate, Proxy-Authenticate, Authorization, Proxy-Authorization, plus
 * Authentication-Info (§20.6), which is the same auth-param list without a scheme.
 * The commas here separate auth-params, not header values: these headers are never list-split.
 */
import { SipParseError } from './errors.ts';
import {
  abbreviate, isTokenCode, scanQuotedString, skipWhitespace, unquote,
} from './sip-grammar.ts';

export interface AuthHeader {
  /** `Digest`, or another scheme as received. */
  readonly scheme: string;
  /** Parameter names in lower case, values unquoted. */
  readonly params: Readonly<Record<string, string>>;
}

/** Parses `name=value, name="quoted", …` from `index` to the end of the text. */
export function parseAuthParams(text: string, index: number): Record<string, string> | SipParseError {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = skipWhitespace(text, index);
  while (i < text.length) {
    const nameStart = i;
    while (i < text.length && isTokenCode(text.charCodeAt(i))) i++;
    const name = text.slice(nameStart, i).toLowerCase();
    i = skipWhitespace(text, i);
    if (name.length === 0 || text.charCodeAt(i) !== 61) {
      return new SipParseError('SIP_ERR_HEADER_VALUE', `bad auth-param in ${abbreviate(text)}`);
    }
    i = skipWhitespace(text, i + 1);
    let value: string;
    if (text.charCodeAt(i) === 34) {
      const end = scanQuotedString(text, i);
      if (typeof end !== 'number') return end;
      value = unquote(text.slice(i, end));
      i = end;
    } else {
      const valueStart = i;
      while (i < text.length && text.charCodeAt(i) !== 44 && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) i++;
      value = text.slice(valueStart, i);
    }
    params[name] = value;
    i = skipWhitespace(text, i);
    if (i < text.length) {
      if (text.charCodeAt(i) !== 44) return new SipParseError('SIP_ERR_HEADER_VALUE', `expected "," in ${abbreviate(text)}`);
      i = skipWhitespace(text, i + 1);
    }
  }
  return params;
}

/** `Digest realm="x", nonce="y", …` */
export function parseAuthHeader(text: string): AuthHeader | SipParseError {
  let i = skipWhitespace(text, 0);
  const start = i;
  while (i < text.length && isTokenCode(text.charCodeAt(i))) i++;
  const scheme = text.slice(start, i);
  if (scheme.length === 0) return new SipParseError('SIP_ERR_HEADER_VALUE', `no auth scheme in ${abbreviate(text)}`);
  const params = parseAuthParams(text, i);
  if (params instanceof SipParseError) return params;
  return { scheme, params };
}
