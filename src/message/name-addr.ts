/**
 * name-addr / addr-spec with header parameters (RFC 3261 §20.10, §25.1):
 *   ( name-addr / addr-spec ) *( SEMI param ),  name-addr = [ display-name ] LAQUOT addr-spec RAQUOT
 * Used by From, To, Contact, Route, Record-Route, Path, Reply-To, Diversion and History-Info.
 * §20.10: without < >, every parameter after the URI is a header parameter, and the addr-spec
 * must not hold "," "?" or ";" (then the name-addr form is mandatory).
 */
import { SipParseError } from './errors.ts';
import { type Params, NO_PARAMS, parseParams } from './params.ts';
import {
  abbreviate, isTokenCode, isWhitespaceCode, scanQuotedString, skipWhitespace, unquote,
} from './sip-grammar.ts';
import { type Uri, parseUri } from './uri.ts';

export interface NameAddr {
  /** Display name with quotes removed and quoted-pairs resolved; undefined when absent. */
  readonly displayName: string | undefined;
  readonly uri: Uri;
  /** The URI text exactly as written between < > (or as the addr-spec). */
  readonly uriText: string;
  /** Header parameters (after `>`, or after an addr-spec). */
  readonly params: Params;
}

export function parseNameAddr(text: string): NameAddr | SipParseError {
  let i = skipWhitespace(text, 0);
  let displayName: string | undefined;
  let laquot: number;
  if (text.charCodeAt(i) === 34 /* " */) {
    const end = scanQuotedString(text, i);
    if (typeof end !== 'number') return end;
    displayName = unquote(text.slice(i, end));
    i = skipWhitespace(text, end);
    if (text.charCodeAt(i) !== 60 /* < */) {
      return new SipParseError('SIP_ERR_NAME_ADDR', `expected "<" after the display name in ${abbreviate(text)}`);
    }
    laquot = i;
  } else {
    laquot = text.indexOf('<', i);
    if (laquot !== -1) {
      // display-name = *(token LWS) / quoted-string; RFC 4475 §3.1.1.6 allows no LWS before "<".
      for (let j = i; j < laquot; j++) {
        const code = text.charCodeAt(j);
        if (!isTokenCode(code) && !isWhitespaceCode(code)) {
          if (code === 34) return new SipParseError('SIP_ERR_DISPLAY_NAME', `misplaced quote in ${abbreviate(text)}`);
          return new SipParseError('SIP_ERR_DISPLAY_NAME', `display name needs quoting in ${abbreviate(text)}`);
        }
      }
      const tokens = text.slice(i, laquot).trim();
      if (tokens.length > 0) displayName = tokens.replace(/[ \t]+/g, ' ');
    }
  }
  if (laquot !== -1) {
    const raquot = text.indexOf('>', laquot + 1);
    if (raquot === -1) return new SipParseError('SIP_ERR_NAME_ADDR', `no ">" in ${abbreviate(text)}`);
    const uriText = text.slice(laquot + 1, raquot);
    // RFC 4475 §3.1.2.14: no LWS inside the angle brackets.
    if (uriText.length === 0 || isWhitespaceCode(uriText.charCodeAt(0)) || isWhitespaceCode(uriText.charCodeAt(uriText.length - 1))) {
      return new SipParseError('SIP_ERR_NAME_ADDR', `whitespace or nothing inside < > in ${abbreviate(text)}`);
    }
    const uri = parseUri(uriText);
    if (uri instanceof SipParseError) return uri;
    const rest = raquot + 1;
    if (rest >= text.length) return { displayName, uri, uriText, params: NO_PARAMS };
    const parsed = parseParams(text, rest);
    if (parsed instanceof SipParseError) return parsed;
    if (parsed.end !== text.length) {
      return new SipParseError('SIP_ERR_NAME_ADDR', `unexpected text after ">" in ${abbreviate(text)}`);
    }
    return { displayName, uri, uriText, params: parsed.params };
  }
  // addr-spec: the URI ends at the first ";" or whitespace; its parameters are header parameters.
  let end = i;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === 59 || isWhitespaceCode(code)) break;
    if (code === 63 || code === 44) {
      return new SipParseError('SIP_ERR_ADDR_SPEC_NEEDS_BRACKETS', `"${text[end]}" in an addr-spec without < > in ${abbreviate(text)}`);
    }
    end++;
  }
  const uriText = text.slice(i, end);
  if (uriText.length === 0) return new SipParseError('SIP_ERR_NAME_ADDR', `no URI in ${abbreviate(text)}`);
  const uri = parseUri(uriText);
  if (uri instanceof SipParseError) return uri;
  if (end >= text.length) return { displayName: undefined, uri, uriText, params: NO_PARAMS };
  const parsed = parseParams(text, end);
  if (parsed instanceof SipParseError) return parsed;
  if (parsed.end !== text.length) {
    return new SipParseError('SIP_ERR_NAME_ADDR', `unexpected text after the URI in ${abbreviate(text)}`);
  }
  return { displayName: undefined, uri, uriText, params: parsed.params };
}
