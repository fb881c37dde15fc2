/**
 * parseMessage: one whole SIP message (a datagram, or a frame cut by the stream framer) into a
 * `SipMessage`, or a `SipParseError` value. RFC 3261 §7 (message format), §7.3.1 (folding,
 * compact forms, lists), §7.5 (leading CRLFs), §18.3 (Content-Length framing), §16.3 step 1
 * (reasonable syntax). Checked here: the start line and Request-URI, the framing
 * (Content-Length), and Call-ID, CSeq, Max-Forwards and Contact. Via, From and To, like every
 * other header, are parsed when first read; `validateMessage` checks them strictly, and a
 * receiving element runs it before acting on a request (the two together refuse every invalid
 * RFC 4475 / 5118 message with its specific code).
 */
import { type Contact, parseContact } from './contact.ts';
import { parseCSeq } from './cseq.ts';
import { type PartialMessage, SipParseError } from './errors.ts';
import { parseCallId } from './header-parsers.ts';
import { headerKey } from './header-names.ts';
import { Headers, type ParsedCoreHeaders } from './headers.ts';
import { HeaderLines } from './header-lines.ts';
import { type PendingBody, ParsedRequest, ParsedResponse } from './parsed-message.ts';
import { knownHeaderKey } from './known-header-key.ts';
import { parseIntegerHeader } from './integer-header.ts';
import { isKnownMethod } from './method.ts';
import { abbreviate, isToken, isTokenCode, isWhitespaceCode, trimWhitespace } from './sip-grammar.ts';
import { splitHeaderList } from './split-list.ts';
import { EMPTY_BODY, type SipMessage } from './types.ts';
import { type Uri, isSipUri, parseUri } from './uri.ts';

export type ParseResult = SipMessage | SipParseError;

export interface ParseOptions {
  /** Largest message accepted, in octets (default 65 535, the largest UDP datagram). */
  readonly maxMessageSize?: number;
}

const DEFAULT_PARSE_OPTIONS = { maxMessageSize: 65535 } as const;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Shared by every message without a Contact (never pushed to: see checkCoreHeader). */
const NO_CONTACTS: Contact[] = [];


/** Parses one whole message from octets or from a string (a string's body is UTF-8 encoded). */
export function parseMessage(input: Uint8Array | string, options?: ParseOptions): ParseResult {
  const maxSize = options?.maxMessageSize ?? DEFAULT_PARSE_OPTIONS.maxMessageSize;
  if (input.length > maxSize) {
    return new SipParseError('SIP_ERR_MESSAGE_TOO_LARGE', `${input.length} > ${maxSize}`, { responseStatus: 513 });
  }
  if (typeof input === 'string') {
    // The header loop finds the empty line itself, so the text is walked once.
    return parseHeadAndBody(input, undefined);
  }
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.length);
  let end = bytes.indexOf('\r\n\r\n');
  let separator = 4;
  if (end === -1) { end = bytes.indexOf('\n\n'); separator = 2; }
  const head = decodeHead(end === -1 ? bytes : bytes.subarray(0, end));
  return parseHeadAndBody(head, end === -1 ? EMPTY_BODY : bytes.subarray(end + separator));
}

/** Header text is UTF-8 (§7.3.1); bytes that are not valid UTF-8 are kept one char per octet. */
function decodeHead(bytes: Buffer): string {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      try {
        return strictUtf8.decode(bytes);
      } catch {
        return bytes.toString('latin1');
      }
    }
  }
  return bytes.toString('latin1');
}

/**
 * Parses the start line and headers and cuts the body. With `rest` undefined, `head` is the whole
 * message as text and the body is what follows the empty line; otherwise `head` holds only the
 * header section and `rest` the octets after it.
 */
function parseHeadAndBody(head: string, rest: PendingBody | undefined): ParseResult {
  // §7.5: CRLFs before the start line are ignored.
  let pos = 0;
  while (pos < head.length && (head.charCodeAt(pos) === 13 || head.charCodeAt(pos) === 10)) pos++;
  if (pos >= head.length) return new SipParseError('SIP_ERR_EMPTY_MESSAGE', 'no start line');
  let lineEnd = head.indexOf('\n', pos);
  if (lineEnd === -1) lineEnd = head.length;
  const startLine = head.slice(pos, lineEnd > pos && head.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
  const start = parseStartLine(startLine);
  if (start instanceof SipParseError) return start;

  const offsets: number[] = [];
  const keys: string[] = [];
  let folds: Map<number, string> | undefined;
  const core: ParsedCoreHeaders = {
    contacts: NO_CONTACTS, contactStar: false, callId: undefined,
    cseq: undefined, maxForwards: undefined, contentLength: undefined,
  };
  const length = head.length;
  let bodyStart = length;
  pos = lineEnd + 1;
  while (pos < length) {
    let nl = head.indexOf('\n', pos);
    if (nl === -1) nl = length;
    const contentEnd = nl > pos && head.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const colon = head.indexOf(':', pos);
    if (colon === -1 || colon > contentEnd) {
      if (contentEnd === pos) { bodyStart = nl + 1; break; } // the empty line ends the headers
      return fail(new SipParseError('SIP_ERR_HEADER_LINE', `no colon in ${abbreviate(head.slice(pos, contentEnd))}`), undefined, startLine, start);
    }
    let nameEnd = colon;
    while (nameEnd > pos && isWhitespaceCode(head.charCodeAt(nameEnd - 1))) nameEnd--;
    let key = knownHeaderKey(head, pos, nameEnd);
    if (key === undefined) {
      if (nameEnd === pos) return fail(new SipParseError('SIP_ERR_HEADER_LINE', 'empty header name'), undefined, startLine, start);
      for (let i = pos; i < nameEnd; i++) {
        if (!isTokenCode(head.charCodeAt(i))) {
          return fail(new SipParseError('SIP_ERR_HEADER_LINE', `bad header name ${abbreviate(head.slice(pos, nameEnd))}`), undefined, startLine, start);
        }
      }
      key = headerKey(head.slice(pos, nameEnd));
    }
    let valueStart = colon + 1;
    while (valueStart < contentEnd && isWhitespaceCode(head.charCodeAt(valueStart))) valueStart++;
    let valueEnd = contentEnd;
    while (valueEnd > valueStart && isWhitespaceCode(head.charCodeAt(valueEnd - 1))) valueEnd--;
    let next = nl + 1;
    let folded: string | undefined;
    // §7.3.1: a line starting with SP or HTAB continues the previous header (folding).
    while (next < length && isWhitespaceCode(head.charCodeAt(next))) {
      let foldEnd = head.indexOf('\n', next);
      if (foldEnd === -1) foldEnd = length;
      const foldContentEnd = foldEnd > next && head.charCodeAt(foldEnd - 1) === 13 ? foldEnd - 1 : foldEnd;
      const more = trimWhitespace(head.slice(next, foldContentEnd));
      folded ??= head.slice(valueStart, valueEnd);
      if (more.length > 0) folded = folded.length > 0 ? `${folded} ${more}` : more;
      next = foldEnd + 1;
    }
    const line = keys.length;
    if (folded !== undefined) (folds ??= new Map()).set(line, folded);
    offsets.push(pos, nameEnd, valueStart, valueEnd);
    keys.push(key);
    pos = next;
    if (isCoreHeaderKey(key)) {
      const problem = checkCoreHeader(key, folded ?? head.slice(valueStart, valueEnd), core);
      if (problem !== undefined) return fail(problem, head.slice(offsets[line * 4]!, nameEnd), startLine, start);
    }
  }

  if (rest === undefined) rest = bodyStart < length ? head.slice(bodyStart) : EMPTY_BODY;
  let body = rest;
  if (core.contentLength !== undefined) {
    // §18.3: a datagram shorter than Content-Length is an error (RFC 4475 §3.1.2.2 clerr);
    // octets beyond it are not part of this message (§3.1.1.8 dblreq).
    const length = core.contentLength;
    const octets = typeof rest === 'string' ? Buffer.byteLength(rest, 'utf8') : rest.length;
    if (octets < length) {
      return fail(new SipParseError('SIP_ERR_BODY_TRUNCATED', `Content-Length ${length}, ${octets} octets present`), undefined, startLine, start);
    }
    if (octets > length) {
      if (typeof rest !== 'string') body = rest.subarray(0, length);
      else if (octets === rest.length) body = rest.slice(0, length); // ASCII: one char per octet
      else body = Buffer.from(rest, 'utf8').subarray(0, length);
    }
  }
  const lines = new HeaderLines(head, offsets, keys, folds);
  const headers = Headers.fromParsed(lines, core);
  if (start.kind === 'request') {
    const cseq = core.cseq;
    if (cseq !== undefined && cseq.method !== start.method) {
      // RFC 4475 §3.1.2.17/18: 400, or 501 when the method itself is unknown.
      return fail(new SipParseError('SIP_ERR_CSEQ_METHOD_MISMATCH', `${start.method} vs CSeq ${cseq.method}`, {
        responseStatus: isKnownMethod(start.method) ? 400 : 501,
      }), 'CSeq', startLine, start);
    }
    return new ParsedRequest(start.method, start.uri, start.version, headers, body);
  }
  return new ParsedResponse(start.status, start.reason, start.version, headers, body);
}

/** Adds the header name and what was read of the message to an error (built only on failure). */
function fail(error: SipParseError, header: string | undefined, startLine: string, start: StartLine): SipParseError {
  const partial: PartialMessage = start.kind === 'request'
    ? { startLine, isRequest: true, method: start.method }
    : { startLine, isRequest: false };
  return error.within(header, partial);
}

/** The headers parseMessage checks up front (the rest are parsed when read). */
function isCoreHeaderKey(key: string): boolean {
  switch (key) {
    case 'contact': case 'call-id': case 'cseq': case 'max-forwards': case 'content-length':
      return true;
    default:
      return false;
  }
}

/** Parses the headers every element relies on, as they are met. Returns the first defect. */
function checkCoreHeader(key: string, value: string, core: ParsedCoreHeaders): SipParseError | undefined {
  switch (key) {
    case 'contact':
      if (value === '*') { core.contactStar = true; return undefined; }
      for (const element of splitHeaderList(value)) {
        const contact = parseContact(element);
        if (contact instanceof SipParseError) return contact;
        if (core.contacts === NO_CONTACTS) core.contacts = [];
        core.contacts.push(contact);
      }
      return undefined;
    case 'call-id': {
      const callId = parseCallId(value);
      if (callId instanceof SipParseError) return callId;
      core.callId ??= callId;
      return undefined;
    }
    case 'cseq': {
      const cseq = parseCSeq(value);
      if (cseq instanceof SipParseError) return cseq;
      core.cseq ??= cseq;
      return undefined;
    }
    case 'max-forwards': {
      const maxForwards = parseIntegerHeader(value);
      if (maxForwards instanceof SipParseError) return maxForwards;
      core.maxForwards ??= maxForwards;
      return undefined;
    }
    case 'content-length': {
      const contentLength = parseIntegerHeader(value);
      if (contentLength instanceof SipParseError) {
        return new SipParseError('SIP_ERR_CONTENT_LENGTH', `Content-Length ${abbreviate(value)}`);
      }
      // RFC 4475 §3.3.9 (mcl01): two Content-Lengths leave the framing unknowable.
      if (core.contentLength !== undefined) {
        return new SipParseError('SIP_ERR_CONTENT_LENGTH_DUPLICATE', `Content-Length ${core.contentLength} and ${contentLength}`);
      }
      core.contentLength = contentLength;
      return undefined;
    }
    default:
      return undefined;
  }
}

type StartLine =
  | { kind: 'request'; method: string; uri: Uri; version: string }
  | { kind: 'response'; status: number; reason: string; version: string };

/** Request-Line = Method SP Request-URI SP SIP-Version; Status-Line = SIP-Version SP Status-Code SP Reason-Phrase */
function parseStartLine(line: string): StartLine | SipParseError {
  // "SIP/" in any case starts a Status-Line.
  if (line.length > 4 && line.charCodeAt(3) === 47 && (line.charCodeAt(0) | 0x20) === 115
    && (line.charCodeAt(1) | 0x20) === 105 && (line.charCodeAt(2) | 0x20) === 112) {
    return parseStatusLine(line);
  }
  const firstSpace = line.indexOf(' ');
  const lastSpace = line.lastIndexOf(' ');
  if (firstSpace <= 0 || firstSpace === lastSpace) {
    return new SipParseError('SIP_ERR_START_LINE', `not "Method SP Request-URI SP SIP-Version": ${abbreviate(line)}`);
  }
  const method = line.slice(0, firstSpace);
  const partial: PartialMessage = { startLine: line, isRequest: true, method };
  if (!isToken(method)) return new SipParseError('SIP_ERR_METHOD', `method ${abbreviate(method)}`, { partial });
  const version = line.slice(lastSpace + 1);
  const uriText = line.slice(firstSpace + 1, lastSpace);
  // RFC 4475 §3.1.2.9/10 (lwsstart, trws): only single SPs delimit the request line.
  if (version.length === 0 || uriText.length === 0 || uriText.charCodeAt(0) === 32 || uriText.charCodeAt(uriText.length - 1) === 32) {
    return new SipParseError('SIP_ERR_START_LINE', `extra whitespace in the request line ${abbreviate(line)}`, { partial });
  }
  const versionProblem = checkVersion(version, partial);
  if (versionProblem !== undefined) return versionProblem;
  const uri = parseRequestUri(uriText, partial);
  if (uri instanceof SipParseError) return uri;
  return { kind: 'request', method, uri, version: 'SIP/2.0' };
}

function checkVersion(version: string, partial: PartialMessage): SipParseError | undefined {
  if (version === 'SIP/2.0') return undefined;
  if (/^SIP\/[0-9]+\.[0-9]+$/i.test(version)) {
    if (version.slice(4) === '2.0') return undefined;
    // §21.5.6 505 Version Not Supported (RFC 4475 §3.1.2.16 badvers).
    return new SipParseError('SIP_ERR_VERSION', `${abbreviate(version)} is not SIP/2.0`, { responseStatus: 505, partial });
  }
  return new SipParseError('SIP_ERR_START_LINE', `no SIP-Version at the end of ${abbreviate(partial.startLine ?? '')}`, { partial });
}

/** Request-URI (§7.1, §19.1.1): no < >, no LWS, no headers; any absolute URI scheme. */
function parseRequestUri(text: string, partial: PartialMessage): Uri | SipParseError {
  const uri = parseUri(text);
  if (uri instanceof SipParseError) {
    // Name the defect RFC 4475 names (§3.1.2.7 ltgtruri, §3.1.2.8 lwsruri) when it is one of those.
    if (text.charCodeAt(0) === 60) return requestUriError(text, 'Request-URI inside < >', partial);
    if (/[ \t]/.test(text)) return requestUriError(text, 'LWS inside the Request-URI', partial);
    return requestUriError(text, uri.message, partial);
  }
  // Table 1 of §19.1.1: headers are not allowed in a Request-URI (RFC 4475 §3.1.2.11 escruri).
  if (isSipUri(uri) && uri.headers.length > 0) return requestUriError(text, 'headers ("?") in the Request-URI', partial);
  return uri;
}

function requestUriError(text: string, why: string, partial: PartialMessage): SipParseError {
  return new SipParseError('SIP_ERR_REQUEST_URI', `${why}: ${abbreviate(text)}`, { partial });
}

function parseStatusLine(line: string): StartLine | SipParseError {
  const partial: PartialMessage = { startLine: line, isRequest: false };
  const firstSpace = line.indexOf(' ');
  if (firstSpace === -1) return new SipParseError('SIP_ERR_START_LINE', `no status code in ${abbreviate(line)}`, { partial });
  const versionProblem = checkVersion(line.slice(0, firstSpace), partial);
  if (versionProblem !== undefined) return versionProblem;
  const codeText = line.slice(firstSpace + 1, firstSpace + 4);
  const after = line.charCodeAt(firstSpace + 4);
  // Status-Code = 3DIGIT, 100 to 699 (RFC 4475 §3.1.2.19 bigcode).
  if (!/^[1-6][0-9][0-9]$/.test(codeText) || !(Number.isNaN(after) || after === 32)) {
    return new SipParseError('SIP_ERR_STATUS_CODE', `status ${abbreviate(line.slice(firstSpace + 1))}`, { partial });
  }
  return { kind: 'response', status: Number(codeText), reason: line.slice(firstSpace + 5), version: 'SIP/2.0' };
}
