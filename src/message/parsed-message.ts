/**
 * The message objects `parseMessage` returns. They are plain `SipRequest` / `SipResponse` data
 * with one difference: when the input was a string, the body stays text until someone reads
 * `body`, and is encoded to octets (UTF-8) then. Assigning `body` replaces it as usual.
 */
import type { Headers } from './headers.ts';
import type { SipRequest, SipResponse } from './types.ts';
import type { Uri } from './uri.ts';

/** A body that is either octets already or text to encode on first read. */
export type PendingBody = Uint8Array | string;

function encode(body: PendingBody): Uint8Array {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

export class ParsedRequest implements SipRequest {
  readonly kind = 'request' as const;
  method: string;
  uri: Uri;
  version: string;
  headers: Headers;
  #body: PendingBody;

  constructor(method: string, uri: Uri, version: string, headers: Headers, body: PendingBody) {
    this.method = method;
    this.uri = uri;
    this.version = version;
    this.headers = headers;
    this.#body = body;
  }

  get body(): Uint8Array {
    if (typeof this.#body === 'string') this.#body = encode(this.#body);
    return this.#body;
  }

  set body(body: Uint8Array) {
    this.#body = body;
  }
}

export class ParsedResponse implements SipResponse {
  readonly kind = 'response' as const;
  status: number;
  reason: string;
  version: string;
  headers: Headers;
  #body: PendingBody;

  constructor(status: number, reason: string, version: string, headers: Headers, body: PendingBody) {
    this.status = status;
    this.reason = reason;
    this.version = version;
    this.headers = headers;
    this.#body = body;
  }

  get body(): Uint8Array {
    if (typeof this.#body === 'string') this.#body = encode(this.#body);
    return this.#body;
  }

  set body(body: Uint8Array) {
    this.#body = body;
  }
}
