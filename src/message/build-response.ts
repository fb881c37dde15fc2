/**
 * buildResponse: a response to a request as RFC 3261 §8.2.6 composes it — Via (every value, in
 * order), From, To (with a To tag on anything but 100), Call-ID and CSeq copied from the request,
 * then extra headers and the body. Bad options throw `TypeError` (house style §5).
 */
import { type HeaderInput, appendHeadersAndBody } from './build-request.ts';
import { Headers } from './headers.ts';
import { newTag } from './random-token.ts';
import { isToken } from './sip-grammar.ts';
import { reasonPhrase } from './status.ts';
import type { SipRequest, SipResponse } from './types.ts';

export interface BuildResponseOptions {
  /** Default: the phrase from status.ts (§21). */
  readonly reason?: string;
  /** The To tag to add when the request's To has none; default a new tag (§19.3). */
  readonly toTag?: string;
  readonly headers?: Iterable<HeaderInput>;
  /** A string body is UTF-8 encoded. */
  readonly body?: Uint8Array | string;
  readonly contentType?: string;
}

/** Builds a response to `request`; throws TypeError for a status outside 100..699 or bad options. */
export function buildResponse(request: SipRequest, status: number, options?: BuildResponseOptions): SipResponse {
  if (!Number.isInteger(status) || status < 100 || status > 699) throw new TypeError(`status ${status} is not in 100..699`);
  const reason = options?.reason ?? reasonPhrase(status);
  if (/[\r\n\0]/.test(reason)) throw new TypeError('reason holds CR, LF or NUL');
  const headers = new Headers();
  // §8.2.6.2: "The Via header field values in the response MUST equal the Via header field
  // values in the request and MUST maintain the same ordering."
  for (const via of request.headers.getAll('via')) headers.append('Via', via);
  // "the From field of the response MUST equal the From header field of the request"
  const from = request.headers.get('from');
  if (from !== undefined) headers.append('From', from);
  const to = request.headers.get('to');
  if (to !== undefined) {
    // "If a request contained a To tag in the request, the To header field in the response MUST
    // equal that of the request. However, if the To header field in the request did not contain
    // a tag, ... the UAS MUST add a tag to the To header field in the response (with the
    // exception of the 100 (Trying) response, in which a tag MAY be present)."
    if (status === 100 || request.headers.toTag() !== undefined) headers.append('To', to);
    else {
      const tag = options?.toTag ?? newTag();
      if (!isToken(tag)) throw new TypeError(`toTag ${JSON.stringify(tag)} is not a token`);
      headers.append('To', `${to};tag=${tag}`);
    }
  }
  const callId = request.headers.get('call-id');
  if (callId !== undefined) headers.append('Call-ID', callId);
  const cseq = request.headers.get('cseq');
  if (cseq !== undefined) headers.append('CSeq', cseq);
  // §8.2.6.1: "any Timestamp header field present in the request MUST be copied into this
  // 100 (Trying) response."
  if (status === 100) {
    const timestamp = request.headers.get('timestamp');
    if (timestamp !== undefined) headers.append('Timestamp', timestamp);
  }
  const body = appendHeadersAndBody(headers, options?.headers, options?.body, options?.contentType);
  return { kind: 'response', status, reason, version: 'SIP/2.0', headers, body };
}
