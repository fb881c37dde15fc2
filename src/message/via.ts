/**
 * Via (RFC 3261 §20.42, §25.1): sent-protocol LWS sent-by *( SEMI via-params ), with LWS allowed
 * around "/" (RFC 4475 §3.1.1.1), IPv6 sent-by (RFC 5118) and RFC 3581 rport.
 * The parameters are checked in one pass; branch, received and rport are read during it and the
 * full parameter list is built only when asked for.
 */
import { SipParseError } from './errors.ts';
import { scanHeaderParams, scannedValue } from './param-scanner.ts';
import { type Params, NO_PARAMS, parseParams } from './params.ts';
import { abbreviate, isToken, isTokenCode, parseDigits, parseDigitsAt, skipWhitespace } from './sip-grammar.ts';

export interface Via {
  readonly protocolName: string;
  readonly protocolVersion: string;
  /** Transport in upper case: UDP, TCP, TLS, SCTP, WS, WSS or any token. */
  readonly transport: string;
  /** sent-by host; IPv6 references keep their brackets. */
  readonly host: string;
  readonly port: number | undefined;
  readonly params: Params;
  readonly branch: string | undefined;
  readonly received: string | undefined;
  /** RFC 3581: `null` for a bare `;rport`, the number when filled in, undefined when absent. */
  readonly rport: number | null | undefined;
}

class ParsedVia implements Via {
  readonly protocolName: string;
  readonly protocolVersion: string;
  readonly transport: string;
  readonly host: string;
  readonly port: number | undefined;
  readonly branch: string | undefined;
  readonly received: string | undefined;
  readonly rport: number | null | undefined;
  readonly #text: string;
  readonly #paramsStart: number;
  #params: Params | undefined;

  constructor(text: string, name: string, version: string, transport: string, host: string, port: number | undefined,
    paramsStart: number, branch: string | undefined, received: string | undefined, rport: number | null | undefined) {
    this.#text = text;
    this.protocolName = name;
    this.protocolVersion = version;
    this.transport = transport;
    this.host = host;
    this.port = port;
    this.#paramsStart = paramsStart;
    this.branch = branch;
    this.received = received;
    this.rport = rport;
  }

  get params(): Params {
    if (this.#params === undefined) {
      // Already checked by scanHeaderParams, so parsing cannot fail here.
      const parsed = this.#paramsStart === -1 ? undefined : parseParams(this.#text, this.#paramsStart);
      this.#params = parsed === undefined || parsed instanceof SipParseError ? NO_PARAMS : parsed.params;
    }
    return this.#params;
  }

  toJSON(): object {
    const { protocolName, protocolVersion, transport, host, port, branch, received, rport } = this;
    return { protocolName, protocolVersion, transport, host, port, branch, received, rport, params: this.params };
  }
}

function viaError(text: string, why: string): SipParseError {
  return new SipParseError('SIP_ERR_VIA', `${why} in ${abbreviate(text)}`);
}

/** Reads a token and the "/" after it, allowing LWS on both sides of the slash. */
function readProtocolPart(text: string, index: number, slash: boolean): { part: string; next: number } | undefined {
  const start = skipWhitespace(text, index);
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 47 || code === 32 || code === 9) break;
    i++;
  }
  const part = text.slice(start, i);
  if (!isToken(part)) return undefined;
  if (!slash) return { part, next: i };
  i = skipWhitespace(text, i);
  if (text.charCodeAt(i) !== 47) return undefined;
  return { part, next: i + 1 };
}

/** Characters of a hostname or IPv4 sent-by ("_" tolerated, as seen in the wild). */
const HOST_CHARS = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._') HOST_CHARS[ch.charCodeAt(0)] = 1;

function isHostCode(code: number): boolean {
  return code < 128 && HOST_CHARS[code] === 1;
}

/** The transport token after "SIP/2.0/" (ending at `end`) when it is one of the usual ones. */
function commonTransport(text: string, end: number): string | undefined {
  const a = text.charCodeAt(8);
  const b = text.charCodeAt(9);
  if (end === 11) {
    const c = text.charCodeAt(10);
    if (a === 85 && b === 68 && c === 80) return 'UDP';
    if (a === 84 && b === 67 && c === 80) return 'TCP';
    if (a === 84 && b === 76 && c === 83) return 'TLS';
    if (a === 87 && b === 83 && c === 83) return 'WSS';
  } else if (end === 10 && a === 87 && b === 83) return 'WS';
  return undefined;
}

/** Transports are case-insensitive tokens; the common ones are already written in upper case. */
function upperCaseTransport(transport: string): string {
  switch (transport) {
    case 'UDP': case 'TCP': case 'TLS': case 'WS': case 'WSS': case 'SCTP': return transport;
    default: return transport.toUpperCase();
  }
}

/** Parses one via-parm (one element of a Via list). */
export function parseVia(text: string): Via | SipParseError {
  let name: string;
  let version: string;
  let transport: string;
  let i: number;
  // Hot path: "SIP/2.0/" written without LWS, as nearly every Via is.
  if (text.startsWith('SIP/2.0/')) {
    i = 8;
    while (i < text.length && isTokenCode(text.charCodeAt(i))) i++;
    if (i === 8 || (i < text.length && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9)) {
      return viaError(text, 'bad transport');
    }
    transport = commonTransport(text, i) ?? text.slice(8, i);
    name = 'SIP';
    version = '2.0';
  } else {
    const nameRead = readProtocolPart(text, 0, true);
    if (nameRead === undefined) return viaError(text, 'bad sent-protocol name');
    const versionRead = readProtocolPart(text, nameRead.next, true);
    if (versionRead === undefined) return viaError(text, 'bad sent-protocol version');
    const transportRead = readProtocolPart(text, versionRead.next, false);
    if (transportRead === undefined) return viaError(text, 'bad transport');
    name = nameRead.part;
    version = versionRead.part;
    transport = transportRead.part;
    i = transportRead.next;
  }
  const afterTransport = i;
  i = skipWhitespace(text, i);
  if (i === afterTransport) return viaError(text, 'no LWS before sent-by');
  const hostStart = i;
  if (text.charCodeAt(i) === 91) {
    const close = text.indexOf(']', i);
    if (close === -1) return viaError(text, 'IPv6 sent-by without "]"');
    for (let j = i + 1; j < close; j++) {
      const code = text.charCodeAt(j);
      if (!((code >= 48 && code <= 58) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102) || code === 46)) {
        return viaError(text, 'bad IPv6 sent-by');
      }
    }
    i = close + 1;
  } else {
    while (i < text.length && isHostCode(text.charCodeAt(i))) i++;
  }
  if (i === hostStart) return viaError(text, 'bad sent-by host');
  const host = text.slice(hostStart, i);
  i = skipWhitespace(text, i);
  let port: number | undefined;
  if (text.charCodeAt(i) === 58) {
    i = skipWhitespace(text, i + 1);
    const portStart = i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    port = i - portStart > 5 ? undefined : parseDigitsAt(text, portStart, i);
    if (port === undefined || port > 65535) return viaError(text, 'bad sent-by port');
  }
  if (i < text.length && text.charCodeAt(i) !== 59 && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) {
    return viaError(text, 'unexpected text after sent-by');
  }
  const count = scanHeaderParams(text, i);
  if (typeof count !== 'number') return count;
  let branch: string | null | undefined;
  let received: string | null | undefined;
  let rport: number | null | undefined;
  if (count > 0) {
    branch = scannedValue(text, 'branch');
    // A lone parameter that is the branch leaves nothing else to look for.
    const onlyBranch = count === 1 && branch !== undefined;
    received = onlyBranch ? undefined : scannedValue(text, 'received');
    const rportValue = onlyBranch ? undefined : scannedValue(text, 'rport');
    if (rportValue === null || rportValue === '') rport = null;
    else if (rportValue !== undefined) {
      rport = parseDigits(rportValue);
      if (rport === undefined || rport > 65535) return viaError(text, 'bad rport');
    }
  }
  return new ParsedVia(text, name, version, upperCaseTransport(transport), host, port, count > 0 ? i : -1,
    branch ?? undefined, received ?? undefined, rport);
}
