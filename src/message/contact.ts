/**
 * Contact (RFC 3261 §20.10): `*` or a list of name-addr with q, expires and other parameters
 * (RFC 5626 +sip.instance and reg-id among them).
 */
import { SipParseError } from './errors.ts';
import { type NameAddr, parseNameAddr } from './name-addr.ts';
import { scannedCount, scannedValue } from './param-scanner.ts';
import { type Params, paramValue } from './params.ts';
import type { Uri } from './uri.ts';
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

/** A Contact value: the checked name-addr plus q and expires read during the parameter scan. */
export class ParsedContact implements Contact {
  readonly q: number | undefined;
  readonly expires: number | undefined;
  readonly #nameAddr: NameAddr;

  constructor(nameAddr: NameAddr, q: number | undefined, expires: number | undefined) {
    this.#nameAddr = nameAddr;
    this.q = q;
    this.expires = expires;
  }

  get uri(): Uri { return this.#nameAddr.uri; }
  get uriText(): string { return this.#nameAddr.uriText; }
  get displayName(): string | undefined { return this.#nameAddr.displayName; }
  get params(): Params { return this.#nameAddr.params; }
  get tag(): string | undefined { return this.#nameAddr.tag; }
  get instance(): string | undefined {
    const value = paramValue(this.params, '+sip.instance');
    return typeof value === 'string' ? unquote(value) : undefined;
  }
  get regId(): number | undefined {
    const value = paramValue(this.params, 'reg-id');
    return typeof value === 'string' ? parseDigits(value) : undefined;
  }

  toJSON(): object {
    return { displayName: this.displayName, uriText: this.uriText, params: this.params, q: this.q, expires: this.expires };
  }
}

export function parseContact(text: string): Contact | SipParseError {
  const nameAddr = parseNameAddr(text);
  if (nameAddr instanceof SipParseError) return nameAddr;
  // parseNameAddr leaves the parameter offsets of `text` in the scanner.
  if (scannedCount === 0) return new ParsedContact(nameAddr, undefined, undefined);
  const q = scannedValue(text, 'q');
  const expires = scannedValue(text, 'expires');
  return new ParsedContact(
    nameAddr,
    typeof q === 'string' ? parseQValue(q) : undefined,
    typeof expires === 'string' ? parseDeltaSeconds(expires) : expires === null ? 3600 : undefined,
  );
}
