/**
 * Contact (RFC 3261 §20.10): `*` or a list of name-addr with q, expires and other parameters
 * (RFC 5626 +sip.instance and reg-id among them).
 */
import { SipParseError } from './errors.ts';
import { type NameAddr, ParsedNameAddr, parseNameAddrAs } from './name-addr.ts';
import { scannedCount, scannedValue } from './param-scanner.ts';
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
  const length = text.length;
  if (length === 0 || length > 5) return undefined;
  const first = text.charCodeAt(0);
  if (first !== 48 && first !== 49) return undefined;
  if (length === 1) return first - 48;
  if (text.charCodeAt(1) !== 46) return undefined;
  let thousandths = 0;
  for (let i = 2; i < 5; i++) {
    thousandths *= 10;
    if (i < length) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9 || (first === 49 && digit !== 0)) return undefined;
      thousandths += digit;
    }
  }
  return first - 48 + thousandths / 1000;
}

/** delta-seconds for Expires-like values; malformed → 3600, too large → 2^32-1. */
export function parseDeltaSeconds(text: string): number {
  const value = parseDigits(text);
  if (value === undefined) return 3600;
  return value > MAX_DELTA_SECONDS ? MAX_DELTA_SECONDS : value;
}

/** A Contact value: the checked name-addr plus q and expires read during the parameter scan. */
export class ParsedContact extends ParsedNameAddr implements Contact {
  q: number | undefined = undefined;
  expires: number | undefined = undefined;

  get instance(): string | undefined {
    const value = paramValue(this.params, '+sip.instance');
    return typeof value === 'string' ? unquote(value) : undefined;
  }

  get regId(): number | undefined {
    const value = paramValue(this.params, 'reg-id');
    return typeof value === 'string' ? parseDigits(value) : undefined;
  }

  override toJSON(): object {
    return { ...super.toJSON(), q: this.q, expires: this.expires };
  }
}

export function parseContact(text: string): Contact | SipParseError {
  const contact = parseNameAddrAs(text, ParsedContact);
  if (contact instanceof SipParseError) return contact;
  // parseNameAddrAs leaves the parameter offsets of `text` in the scanner.
  if (scannedCount === 0) return contact;
  const q = scannedValue(text, 'q');
  if (typeof q === 'string') contact.q = parseQValue(q);
  const expires = scannedValue(text, 'expires');
  if (expires !== undefined) contact.expires = expires === null ? 3600 : parseDeltaSeconds(expires);
  return contact;
}
