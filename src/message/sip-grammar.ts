/**
 * Character classes and small scanners from the RFC 3261 §25.1 ABNF, shared by the header
 * parsers. Every scanner takes (text, index) and returns the index where it stopped, so the
 * parsers walk a string once without building intermediate arrays.
 */
import { SipParseError } from './errors.ts';

const TOKEN_TABLE = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`\'~') {
  TOKEN_TABLE[ch.charCodeAt(0)] = 1;
}

/** token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~") */
export function isTokenCode(code: number): boolean {
  return code < 128 && TOKEN_TABLE[code] === 1;
}

export function isToken(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isTokenCode(text.charCodeAt(i))) return false;
  return true;
}

/** SP or HTAB (after unfolding, LWS is only these). */
export function isWhitespaceCode(code: number): boolean {
  return code === 32 || code === 9;
}

export function skipWhitespace(text: string, index: number): number {
  let i = index;
  while (i < text.length && isWhitespaceCode(text.charCodeAt(i))) i++;
  return i;
}

export function trimWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isWhitespaceCode(text.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * quoted-string = SWS DQUOTE *(qdtext / quoted-pair) DQUOTE. `index` points at the opening quote;
 * returns the index after the closing quote, or an error when the string never closes.
 */
export function scanQuotedString(text: string, index: number): number | SipParseError {
  let i = index + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 34) return i + 1;
    // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)
    i += code === 92 ? 2 : 1;
  }
  return new SipParseError('SIP_ERR_UNTERMINATED_QUOTE', `no closing quote in ${abbreviate(text)}`);
}

/** The content of a quoted-string with quoted-pairs resolved; other text is returned as is. */
export function unquote(value: string): string {
  if (value.length < 2 || value.charCodeAt(0) !== 34 || value.charCodeAt(value.length - 1) !== 34) {
    return value;
  }
  const inner = value.slice(1, -1);
  return inner.indexOf('\\') === -1 ? inner : inner.replace(/\\([\s\S])/g, '$1');
}

/** Quotes a display name or parameter value when it is not a token sequence. */
export function quote(value: string): string {
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** Shortens text for error messages. */
export function abbreviate(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** Parses a non-negative decimal integer; `undefined` when not 1*DIGIT. Leading zeros allowed. */
export function parseDigits(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return undefined;
    value = value * 10 + (code - 48);
  }
  return value;
}

/** Like parseDigits on text[start, end) without slicing; undefined when empty or not all digits. */
export function parseDigitsAt(text: string, start: number, end: number): number | undefined {
  if (end <= start) return undefined;
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return undefined;
    value = value * 10 + (code - 48);
  }
  return value;
}
