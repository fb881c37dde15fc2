/**
 * Retargeting history headers: History-Info (RFC 7044 §5) and Diversion (RFC 5806 §4, with
 * errata 3177). Both are lists of name-addr with parameters.
 */
import { SipParseError } from './errors.ts';
import { type NameAddr, parseNameAddr } from './name-addr.ts';
import { paramValue } from './params.ts';
import { abbreviate, parseDigits, unquote } from './sip-grammar.ts';

export interface HistoryInfoEntry extends NameAddr {
  /** index = number *("." number), mandatory in RFC 7044. */
  readonly index: string;
  readonly rc: string | undefined;
  readonly mp: string | undefined;
  readonly np: string | undefined;
}

export function parseHistoryInfoEntry(text: string): HistoryInfoEntry | SipParseError {
  const nameAddr = parseNameAddr(text);
  if (nameAddr instanceof SipParseError) return nameAddr;
  const index = paramValue(nameAddr.params, 'index');
  if (typeof index !== 'string' || !/^[0-9]+(\.[0-9]+)*$/.test(index)) {
    return new SipParseError('SIP_ERR_HEADER_VALUE', `History-Info entry without a valid index: ${abbreviate(text)}`);
  }
  const text_ = (name: string): string | undefined => {
    const value = paramValue(nameAddr.params, name);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    displayName: nameAddr.displayName, uri: nameAddr.uri, uriText: nameAddr.uriText, params: nameAddr.params,
    tag: nameAddr.tag, index, rc: text_('rc'), mp: text_('mp'), np: text_('np'),
  };
}

export interface DiversionEntry extends NameAddr {
  readonly reason: string | undefined;
  readonly counter: number | undefined;
  readonly limit: number | undefined;
}

export function parseDiversionEntry(text: string): DiversionEntry | SipParseError {
  const nameAddr = parseNameAddr(text);
  if (nameAddr instanceof SipParseError) return nameAddr;
  const reason = paramValue(nameAddr.params, 'reason');
  const counter = paramValue(nameAddr.params, 'counter');
  const limit = paramValue(nameAddr.params, 'limit');
  return {
    displayName: nameAddr.displayName, uri: nameAddr.uri, uriText: nameAddr.uriText, params: nameAddr.params,
    tag: nameAddr.tag,
    reason: typeof reason === 'string' ? unquote(reason) : undefined,
    counter: typeof counter === 'string' ? parseDigits(counter) : undefined,
    limit: typeof limit === 'string' ? parseDigits(limit) : undefined,
  };
}
