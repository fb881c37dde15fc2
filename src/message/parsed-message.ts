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

/** What both kinds share: headers, version and the body encoded on first read. */
abstract class ParsedMessage {
  version: string;
  headers: Headers;
  #body: PendingBody;

  constructor(version: string, headers: Headers, body: PendingBody) {
    this.version = version;
    this.headers = headers;
    this.#body = body;
  }

  get body(): Uint8Array {
    if (typeof this.#body === 'string') this.#body = Buffer.from(this.#body, 'utf8');
    return this.#body;
  }

  set body(body: Uint8Array) {
    this.#body = body;
  }
}

export class ParsedRequest extends ParsedMessage implements SipRequest {
  readonly kind = 'request' as const;
  method: string;
  uri: Uri;

  constructor(method: string, uri: Uri, version: string, headers: Headers, body: PendingBody) {
    super(version, headers, body);
    this.method = method;
    this.uri = uri;
  }
}

export class ParsedResponse extends ParsedMessage implements SipResponse {
  readonly kind = 'response' as const;
  status: number;
  reason: string;

  constructor(status: number, reason: string, version: string, headers: Headers, body: PendingBody) {
    super(version, headers, body);
    this.status = status;
    this.reason = reason;
  }
}
