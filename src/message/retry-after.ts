/** Retry-After (RFC 3261 §20.33): delta-seconds [ comment ] *( SEMI retry-param ). */
import { SipParseError } from './errors.ts';
import { type Params, NO_PARAMS, paramValue, parseParams } from './params.ts';
import { abbreviate, parseDigits } from './sip-grammar.ts';

export interface RetryAfter {
  readonly seconds: number;
  readonly comment: string | undefined;
  readonly duration: number | undefined;
  readonly params: Params;
}

export function parseRetryAfter(value: string): RetryAfter | SipParseError {
  const match = /^\s*([0-9]{1,10})\s*(\((?:[^()\\]|\\.)*\))?\s*/.exec(value);
  const seconds = match === null ? undefined : parseDigits(match[1]!);
  if (match === null || seconds === undefined || seconds > 4294967295) {
    return new SipParseError('SIP_ERR_HEADER_VALUE', `bad Retry-After ${abbreviate(value)}`);
  }
  const comment = match[2] === undefined ? undefined : match[2].slice(1, -1);
  let params: Params = NO_PARAMS;
  if (match[0].length < value.length) {
    const parsed = parseParams(value, match[0].length);
    if (parsed instanceof SipParseError) return parsed;
    if (parsed.end !== value.length) return new SipParseError('SIP_ERR_HEADER_VALUE', `bad Retry-After ${abbreviate(value)}`);
    params = parsed.params;
  }
  const duration = paramValue(params, 'duration');
  return { seconds, comment, duration: typeof duration === 'string' ? parseDigits(duration) : undefined, params };
}
