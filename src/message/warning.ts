/** Warning (RFC 3261 §20.43): warn-code SP warn-agent SP warn-text, one element of the list. */
import { SipParseError } from './errors.ts';
import { abbreviate, unquote } from './sip-grammar.ts';

export interface Warning {
  readonly code: number;
  readonly agent: string;
  readonly text: string;
}

export function parseWarning(value: string): Warning | SipParseError {
  const match = /^\s*([0-9]{3})\s+(\S+)\s+("(?:[^"\\]|\\.)*")\s*$/.exec(value);
  if (match === null) return new SipParseError('SIP_ERR_HEADER_VALUE', `bad Warning ${abbreviate(value)}`);
  return { code: Number(match[1]), agent: match[2]!, text: unquote(match[3]!) };
}
