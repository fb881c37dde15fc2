/**
 * Via (RFC 3261 §20.42, §25.1): sent-protocol LWS sent-by *( SEMI via-params ), with LWS allowed
 * around "/" (RFC 4475 §3.1.1.1), IPv6 sent-by (RFC 5118) and RFC 3581 rport.
 */
import { SipParseError } from './errors.ts';
import { type Params, paramValue, parseParams } from './params.ts';
import { abbreviate, isToken, parseDigits, skipWhitespace } from './sip-grammar.ts';

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

/** Parses one via-parm (one element of a Via list). */
export function parseVia(text: string): Via | SipParseError {
  const name = readProtocolPart(text, 0, true);
  if (name === undefined) return viaError(text, 'bad sent-protocol name');
  const version = readProtocolPart(text, name.next, true);
  if (version === undefined) return viaError(text, 'bad sent-protocol version');
  const transport = readProtocolPart(text, version.next, false);
  if (transport === undefined) return viaError(text, 'bad transport');
  let i = skipWhitespace(text, transport.next);
  if (i === transport.next) return viaError(text, 'no LWS before sent-by');
  const hostStart = i;
  let hostEnd: number;
  if (text.charCodeAt(i) === 91) {
    const close = text.indexOf(']', i);
    if (close === -1) return viaError(text, 'IPv6 sent-by without "]"');
    hostEnd = close + 1;
  } else {
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 58 || code === 59 || code === 32 || code === 9) break;
      i++;
    }
    hostEnd = i;
  }
  const host = text.slice(hostStart, hostEnd);
  if (host.length === 0 || !/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)$/.test(host)) return viaError(text, 'bad sent-by host');
  i = skipWhitespace(text, hostEnd);
  let port: number | undefined;
  if (text.charCodeAt(i) === 58) {
    i = skipWhitespace(text, i + 1);
    const portStart = i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    port = parseDigits(text.slice(portStart, i));
    if (port === undefined || port > 65535) return viaError(text, 'bad sent-by port');
  }
  const parsed = parseParams(text, i);
  if (parsed instanceof SipParseError) return parsed;
  if (parsed.end !== text.length) return viaError(text, 'unexpected text after the parameters');
  const params = parsed.params;
  const branch = paramValue(params, 'branch');
  const received = paramValue(params, 'received');
  const rportValue = paramValue(params, 'rport');
  let rport: number | null | undefined;
  if (rportValue === null || rportValue === '') rport = null;
  else if (rportValue !== undefined) {
    rport = parseDigits(rportValue);
    if (rport === undefined || rport > 65535) return viaError(text, 'bad rport');
  }
  return {
    protocolName: name.part,
    protocolVersion: version.part,
    transport: transport.part.toUpperCase(),
    host,
    port,
    params,
    branch: branch ?? undefined,
    received: received ?? undefined,
    rport,
  };
}
