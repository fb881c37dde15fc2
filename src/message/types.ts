/**
 * SIP messages as plain data (RFC 3261 §7): a start line, header fields kept in order and as
 * received, and the body as octets.
 */
import type { Headers } from './headers.ts';
import type { Uri } from './uri.ts';

export interface HeaderField {
  /** The name exactly as received or given (`v`, `ViA`, `Via` …). */
  readonly name: string;
  /** Lookup key: lower case, compact forms expanded (`via`). */
  readonly key: string;
  /** The value with surrounding whitespace removed and line folding replaced by one SP. */
  readonly value: string;
}

export interface SipRequest {
  readonly kind: 'request';
  method: string;
  uri: Uri;
  /** `SIP/2.0` */
  version: string;
  headers: Headers;
  body: Uint8Array;
}

export interface SipResponse {
  readonly kind: 'response';
  status: number;
  reason: string;
  version: string;
  headers: Headers;
  body: Uint8Array;
}

export type SipMessage = SipRequest | SipResponse;

export const EMPTY_BODY: Uint8Array = new Uint8Array(0);
