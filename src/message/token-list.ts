/**
 * Comma-separated token lists: Require, Supported, Unsupported, Proxy-Require (§20.32, §20.37,
 * §20.40, §20.29: option-tags), Allow (§20.5: methods), Content-Encoding (§20.12).
 */
import { SipParseError } from './errors.ts';
import { abbreviate, isToken, trimWhitespace } from './sip-grammar.ts';

/** Splits and checks a token list; empty elements (`a,,b`) and non-tokens are errors. */
export function parseTokenList(value: string): string[] | SipParseError {
  const tokens: string[] = [];
  const trimmed = trimWhitespace(value);
  if (trimmed.length === 0) return tokens; // Supported and Allow may be empty (§20.37, §20.5).
  for (const part of trimmed.split(',')) {
    const token = trimWhitespace(part);
    if (!isToken(token)) {
      return new SipParseError('SIP_ERR_HEADER_VALUE', `not a token list: ${abbreviate(value)}`);
    }
    tokens.push(token);
  }
  return tokens;
}
