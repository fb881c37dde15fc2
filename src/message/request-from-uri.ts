/**
 * Forming a request from a URI (RFC 3261 §19.1.5, §8.1.3.4, Table 1 of §19.1.1): what a UAC or
 * recursing proxy takes from a 3xx Contact. The Request-URI keeps every parameter but `method`
 * and loses the `?headers`; the headers that are safe become header fields of the new request.
 * A URI that would make the request invalid gives a `SipParseError` value: skip that target.
 */
import { SipParseError } from './errors.ts';
import { canonicalHeaderName, headerKey, isListHeader, isSingleValueHeader } from './header-names.ts';
import { checkHeaderValue } from './header-parsers.ts';
import type { Param } from './params.ts';
import { abbreviate, isToken } from './sip-grammar.ts';
import { parseTokenList } from './token-list.ts';
import { type SipUri, unescapeUriPart } from './uri.ts';

/** A header taken from the URI, name canonical and value %-unescaped. */
export interface UriHeaderField {
  readonly name: string;
  readonly value: string;
  /**
   * §8.1.3.4: "header fields that take lists MAY be appended" ('append'); other header fields
   * MAY overwrite the redirected request's ('replace').
   */
  readonly mode: 'append' | 'replace';
}

export interface IgnoredUriHeader {
  /** The name as written in the URI, unescaped. */
  readonly name: string;
  readonly reason: string;
}

export interface RequestFromUri {
  /** The URI without its `method` parameter and without headers (§8.1.3.4). */
  readonly requestUri: SipUri;
  readonly method: string;
  /** Embedded headers to honour, in URI order. */
  readonly headers: readonly UriHeaderField[];
  readonly ignoredHeaders: readonly IgnoredUriHeader[];
  /** The `body` pseudo-header (§19.1.1), unescaped; undefined when absent. */
  readonly body: string | undefined;
}

export interface RequestFromUriOptions {
  /**
   * Option tags this element supports. An embedded Require or Proxy-Require naming any other tag
   * makes the URI unusable: "MUST NOT send a request requiring an extension that it does not
   * support" (§19.1.5, R-3261-19.1.5-d). Default: none.
   */
  readonly supported?: readonly string[];
}

const DANGEROUS = '§19.1.5: never honoured from a URI (dangerous)';
const MISSTATES = '§19.1.5: would misstate our location or capabilities';

/** Header keys never honoured from a URI, with the reason reported in `ignoredHeaders`. */
const REFUSED_HEADERS: ReadonlyMap<string, string> = new Map([
  // §19.1.5: "An implementation SHOULD NOT honor these obviously dangerous header fields:
  // From, Call-ID, CSeq, Via, and Record-Route." and "SHOULD NOT honor any requested Route".
  ['from', DANGEROUS], ['call-id', DANGEROUS], ['cseq', DANGEROUS], ['via', DANGEROUS],
  ['record-route', DANGEROUS], ['route', DANGEROUS],
  ['to', '§8.1.3.4: To is kept from the redirected request'],
  ['max-forwards', '§8.1.1.6: the hop limit is the sender\'s to set'],
  ['authorization', '§22: credentials never come from a URI'],
  ['proxy-authorization', '§22: credentials never come from a URI'],
  ['content-length', '§20.14: computed from the body'],
  // "An implementation SHOULD NOT honor requests to include header fields that may cause it to
  // falsely advertise its location or capabilities. These include: Accept, Accept-Encoding,
  // Accept-Language, Allow, Contact (in its dialog usage), Organization, Supported, and User-Agent."
  ['contact', MISSTATES], ['organization', MISSTATES], ['supported', MISSTATES],
  ['user-agent', MISSTATES], ['server', MISSTATES],
]);

function refusalReason(key: string): string | undefined {
  const reason = REFUSED_HEADERS.get(key);
  if (reason !== undefined) return reason;
  // Accept, Accept-Encoding, Accept-Language, Accept-Contact …; Allow, Allow-Events
  if (key.startsWith('accept') || key.startsWith('allow')) return MISSTATES;
  return undefined;
}

function uriHeaderError(name: string, detail: string): SipParseError {
  return new SipParseError('SIP_ERR_URI_HEADER', detail, { header: name });
}

/** CR, LF and other controls in a decoded value would inject header lines; HTAB is LWS. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 32 && code !== 9) || code === 127) return true;
  }
  return false;
}

function isMethodParam(param: Param): boolean {
  return unescapeUriPart(param.name).toLowerCase() === 'method';
}

/**
 * The Request-URI, method and header fields for a request sent to `uri` after a redirect of a
 * `redirectedMethod` request (R-3261-8.1.3.4-f, R-3261-19.1.5-a/b/c/d, R-3261-19.1.1-T1).
 */
export function requestFromUri(
  uri: SipUri,
  redirectedMethod: string,
  options?: RequestFromUriOptions,
): RequestFromUri | SipParseError {
  // Table 1 marks `method` "not applicable" in 3xx Contacts, and §8.1.3.4 keeps the method of
  // the redirected request: a URI asking for another method is skipped, never obeyed.
  const methodParam = uri.params.find(isMethodParam);
  if (methodParam !== undefined) {
    const asked = methodParam.value === null ? '' : unescapeUriPart(methodParam.value);
    if (!isToken(asked)) {
      return new SipParseError('SIP_ERR_URI_METHOD', `method parameter ${abbreviate(asked)} is not a token`);
    }
    if (asked !== redirectedMethod) {
      return new SipParseError('SIP_ERR_URI_METHOD', `the URI asks for ${asked}, the redirected request is ${redirectedMethod}`);
    }
  }
  const supported = new Set(options?.supported ?? []);
  const headers: UriHeaderField[] = [];
  const ignoredHeaders: IgnoredUriHeader[] = [];
  const seenSingle = new Set<string>();
  let body: string | undefined;
  for (const header of uri.headers) {
    const name = unescapeUriPart(header.name);
    const value = unescapeUriPart(header.value ?? '');
    if (name.toLowerCase() === 'body') {
      if (body !== undefined) return uriHeaderError(name, 'more than one body in the URI');
      body = value;
      continue;
    }
    if (!isToken(name)) return uriHeaderError(name, `header name ${abbreviate(name)} is not a token`);
    if (hasControlCharacter(value)) return uriHeaderError(name, `control characters in the value of ${name}`);
    const key = headerKey(name);
    // §19.1.5: "If the URI-based request would be invalid, the implementation MUST NOT send it".
    // A malformed value is checked even for a header we would not honour (`?CSeq=abc`).
    const defect = checkHeaderValue(key, value);
    if (defect !== undefined) return uriHeaderError(name, `${name}: ${defect.message}`);
    if (isSingleValueHeader(key)) {
      if (seenSingle.has(key)) return uriHeaderError(name, `${name} appears more than once`);
      seenSingle.add(key);
    }
    const reason = refusalReason(key);
    if (reason !== undefined) {
      ignoredHeaders.push({ name, reason });
      continue;
    }
    if (key === 'require' || key === 'proxy-require') {
      const tags = parseTokenList(value);
      const unknown = tags instanceof SipParseError ? [] : tags.filter((tag) => !supported.has(tag));
      if (unknown.length > 0) return uriHeaderError(name, `${name} asks for unsupported ${unknown.join(', ')}`);
    }
    headers.push({ name: canonicalHeaderName(name), value, mode: isListHeader(key) ? 'append' : 'replace' });
  }
  const requestUri: SipUri = {
    scheme: uri.scheme,
    user: uri.user,
    password: uri.password,
    host: uri.host,
    port: uri.port,
    params: methodParam === undefined ? uri.params : uri.params.filter((param) => !isMethodParam(param)),
    headers: [],
  };
  return { requestUri, method: redirectedMethod, headers, ignoredHeaders, body };
}
