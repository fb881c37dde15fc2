/**
 * URIs: SIP and SIPS (RFC 3261 §19.1, with RFC 5118 IPv6 references), tel (RFC 3966) and any
 * other absolute URI kept opaque (§19.1 lets a Contact carry any scheme).
 */
import { SipParseError } from './errors.ts';
import { type Params, NO_PARAMS, formatParams, parseParams } from './params.ts';
import { abbreviate, parseDigitsAt } from './sip-grammar.ts';

export interface SipUri {
  readonly scheme: 'sip' | 'sips';
  /** userinfo user part, still %-escaped as received. */
  readonly user: string | undefined;
  readonly password: string | undefined;
  /** Host as received; IPv6 references keep their brackets. */
  readonly host: string;
  readonly port: number | undefined;
  readonly params: Params;
  /** `?name=value&…` headers, names and values still %-escaped. */
  readonly headers: Params;
}

export interface TelUri {
  readonly scheme: 'tel';
  /** The telephone-subscriber number with visual separators, as received. */
  readonly number: string;
  readonly params: Params;
}

/** Any other absolute URI (`http:`, `mailto:`, `urn:` …): scheme plus opaque text. */
export interface OpaqueUri {
  readonly scheme: string;
  readonly opaque: string;
}

export type Uri = SipUri | TelUri | OpaqueUri;

export function isSipUri(uri: Uri): uri is SipUri {
  return uri.scheme === 'sip' || uri.scheme === 'sips';
}

export function isTelUri(uri: Uri): uri is TelUri {
  return uri.scheme === 'tel';
}

function hasForbiddenCharacter(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // whitespace, controls, and < > " never appear unescaped in a URI
    if (code <= 34 || code === 60 || code === 62) {
      if (code < 33 || code === 34 || code === 60 || code === 62) return true;
    }
  }
  return false;
}

/** Characters of a hostname or IPv4 address ("_" tolerated, as seen in the wild). */
const HOST_CHARS = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._') HOST_CHARS[ch.charCodeAt(0)] = 1;

const URI_PARAM_OPTIONS = { uri: true, stopCode: 63 } as const;
const TEL_PARAM_OPTIONS = { uri: true } as const;

function uriError(text: string, why: string): SipParseError {
  return new SipParseError('SIP_ERR_URI', `${why} in ${abbreviate(text)}`);
}

/** Parses a URI. Returns a `SipParseError` value (code SIP_ERR_URI) for malformed text. */
export function parseUri(text: string): Uri | SipParseError {
  const colon = text.indexOf(':');
  if (colon <= 0) return uriError(text, 'no scheme');
  const first = text.charCodeAt(0);
  // Hot path: "sip:" in lower case, as nearly every URI is written.
  if (colon === 3 && first === 115 && text.charCodeAt(1) === 105 && text.charCodeAt(2) === 112) {
    return parseSipUri(text, 'sip', 4);
  }
  const scheme = text.slice(0, colon).toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) return uriError(text, 'bad scheme');
  if (scheme === 'sip' || scheme === 'sips') return parseSipUri(text, scheme, colon + 1);
  if (hasForbiddenCharacter(text, colon + 1)) return uriError(text, 'whitespace, control or <>" characters');
  if (scheme === 'tel') return parseTelUri(text, colon + 1);
  if (colon + 1 >= text.length) return uriError(text, 'empty URI after the scheme');
  return { scheme, opaque: text.slice(colon + 1) };
}

function parseSipUri(text: string, scheme: 'sip' | 'sips', start: number): SipUri | SipParseError {
  let user: string | undefined;
  let password: string | undefined;
  let hostStart = start;
  const at = text.indexOf('@', start);
  if (at !== -1) {
    // userinfo is checked here; host, parameters and headers are checked as they are scanned.
    let colon = -1;
    for (let j = start; j < at; j++) {
      const code = text.charCodeAt(j);
      if (code < 33 || code === 34 || code === 60 || code === 62) return uriError(text, 'whitespace, control or <>" in the user part');
      if (code === 58 && colon === -1) colon = j;
    }
    if (colon !== -1) {
      user = text.slice(start, colon);
      password = text.slice(colon + 1, at);
    } else user = text.slice(start, at);
    if (user.length === 0) return uriError(text, 'empty user part');
    hostStart = at + 1;
  }
  // hostport = host [ ":" port ]; host = hostname / IPv4address / IPv6reference
  let i = hostStart;
  let hostEnd: number;
  if (text.charCodeAt(i) === 91 /* [ */) {
    const close = text.indexOf(']', i);
    if (close === -1) return uriError(text, 'IPv6 reference without "]"');
    // RFC 5118 §4.10: tolerate the 3-colon form of RFC 3261's ABNF as well as RFC 4291's.
    if (!/^[0-9a-fA-F:.]+$/.test(text.slice(i + 1, close))) return uriError(text, 'bad IPv6 reference');
    hostEnd = close + 1;
    i = hostEnd;
  } else {
    // hostname = *( domainlabel "." ) toplabel; IPv4address: letters, digits, "-" and "."
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code < 128 && HOST_CHARS[code] === 1) { i++; continue; }
      if (code === 58 || code === 59 || code === 63) break; // : ; ?
      return uriError(text, 'bad character in host');
    }
    hostEnd = i;
  }
  if (hostEnd === hostStart) return uriError(text, 'empty host');
  const host = text.slice(hostStart, hostEnd);
  let port: number | undefined;
  if (i < text.length && text.charCodeAt(i) === 58) {
    const portStart = i + 1;
    i = portStart;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    port = parseDigitsAt(text, portStart, i);
    // RFC 5118 §4.2: an unbracketed IPv6 address leaves more colons here.
    if (port === undefined || port > 65535 || i - portStart > 5) return uriError(text, 'bad port (an IPv6 address needs [ ])');
  }
  // Parameters and headers are checked now and built into lists only when read.
  let paramsStart = -1;
  let headersStart = -1;
  if (i < text.length && text.charCodeAt(i) === 59) {
    paramsStart = i;
    const end = checkUriParams(text, i);
    if (typeof end !== 'number') return end;
    i = end;
  }
  if (i < text.length && text.charCodeAt(i) === 63 /* ? */) {
    headersStart = i + 1;
    const problem = checkUriHeaders(text, headersStart);
    if (problem !== undefined) return problem;
    i = text.length;
  }
  if (i !== text.length) return uriError(text, 'unexpected characters after the host');
  return new ParsedSipUri(text, scheme, user, password, host, port, paramsStart, headersStart);
}

/** A checked SIP or SIPS URI whose parameter and header lists are built on first read. */
class ParsedSipUri implements SipUri {
  readonly scheme: 'sip' | 'sips';
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly host: string;
  readonly port: number | undefined;
  readonly #text: string;
  readonly #paramsStart: number;
  readonly #headersStart: number;
  #params: Params | undefined;
  #headers: Params | undefined;

  constructor(text: string, scheme: 'sip' | 'sips', user: string | undefined, password: string | undefined,
    host: string, port: number | undefined, paramsStart: number, headersStart: number) {
    this.#text = text;
    this.scheme = scheme;
    this.user = user;
    this.password = password;
    this.host = host;
    this.port = port;
    this.#paramsStart = paramsStart;
    this.#headersStart = headersStart;
  }

  get params(): Params {
    if (this.#params === undefined) {
      const parsed = this.#paramsStart === -1 ? undefined : parseParams(this.#text, this.#paramsStart, URI_PARAM_OPTIONS);
      this.#params = parsed === undefined || parsed instanceof SipParseError ? NO_PARAMS : parsed.params;
    }
    return this.#params;
  }

  get headers(): Params {
    if (this.#headers === undefined) {
      const parsed = this.#headersStart === -1 ? NO_PARAMS : parseUriHeaders(this.#text, this.#headersStart);
      this.#headers = parsed instanceof SipParseError ? NO_PARAMS : parsed;
    }
    return this.#headers;
  }

  toJSON(): object {
    const { scheme, user, password, host, port } = this;
    return { scheme, user, password, host, port, params: this.params, headers: this.headers };
  }
}

/** uri-parameters = *( ";" uri-parameter ), each a non-empty name and an optional value (§19.1.1). */
function checkUriParams(text: string, start: number): number | SipParseError {
  let i = start;
  while (i < text.length && text.charCodeAt(i) === 59) {
    const nameStart = ++i;
    let sawEquals = false;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 59 || code === 63) break;
      if (code < 33 || code === 34 || code === 44 || code === 60 || code === 62) {
        return uriError(text, 'whitespace, control or <>", in a parameter');
      }
      if (code === 61 && !sawEquals) {
        if (i === nameStart) break;
        sawEquals = true;
      }
      i++;
    }
    if (i === nameStart || text.charCodeAt(nameStart) === 61) return uriError(text, 'empty parameter name');
  }
  return i;
}

/** headers = "?" header *( "&" header ): each with a non-empty name (§19.1.1). */
function checkUriHeaders(text: string, start: number): SipParseError | undefined {
  if (hasForbiddenCharacter(text, start)) return uriError(text, 'whitespace, control or <>" in the headers');
  let nameStart = start;
  for (let i = start; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 38 /* & */) {
      if (i === nameStart || text.charCodeAt(nameStart) === 61) return uriError(text, 'empty header name after "?"');
      nameStart = i + 1;
    }
  }
  return undefined;
}

function parseUriHeaders(text: string, start: number): Params | SipParseError {
  if (hasForbiddenCharacter(text, start)) return uriError(text, 'whitespace, control or <>" in the headers');
  const headers: { name: string; value: string | null }[] = [];
  for (const part of text.slice(start).split('&')) {
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    if (name.length === 0) return uriError(text, 'empty header name after "?"');
    headers.push({ name, value: eq === -1 ? '' : part.slice(eq + 1) });
  }
  return headers;
}

function parseTelUri(text: string, start: number): TelUri | SipParseError {
  const semi = text.indexOf(';', start);
  const number = text.slice(start, semi === -1 ? text.length : semi);
  // telephone-subscriber: global "+" digits or local digits / *#, with visual separators -.()
  if (!/^\+?[0-9A-Fa-f*#().\-pwPW]+$/.test(number)) return uriError(text, 'bad telephone number');
  let params: Params = NO_PARAMS;
  if (semi !== -1) {
    const parsed = parseParams(text, semi, TEL_PARAM_OPTIONS);
    if (parsed instanceof SipParseError) return uriError(text, parsed.message);
    if (parsed.end !== text.length) return uriError(text, 'bad tel parameters');
    params = parsed.params;
  }
  return { scheme: 'tel', number, params };
}

/** Prints a URI from its parts (the parts keep their escaping, so this round-trips). */
export function formatUri(uri: Uri): string {
  if (uri.scheme === 'sip' || uri.scheme === 'sips') {
    const sip = uri as SipUri;
    let out = `${sip.scheme}:`;
    if (sip.user !== undefined) out += sip.password !== undefined ? `${sip.user}:${sip.password}@` : `${sip.user}@`;
    out += sip.host;
    if (sip.port !== undefined) out += `:${sip.port}`;
    out += formatParams(sip.params);
    if (sip.headers.length > 0) {
      out += `?${sip.headers.map((h) => `${h.name}=${h.value ?? ''}`).join('&')}`;
    }
    return out;
  }
  if (uri.scheme === 'tel') {
    const tel = uri as TelUri;
    return `tel:${tel.number}${formatParams(tel.params)}`;
  }
  const opaque = uri as OpaqueUri;
  return `${opaque.scheme}:${opaque.opaque}`;
}

/** Decodes %HH escapes once (RFC 3261 §19.1.4; RFC 4475 §3.1.1.3: never recursively). */
export function unescapeUriPart(text: string): string {
  if (text.indexOf('%') === -1) return text;
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
