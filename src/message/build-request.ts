/**
 * buildRequest: a new out-of-dialog request as RFC 3261 §8.1.1 composes it — Request-URI, To,
 * From (with a new tag), Call-ID, CSeq, Max-Forwards and a top Via with a new branch and RFC 3581
 * `rport`, then Contact, extra headers and the body. Bad options are programmer errors and throw
 * `TypeError` (house style §5).
 */
import { MAX_CSEQ } from './cseq.ts';
import { SipParseError } from './errors.ts';
import { headerKey } from './header-names.ts';
import { Headers } from './headers.ts';
import { parseNameAddr } from './name-addr.ts';
import { type Params, formatParams } from './params.ts';
import { newBranch, newCallId, newTag } from './random-token.ts';
import { isToken, quote } from './sip-grammar.ts';
import type { SipRequest } from './types.ts';
import { type Uri, formatUri, isSipUri, parseUri } from './uri.ts';

/** A name-addr given by its parts. */
export interface AddressFields {
  readonly uri: Uri | string;
  readonly displayName?: string;
  /** The `tag` header parameter (§19.3). */
  readonly tag?: string;
  /** Other header parameters, written after the URI's `>`. */
  readonly params?: Params;
}

/** A URI, a URI string, a name-addr string (recognised by its `<`) or name-addr parts. */
export type AddressInput = Uri | string | AddressFields;

/** Extra header fields, in order: `['Subject', 'hi']` or `{ name, value }`. */
export type HeaderInput = readonly [name: string, value: string] | { readonly name: string; readonly value: string };

export interface ViaOptions {
  /** UDP, TCP, TLS, SCTP, WS, WSS (written upper case). */
  readonly transport: string;
  /** sent-by host; an IPv6 address gets its brackets. */
  readonly host: string;
  readonly port?: number;
  /** Default: a new branch (§8.1.1.7). */
  readonly branch?: string;
  /** RFC 3581 `;rport` (default true). */
  readonly rport?: boolean;
}

export interface BuildRequestOptions {
  readonly method: string;
  /** A sip/sips Request-URI must carry no `?headers` (§19.1.5: use requestFromUri first). */
  readonly requestUri: Uri | string;
  /** §8.1.1.3: gets a new tag unless one is given. */
  readonly from: AddressInput;
  /** §8.1.1.2: no tag for an out-of-dialog request, unless one is given. */
  readonly to: AddressInput;
  /** Default: a new Call-ID (§8.1.1.4). */
  readonly callId?: string;
  /** Default 1 (§8.1.1.5: any value below 2^31). */
  readonly cseq?: number;
  /** Default 70 (§8.1.1.6). */
  readonly maxForwards?: number;
  readonly via: ViaOptions;
  readonly contact?: AddressInput;
  readonly headers?: Iterable<HeaderInput>;
  /** A string body is UTF-8 encoded. */
  readonly body?: Uint8Array | string;
  /** Content-Type; required with a non-empty body unless the extra headers carry one (§20.15). */
  readonly contentType?: string;
}

export const DEFAULT_BUILD_REQUEST_OPTIONS = { cseq: 1, maxForwards: 70, rport: true } as const;

const utf8 = new TextEncoder();

function parseUriOption(uri: Uri | string, what: string): Uri {
  if (typeof uri !== 'string') return uri;
  const parsed = parseUri(uri);
  if (parsed instanceof SipParseError) throw new TypeError(`${what}: ${parsed.message}`);
  return parsed;
}

function checkToken(value: string, what: string): void {
  if (!isToken(value)) throw new TypeError(`${what} ${JSON.stringify(value)} is not a token`);
}

function checkHeaderText(value: string, what: string): void {
  if (/[\r\n\0]/.test(value)) throw new TypeError(`${what} holds CR, LF or NUL`);
}

/** The header value of an address: `"Name" <uri>;params;tag=…`. `tag` overrides a tag in the input. */
export function formatAddress(input: AddressInput, what: string, tag?: string): string {
  let fields: AddressFields;
  if (typeof input === 'string' && input.indexOf('<') !== -1) {
    const parsed = parseNameAddr(input);
    if (parsed instanceof SipParseError) throw new TypeError(`${what}: ${parsed.message}`);
    fields = {
      uri: parsed.uri,
      ...(parsed.displayName === undefined ? {} : { displayName: parsed.displayName }),
      ...(parsed.tag === undefined ? {} : { tag: parsed.tag }),
      params: parsed.params.filter((param) => param.name.toLowerCase() !== 'tag'),
    };
  } else if (typeof input === 'string' || !('uri' in input)) {
    fields = { uri: input };
  } else fields = input;
  const uri = parseUriOption(fields.uri, what);
  let out = fields.displayName === undefined ? '' : `${quote(fields.displayName)} `;
  out += `<${formatUri(uri)}>`;
  if (fields.params !== undefined) out += formatParams(fields.params.filter((param) => param.name.toLowerCase() !== 'tag'));
  const finalTag = tag ?? fields.tag;
  if (finalTag !== undefined) {
    checkToken(finalTag, `${what} tag`);
    out += `;tag=${finalTag}`;
  }
  checkHeaderText(out, what);
  return out;
}

/** The tag an address input already carries, if any. */
export function addressTag(input: AddressInput): string | undefined {
  if (typeof input === 'string') {
    if (input.indexOf('<') === -1) return undefined;
    const parsed = parseNameAddr(input);
    return parsed instanceof SipParseError ? undefined : parsed.tag;
  }
  return 'uri' in input ? input.tag : undefined;
}

/** Appends the extra headers, Content-Type and Content-Length; returns the body octets. */
export function appendHeadersAndBody(
  headers: Headers,
  extra: Iterable<HeaderInput> | undefined,
  body: Uint8Array | string | undefined,
  contentType: string | undefined,
): Uint8Array {
  const bytes = body === undefined ? new Uint8Array(0) : typeof body === 'string' ? utf8.encode(body) : body;
  let hasContentType = false;
  for (const header of extra ?? []) {
    const [name, value] = Array.isArray(header) ? header as readonly [string, string] : [(header as { name: string }).name, (header as { value: string }).value];
    checkToken(name, 'header name');
    checkHeaderText(value, `header ${name}`);
    const key = headerKey(name);
    if (key === 'content-length') continue; // always computed from the body
    if (key === 'content-type') {
      if (contentType !== undefined) continue; // the option wins
      hasContentType = true;
    }
    headers.append(name, value);
  }
  if (contentType !== undefined) {
    checkHeaderText(contentType, 'contentType');
    headers.append('Content-Type', contentType);
    hasContentType = true;
  }
  // §20.15: "The Content-Type header field MUST be present if the body is not empty."
  if (bytes.length > 0 && !hasContentType) throw new TypeError('a non-empty body needs a contentType');
  headers.append('Content-Length', String(bytes.length));
  return bytes;
}

function formatVia(via: ViaOptions): string {
  checkToken(via.transport, 'via.transport');
  if (via.port !== undefined && (!Number.isInteger(via.port) || via.port < 1 || via.port > 65535)) {
    throw new TypeError(`via.port ${via.port} is not between 1 and 65535`);
  }
  const branch = via.branch ?? newBranch();
  checkToken(branch, 'via.branch');
  // RFC 5118 §4.3: an IPv6 sent-by is written as a reference, with the port outside "]".
  const host = via.host.indexOf(':') !== -1 && via.host.charCodeAt(0) !== 91 ? `[${via.host}]` : via.host;
  checkHeaderText(host, 'via.host');
  if (host.length === 0 || /\s/.test(host)) throw new TypeError(`via.host ${JSON.stringify(via.host)} is not a host`);
  let out = `SIP/2.0/${via.transport.toUpperCase()} ${host}`;
  if (via.port !== undefined) out += `:${via.port}`;
  out += `;branch=${branch}`;
  if (via.rport ?? DEFAULT_BUILD_REQUEST_OPTIONS.rport) out += ';rport';
  return out;
}

/** Builds a request per §8.1.1; throws TypeError for options that cannot make a valid request. */
export function buildRequest(options: BuildRequestOptions): SipRequest {
  checkToken(options.method, 'method');
  const uri = parseUriOption(options.requestUri, 'requestUri');
  if (isSipUri(uri) && uri.headers.length > 0) {
    throw new TypeError('requestUri carries ?headers; form the request with requestFromUri (§19.1.5)');
  }
  const cseq = options.cseq ?? DEFAULT_BUILD_REQUEST_OPTIONS.cseq;
  if (!Number.isInteger(cseq) || cseq < 0 || cseq > MAX_CSEQ) throw new TypeError(`cseq ${cseq} is not in 0..2^31-1`);
  const maxForwards = options.maxForwards ?? DEFAULT_BUILD_REQUEST_OPTIONS.maxForwards;
  if (!Number.isInteger(maxForwards) || maxForwards < 0 || maxForwards > 255) {
    throw new TypeError(`maxForwards ${maxForwards} is not in 0..255`);
  }
  const callId = options.callId ?? newCallId();
  if (callId.length === 0 || /[\s<>"]/.test(callId)) throw new TypeError(`callId ${JSON.stringify(callId)} is not a Call-ID`);

  const headers = new Headers();
  headers.append('Via', formatVia(options.via));
  headers.append('Max-Forwards', String(maxForwards));
  headers.append('To', formatAddress(options.to, 'to'));
  // §8.1.1.3: "The From field MUST contain a new "tag" parameter, chosen by the UAC."
  headers.append('From', formatAddress(options.from, 'from', addressTag(options.from) ?? newTag()));
  headers.append('Call-ID', callId);
  headers.append('CSeq', `${cseq} ${options.method}`);
  if (options.contact !== undefined) headers.append('Contact', formatAddress(options.contact, 'contact'));
  const body = appendHeadersAndBody(headers, options.headers, options.body, options.contentType);
  return { kind: 'request', method: options.method, uri, version: 'SIP/2.0', headers, body };
}
