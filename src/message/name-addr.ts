/**
 * name-addr / addr-spec with header parameters (RFC 3261 §20.10, §25.1):
 *   ( name-addr / addr-spec ) *( SEMI param ),  name-addr = [ display-name ] LAQUOT addr-spec RAQUOT
 * Used by From, To, Contact, Route, Record-Route, Path, Reply-To, Diversion and History-Info.
 * §20.10: without < >, every parameter after the URI is a header parameter, and the addr-spec
 * must not hold "," "?" or ";" (then the name-addr form is mandatory).
 *
 * Parsing checks the whole value in one pass and keeps offsets; the display name and the
 * parameter list are only built when read.
 */
import { SipParseError } from './errors.ts';
import { scanHeaderParams, scannedValue } from './param-scanner.ts';
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
  /** The `tag` header parameter (From, To: §19.3). */
  readonly tag: string | undefined;
}

/** A checked name-addr that builds its display name and parameters on first read. */
export class ParsedNameAddr implements NameAddr {
  readonly uri: Uri;
  readonly uriText: string;
  readonly tag: string | undefined;
  readonly #text: string;
  readonly #displayStart: number;
  readonly #displayEnd: number;
  readonly #paramsStart: number;
  #params: Params | undefined;

  constructor(text: string, uri: Uri, uriText: string, displayStart: number, displayEnd: number, paramsStart: number, tag: string | undefined) {
    this.#text = text;
    this.uri = uri;
    this.uriText = uriText;
    this.#displayStart = displayStart;
    this.#displayEnd = displayEnd;
    this.#paramsStart = paramsStart;
    this.tag = tag;
  }

  get displayName(): string | undefined {
    if (this.#displayStart === this.#displayEnd) return undefined;
    const raw = this.#text.slice(this.#displayStart, this.#displayEnd);
    return raw.charCodeAt(0) === 34 ? unquote(raw) : raw.trim().replace(/[ \t]+/g, ' ');
  }

  get params(): Params {
    if (this.#params === undefined) {
      if (this.#paramsStart === -1) this.#params = NO_PARAMS;
      else {
        // Already checked by scanHeaderParams, so this cannot fail.
        const parsed = parseParams(this.#text, this.#paramsStart);
        this.#params = parsed instanceof SipParseError ? NO_PARAMS : parsed.params;
      }
    }
    return this.#params;
  }

  toJSON(): object {
    return { displayName: this.displayName, uriText: this.uriText, params: this.params };
  }
}

/**
 * Parses a name-addr or addr-spec with its parameters. After a successful call the parameter
 * offsets of the value stay in `param-scanner` until the next scan (the Contact parser reads q
 * and expires from there).
 */
export function parseNameAddr(text: string): ParsedNameAddr | SipParseError {
  return parseNameAddrAs(text, ParsedNameAddr);
}

type NameAddrClass<T> = new (text: string, uri: Uri, uriText: string, displayStart: number, displayEnd: number, paramsStart: number, tag: string | undefined) => T;

/** parseNameAddr building an instance of a subclass (the Contact parser adds q and expires). */
export function parseNameAddrAs<T extends ParsedNameAddr>(text: string, make: NameAddrClass<T>): T | SipParseError {
  let i = skipWhitespace(text, 0);
  let displayStart = i;
  let displayEnd = i;
  let laquot: number;
  const first = text.charCodeAt(i);
  if (first === 60 /* < */) {
    laquot = i;
  } else if (first === 34 /* " */) {
    const end = scanQuotedString(text, i);
    if (typeof end !== 'number') return end;
    displayEnd = end;
    i = skipWhitespace(text, end);
    if (text.charCodeAt(i) !== 60) {
      return new SipParseError('SIP_ERR_NAME_ADDR', `expected "<" after the display name in ${abbreviate(text)}`);
    }
    laquot = i;
  } else {
    laquot = -1;
    // display-name = *(token LWS): scan tokens up to "<"; RFC 4475 §3.1.1.6 allows no LWS before it.
    let j = i;
    while (j < text.length) {
      const code = text.charCodeAt(j);
      if (code === 60) { laquot = j; break; }
      if (!isTokenCode(code) && !isWhitespaceCode(code)) break;
      j++;
    }
    if (laquot === -1 && text.indexOf('<', j) !== -1) {
      const code = text.charCodeAt(j);
      // An addr-spec can't hold "<", so a "<" later means a display name with a bad character.
      if (code !== 58 && code !== 59) {
        return new SipParseError('SIP_ERR_DISPLAY_NAME', `display name needs quoting in ${abbreviate(text)}`);
      }
    }
    if (laquot !== -1) {
      displayEnd = laquot;
      while (displayEnd > displayStart && isWhitespaceCode(text.charCodeAt(displayEnd - 1))) displayEnd--;
    }
  }
  if (laquot !== -1) {
    const raquot = text.indexOf('>', laquot + 1);
    if (raquot === -1) return new SipParseError('SIP_ERR_NAME_ADDR', `no ">" in ${abbreviate(text)}`);
    // RFC 4475 §3.1.2.14: no LWS inside the angle brackets.
    if (raquot === laquot + 1 || isWhitespaceCode(text.charCodeAt(laquot + 1)) || isWhitespaceCode(text.charCodeAt(raquot - 1))) {
      return new SipParseError('SIP_ERR_NAME_ADDR', `whitespace or nothing inside < > in ${abbreviate(text)}`);
    }
    const uriText = text.slice(laquot + 1, raquot);
    const uri = parseUri(uriText);
    if (uri instanceof SipParseError) return uri;
    return finish(text, uri, uriText, displayStart, displayEnd, raquot + 1, make);
  }
  // addr-spec: the URI ends at the first ";" or whitespace; its parameters are header parameters.
  displayStart = displayEnd = 0;
  let end = i;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === 59 || code === 32 || code === 9) break;
    if (code === 63 || code === 44) {
      return new SipParseError('SIP_ERR_ADDR_SPEC_NEEDS_BRACKETS', `"${text[end]}" in an addr-spec without < > in ${abbreviate(text)}`);
    }
    end++;
  }
  if (end === i) return new SipParseError('SIP_ERR_NAME_ADDR', `no URI in ${abbreviate(text)}`);
  const uriText = text.slice(i, end);
  const uri = parseUri(uriText);
  if (uri instanceof SipParseError) return uri;
  return finish(text, uri, uriText, 0, 0, end, make);
}

function finish<T>(text: string, uri: Uri, uriText: string, displayStart: number, displayEnd: number, rest: number, make: NameAddrClass<T>): T | SipParseError {
  if (rest >= text.length) {
    scanHeaderParams(text, text.length); // leaves an empty scan for the Contact parser
    return new make(text, uri, uriText, displayStart, displayEnd, -1, undefined);
  }
  const count = scanHeaderParams(text, rest);
  if (typeof count !== 'number') return count;
  const tag = count === 0 ? undefined : scannedValue(text, 'tag');
  return new make(text, uri, uriText, displayStart, displayEnd, count === 0 ? -1 : rest, tag ?? undefined);
}
