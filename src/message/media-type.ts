/** Content-Type (RFC 3261 §20.15): m-type SLASH m-subtype *(SEMI m-parameter). */
import { SipParseError } from './errors.ts';
import { type Params, NO_PARAMS, parseParams } from './params.ts';
import { abbreviate, isToken, trimWhitespace } from './sip-grammar.ts';

export interface MediaType {
  /** `type/subtype` in lower case. */
  readonly mediaType: string;
  readonly params: Params;
}

export function parseMediaType(value: string): MediaType | SipParseError {
  const semi = value.indexOf(';');
  const head = trimWhitespace(semi === -1 ? value : value.slice(0, semi));
  const slash = head.indexOf('/');
  const type = trimWhitespace(head.slice(0, slash));
  const subtype = trimWhitespace(head.slice(slash + 1));
  if (slash === -1 || !isToken(type) || !isToken(subtype)) {
    return new SipParseError('SIP_ERR_HEADER_VALUE', `bad media type ${abbreviate(value)}`);
  }
  let params: Params = NO_PARAMS;
  if (semi !== -1) {
    const parsed = parseParams(value, semi);
    if (parsed instanceof SipParseError) return parsed;
    if (parsed.end !== value.length) return new SipParseError('SIP_ERR_HEADER_VALUE', `bad media type parameters ${abbreviate(value)}`);
    params = parsed.params;
  }
  return { mediaType: `${type}/${subtype}`.toLowerCase(), params };
}
