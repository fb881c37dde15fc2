/**
 * Contact (RFC 3261 §20.10): `*` or a list of name-addr with q, expires and other parameters
 * (RFC 5626 +sip.instance and reg-id among them).
 */
import { SipParseError } from './errors.ts';
import { type NameAddr, parseNameAddr } from './name-addr.ts';
import { paramValue } from './params.ts';
import { parseDigits, unquote } from './sip-grammar.ts';

export interface Contact extends NameAddr {
  /** The q parameter when it follows the qvalue grammar; undefined otherwise (R-3261-20.10-b). */
  readonly q: number | undefined;
  /**
   * The expires parameter in seconds. Malformed values (RFC 2543 dates, text) count as 3600
   * (§20.10 / R-3261-8.3-e); values over 2^32-1 are capped.
   */
  readonly expires: number | undefined;
  /** RFC 5626 +sip.instance, without its quotes. */
  readonly instance: string | undefined;
  /** RFC 5626 reg-id. */
  readonly regId: number | undefined;
}

export const MAX_DELTA_SECONDS = 4294967295;

/** qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) */
export function parseQValue(text: string): number | undefined {
  if (!/^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$/.test(text)) return undefined;
  return Number(text);
}

/** delta-seconds for Expires-like values; malformed → 3600, too large → 2^32-1. */
export function parseDeltaSeconds(text: string): number {
  const value = parseDigits(text);
  if (value === undefined) return 3600;
  return value > MAX_DELTA_SECONDS ? MAX_DELTA_SECONDS : value;
}

export function parseContact(text: string): Contact | SipParseError {
  const nameAddr = parseNameAddr(text);
  if (nameAddr instanceof SipParseError) return nameAddr;
  const params = nameAddr.params;
  let q: string | null | undefined;
  let expires: string | null | undefined;
  let instance: string | null | undefined;
  let regId: string | null | undefined;
  if (params.length > 0) {
    q = paramValue(params, 'q');
    expires = paramValue(params, 'expires');
    instance = paramValue(params, '+sip.instance');
    regId = paramValue(params, 'reg-id');
  }
  // An explicit object literal keeps one hidden class for every Contact (a spread does not).
  return {
    displayName: nameAddr.displayName,
    uri: nameAddr.uri,
    uriText: nameAddr.uriText,
    params,
    q: typeof q === 'string' ? parseQValue(q) : undefined,
    expires: typeof expires === 'string' ? parseDeltaSeconds(expires) : expires === null ? 3600 : undefined,
    instance: typeof instance === 'string' ? unquote(instance) : undefined,
    regId: typeof regId === 'string' ? parseDigits(regId) : undefined,
  };
}
