/** Reason (RFC 3326): protocol *(SEMI reason-params), with cause and text. */
import { SipParseError } from './errors.ts';
import { type Params, paramValue, parseParams } from './params.ts';
import { abbreviate, isToken, parseDigits, unquote } from './sip-grammar.ts';

export interface Reason {
  /** `SIP`, `Q.850` or another protocol token. */
  readonly protocol: string;
  readonly cause: number | undefined;
  readonly text: string | undefined;
  readonly params: Params;
}

export function parseReason(value: string): Reason | SipParseError {
  const semi = value.indexOf(';');
  const protocol = (semi === -1 ? value : value.slice(0, semi)).trim();
  if (!isToken(protocol)) return new SipParseError('SIP_ERR_HEADER_VALUE', `bad Reason protocol ${abbreviate(value)}`);
  if (semi === -1) return { protocol, cause: undefined, text: undefined, params: [] };
  const parsed = parseParams(value, semi);
  if (parsed instanceof SipParseError) return parsed;
  if (parsed.end !== value.length) return new SipParseError('SIP_ERR_HEADER_VALUE', `bad Reason ${abbreviate(value)}`);
  const cause = paramValue(parsed.params, 'cause');
  const text = paramValue(parsed.params, 'text');
  return {
    protocol,
    cause: typeof cause === 'string' ? parseDigits(cause) : undefined,
    text: typeof text === 'string' ? unquote(text) : undefined,
    params: parsed.params,
  };
}
