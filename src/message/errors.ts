/**
 * Parse errors of the message layer. Malformed input is a value (`SipParseError`), never an
 * exception: RFC 3261 §16.3 and §21.4.1 / §21.5.6 tell which response a malformed request gets,
 * and that status travels with the error so the transport can answer (or drop a response).
 */

export const SIP_PARSE_ERROR_CODES = {
  SIP_ERR_EMPTY_MESSAGE: 'the input holds no SIP message (empty, or only CRLF keep-alives)',
  SIP_ERR_START_LINE: 'the request line or status line is malformed',
  SIP_ERR_VERSION: 'the SIP-Version is not SIP/2.0',
  SIP_ERR_STATUS_CODE: 'the status code is not three digits between 100 and 699',
  SIP_ERR_METHOD: 'the method is not a token',
  SIP_ERR_REQUEST_URI: 'the Request-URI is malformed (brackets, LWS, headers or a bad host)',
  SIP_ERR_URI: 'a URI is malformed',
  SIP_ERR_HEADER_LINE: 'a header line has no colon or its name is not a token',
  SIP_ERR_CONTENT_LENGTH: 'Content-Length is not a non-negative integer',
  SIP_ERR_CONTENT_LENGTH_DUPLICATE: 'Content-Length appears more than once',
  SIP_ERR_BODY_TRUNCATED: 'fewer body octets arrived than Content-Length announces',
  SIP_ERR_MESSAGE_TOO_LARGE: 'the message is larger than the configured limit',
  SIP_ERR_VIA: 'a Via header value is malformed',
  SIP_ERR_EMPTY_PARAM: 'a parameter list holds an empty parameter (";;")',
  SIP_ERR_PARAM: 'a parameter is malformed',
  SIP_ERR_UNTERMINATED_QUOTE: 'a quoted string has no closing quote',
  SIP_ERR_DISPLAY_NAME: 'a display name holds characters that need quoting',
  SIP_ERR_NAME_ADDR: 'a name-addr is malformed (angle brackets, spaces inside <>)',
  SIP_ERR_ADDR_SPEC_NEEDS_BRACKETS: 'an addr-spec holding "?", "," or ";" must be written inside < >',
  SIP_ERR_CSEQ: 'CSeq is not "number method" with 0 <= number < 2^31',
  SIP_ERR_CSEQ_METHOD_MISMATCH: 'the CSeq method differs from the request method',
  SIP_ERR_INTEGER: 'a header that holds an integer (Max-Forwards, Expires, …) is malformed',
  SIP_ERR_CALL_ID: 'Call-ID is empty or malformed',
  SIP_ERR_MISSING_HEADER: 'a mandatory header (To, From, CSeq, Call-ID, Max-Forwards, Via) is missing',
  SIP_ERR_DUPLICATE_HEADER: 'a header that takes one value appears more than once',
  SIP_ERR_HEADER_VALUE: 'a header value does not follow its grammar',
  SIP_ERR_URI_METHOD: 'a URI method parameter asks for another method than the redirected request (skip the target)',
  SIP_ERR_URI_HEADER: 'a header embedded in a URI is malformed or would make the request invalid (skip the target)',
} as const;

export type SipParseErrorCode = keyof typeof SIP_PARSE_ERROR_CODES;

/** What could be read before the error: enough to build a 4xx for a malformed request (§8.2.6). */
export interface PartialMessage {
  readonly startLine?: string;
  readonly isRequest?: boolean;
  readonly method?: string;
}

export class SipParseError {
  readonly name = 'SipParseError';
  readonly code: SipParseErrorCode;
  /** The response a request with this defect gets (400, 416, 501, 505, 513 …). */
  readonly responseStatus: number;
  readonly message: string;
  /** The header the defect is in, as named on the wire, when it is in one. */
  readonly header: string | undefined;
  readonly partial: PartialMessage | undefined;

  constructor(
    code: SipParseErrorCode,
    detail: string,
    options: { responseStatus?: number; header?: string; partial?: PartialMessage } = {},
  ) {
    this.code = code;
    this.responseStatus = options.responseStatus ?? 400;
    this.header = options.header;
    this.partial = options.partial;
    this.message = `${SIP_PARSE_ERROR_CODES[code]}: ${detail}`;
  }

  /** Returns a copy that names the header and the partial message read so far. */
  within(header: string | undefined, partial?: PartialMessage): SipParseError {
    const options: { responseStatus: number; header?: string; partial?: PartialMessage } = {
      responseStatus: this.responseStatus,
    };
    const named = this.header ?? header;
    if (named !== undefined) options.header = named;
    const known = this.partial ?? partial;
    if (known !== undefined) options.partial = known;
    const copy = new SipParseError(this.code, '', options);
    (copy as { message: string }).message = this.message;
    return copy;
  }
}

export function isSipParseError(value: unknown): value is SipParseError {
  return value instanceof SipParseError;
}
