/** The message layer (RFC 3261 §7, §19, §20, §25): sans-IO parsing, building and comparison. */
export * from './errors.ts';
export * from './types.ts';
export { Headers } from './headers.ts';
export { parseMessage, type ParseOptions, type ParseResult } from './parse.ts';
export { serializeMessage, messageToString } from './serialize.ts';
export { validateMessage } from './validate-message.ts';
export { headerKey, canonicalHeaderName, isListHeader, isSingleValueHeader } from './header-names.ts';
export { checkHeaderValue, parseCallId } from './header-parsers.ts';
export { splitHeaderList } from './split-list.ts';
export { type Param, type Params, paramValue, hasParam, formatParams } from './params.ts';
export {
  type Uri, type SipUri, type TelUri, type OpaqueUri, parseUri, formatUri, isSipUri, isTelUri,
  unescapeUriPart,
} from './uri.ts';
export { type NameAddr, parseNameAddr } from './name-addr.ts';
export { type Contact, parseContact, parseQValue, parseDeltaSeconds, MAX_DELTA_SECONDS } from './contact.ts';
export { type Via, parseVia } from './via.ts';
export { type CSeq, parseCSeq, MAX_CSEQ } from './cseq.ts';
export { parseIntegerHeader } from './integer-header.ts';
export { parseTokenList } from './token-list.ts';
export { type MediaType, parseMediaType } from './media-type.ts';
export { type AuthHeader, parseAuthHeader, parseAuthParams } from './auth-header.ts';
export { type Reason, parseReason } from './reason.ts';
export { type RetryAfter, parseRetryAfter } from './retry-after.ts';
export { type Warning, parseWarning } from './warning.ts';
export {
  type HistoryInfoEntry, type DiversionEntry, parseHistoryInfoEntry, parseDiversionEntry,
} from './retarget-history.ts';
export { KNOWN_METHODS, type KnownMethod, isKnownMethod } from './method.ts';
export {
  REASON_PHRASES, reasonPhrase, isProvisional, isSuccess, isRedirect, isFinal, isGlobalFailure,
} from './status.ts';
export { quote, unquote, isToken } from './sip-grammar.ts';
// Added by the URI-equality / builders work:
export { StreamFramer, type FramerEvent, type StreamFramerOptions } from './stream-framer.ts';
export { lintMessage, type LintReport, type LintProblem } from './lint-message.ts';
export { uriEquals } from './uri-equals.ts';
export {
  type RequestFromUri, type RequestFromUriOptions, type UriHeaderField, type IgnoredUriHeader, requestFromUri,
} from './request-from-uri.ts';
export { newBranch, newTag, newCallId, BRANCH_MAGIC_COOKIE } from './random-token.ts';
export {
  type BuildRequestOptions, type ViaOptions, type AddressInput, type AddressFields, type HeaderInput,
  DEFAULT_BUILD_REQUEST_OPTIONS, buildRequest,
} from './build-request.ts';
export { type BuildResponseOptions, buildResponse } from './build-response.ts';
