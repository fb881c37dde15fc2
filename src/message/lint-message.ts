/**
 * lintMessage: checks one SIP message against the rules a sender must follow and explains each
 * problem with a stable rule id and the RFC section it comes from (`retarget lint`). Parsing
 * (RFC 3261 §7, §25) comes first; a message that parses is then checked for the mandatory headers
 * (§8.1.1), single-value headers (§7.3.1), tags (§8.1.1.2-3), `Contact: *` (§10.2.2), Contact q
 * and expires (§20.10), framing (§7, §18.3, §7.4.1), Via branches (§8.1.1.7), Max-Forwards
 * (§20.22), redirects without Contact (§13.3.1.2) and the Request-URI (§10.2, §19.1.1).
 * The exact octets given are linted: nothing is normalised first.
 */
import { parseQValue } from './contact.ts';
import { type SipParseErrorCode, SipParseError } from './errors.ts';
import { checkHeaderValue } from './header-parsers.ts';
import { canonicalHeaderName, headerKey, isSingleValueHeader } from './header-names.ts';
import { parseIntegerHeader } from './integer-header.ts';
import { isKnownMethod } from './method.ts';
import { hasParam, paramValue } from './params.ts';
import { parseMessage } from './parse.ts';
import { trimWhitespace } from './sip-grammar.ts';
import type { SipMessage } from './types.ts';
import { isSipUri, parseUri } from './uri.ts';

export interface LintProblem {
  /** Stable id, such as `max-forwards-missing`; callers branch on it, not on `message`. */
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Where the rule comes from, such as `RFC 3261 §8.1.1.6`. */
  readonly rfc: string;
  /** The header the problem is in, canonically spelled. */
  readonly header?: string;
}

export interface LintReport {
  /** True when no problem is an error (warnings allowed). */
  readonly valid: boolean;
  readonly problems: LintProblem[];
  /** The parsed message, when it parses. */
  readonly message?: SipMessage;
}

/** What the rules see: the parsed message and the octets that followed its header section. */
interface LintContext {
  readonly message: SipMessage;
  readonly head: Uint8Array;
  /** Octets after the empty line, before Content-Length cuts them; undefined without an empty line. */
  readonly bodyOctets: number | undefined;
}

type Rule = (context: LintContext) => LintProblem[];

function problem(rule: string, severity: LintProblem['severity'], message: string, rfc: string, header?: string): LintProblem {
  return header === undefined ? { rule, severity, message, rfc } : { rule, severity, message, rfc, header };
}

// ---------------------------------------------------------------------------------------------
// Parse errors: one rule per SipParseError code. Without an `rfc`, the section of the header the
// defect is in applies (§20.x), else the grammar of §25.1. A code not listed gets its own name in
// lower kebab case (SIP_ERR_FOO_BAR → foo-bar).

interface ParseRule {
  readonly rule: string;
  readonly rfc?: string;
  /** The header to name when the error itself names none. */
  readonly header?: string;
}

const PARSE_RULES: Readonly<Partial<Record<SipParseErrorCode, ParseRule>>> = {
  SIP_ERR_EMPTY_MESSAGE: { rule: 'message-empty', rfc: 'RFC 3261 §7' },
  SIP_ERR_START_LINE: { rule: 'start-line-malformed', rfc: 'RFC 3261 §7.1' },
  SIP_ERR_VERSION: { rule: 'version-not-supported', rfc: 'RFC 3261 §7.1' },
  SIP_ERR_STATUS_CODE: { rule: 'status-code-invalid', rfc: 'RFC 3261 §7.2' },
  SIP_ERR_METHOD: { rule: 'method-invalid', rfc: 'RFC 3261 §7.1' },
  SIP_ERR_REQUEST_URI: { rule: 'request-uri-invalid', rfc: 'RFC 3261 §19.1.1' },
  SIP_ERR_URI: { rule: 'uri-invalid' },
  SIP_ERR_HEADER_LINE: { rule: 'header-line-malformed', rfc: 'RFC 3261 §7.3.1' },
  SIP_ERR_CONTENT_LENGTH: { rule: 'content-length-invalid', rfc: 'RFC 3261 §20.14' },
  SIP_ERR_CONTENT_LENGTH_DUPLICATE: { rule: 'duplicate-header', rfc: 'RFC 3261 §7.3.1' },
  SIP_ERR_BODY_TRUNCATED: { rule: 'content-length-mismatch', rfc: 'RFC 3261 §18.3', header: 'Content-Length' },
  SIP_ERR_MESSAGE_TOO_LARGE: { rule: 'message-too-large', rfc: 'RFC 3261 §21.4.11' },
  SIP_ERR_VIA: { rule: 'via-invalid', rfc: 'RFC 3261 §20.42' },
  SIP_ERR_EMPTY_PARAM: { rule: 'param-empty' },
  SIP_ERR_PARAM: { rule: 'param-invalid' },
  SIP_ERR_UNTERMINATED_QUOTE: { rule: 'quote-unterminated' },
  SIP_ERR_DISPLAY_NAME: { rule: 'display-name-invalid' },
  SIP_ERR_NAME_ADDR: { rule: 'name-addr-invalid' },
  SIP_ERR_ADDR_SPEC_NEEDS_BRACKETS: { rule: 'addr-spec-needs-brackets', rfc: 'RFC 3261 §20.10' },
  SIP_ERR_CSEQ: { rule: 'cseq-invalid', rfc: 'RFC 3261 §20.16' },
  SIP_ERR_CSEQ_METHOD_MISMATCH: { rule: 'cseq-method-mismatch', rfc: 'RFC 3261 §8.1.1.5' },
  SIP_ERR_INTEGER: { rule: 'integer-invalid' }, // named after the header when known: max-forwards-invalid …
  SIP_ERR_CALL_ID: { rule: 'call-id-invalid', rfc: 'RFC 3261 §20.8' },
  SIP_ERR_MISSING_HEADER: { rule: 'header-missing', rfc: 'RFC 3261 §8.1.1' },
  SIP_ERR_DUPLICATE_HEADER: { rule: 'duplicate-header', rfc: 'RFC 3261 §7.3.1' },
  SIP_ERR_HEADER_VALUE: { rule: 'header-value-invalid' },
  SIP_ERR_URI_METHOD: { rule: 'uri-method-invalid', rfc: 'RFC 3261 §19.1.5' },
  SIP_ERR_URI_HEADER: { rule: 'uri-header-invalid', rfc: 'RFC 3261 §19.1.5' },
};

/** The section defining each header that has a grammar check. */
const HEADER_SECTIONS: Readonly<Record<string, string>> = {
  'allow': 'RFC 3261 §20.5', 'authentication-info': 'RFC 3261 §20.6', 'authorization': 'RFC 3261 §20.7',
  'call-id': 'RFC 3261 §20.8', 'contact': 'RFC 3261 §20.10', 'content-encoding': 'RFC 3261 §20.12',
  'content-length': 'RFC 3261 §20.14', 'content-type': 'RFC 3261 §20.15', 'cseq': 'RFC 3261 §20.16',
  'expires': 'RFC 3261 §20.19', 'from': 'RFC 3261 §20.20', 'max-forwards': 'RFC 3261 §20.22',
  'min-expires': 'RFC 3261 §20.23', 'proxy-authenticate': 'RFC 3261 §20.27',
  'proxy-authorization': 'RFC 3261 §20.28', 'proxy-require': 'RFC 3261 §20.29',
  'record-route': 'RFC 3261 §20.30', 'reply-to': 'RFC 3261 §20.31', 'require': 'RFC 3261 §20.32',
  'retry-after': 'RFC 3261 §20.33', 'route': 'RFC 3261 §20.34', 'supported': 'RFC 3261 §20.37',
  'to': 'RFC 3261 §20.39', 'unsupported': 'RFC 3261 §20.40', 'via': 'RFC 3261 §20.42',
  'warning': 'RFC 3261 §20.43', 'www-authenticate': 'RFC 3261 §20.44', 'max-breadth': 'RFC 5393 §5.1',
  'path': 'RFC 3327 §4', 'reason': 'RFC 3326 §2', 'history-info': 'RFC 7044 §5', 'diversion': 'RFC 5806 §4',
};

/** Turns a SipParseError (from parsing, or from checking one header) into a problem. */
function problemFromParseError(error: SipParseError, headerName?: string): LintProblem {
  if (error.code === 'SIP_ERR_REQUEST_URI' && hasRequestUriHeaders(error.partial?.startLine)) {
    return problem('request-uri-headers', 'error', 'the Request-URI carries headers ("?…"), which Table 1 of §19.1.1 does not allow', 'RFC 3261 §19.1.1');
  }
  const entry = PARSE_RULES[error.code] ?? { rule: error.code.replace(/^SIP_ERR_/, '').toLowerCase().replaceAll('_', '-') };
  const name = error.header ?? headerName ?? entry.header;
  const key = name === undefined ? undefined : headerKey(name);
  const header = name === undefined ? undefined : canonicalHeaderName(name);
  const rule = error.code === 'SIP_ERR_INTEGER' && key !== undefined ? `${key}-invalid` : entry.rule;
  const rfc = entry.rfc ?? (key === undefined ? undefined : HEADER_SECTIONS[key]) ?? 'RFC 3261 §25.1';
  return problem(rule, 'error', header === undefined ? error.message : `${header}: ${error.message}`, rfc, header);
}

/** Whether the Request-URI of a request line is otherwise fine but has `?headers`. */
function hasRequestUriHeaders(startLine: string | undefined): boolean {
  if (startLine === undefined) return false;
  const uri = parseUri(startLine.slice(startLine.indexOf(' ') + 1, startLine.lastIndexOf(' ')));
  return !(uri instanceof SipParseError) && isSipUri(uri) && uri.headers.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Rules over a parsed message, in the order their problems are listed.

/** §7.1: methods are case-sensitive tokens; one we do not know gets 501 from a UAS (§8.2.1). */
const checkMethod: Rule = ({ message }) =>
  message.kind === 'request' && !isKnownMethod(message.method)
    ? [problem('method-unknown', 'warning', `${message.method} is not a known method; a UAS that does not implement it answers 501`, 'RFC 3261 §8.2.1')]
    : [];

/** §10.2: "The userinfo and "@" components of the SIP URI MUST NOT be present." */
const checkRegisterUri: Rule = ({ message }) =>
  message.kind === 'request' && message.method === 'REGISTER' && isSipUri(message.uri) && message.uri.user !== undefined
    ? [problem('register-uri-userinfo', 'error', `the REGISTER Request-URI must not carry userinfo (${message.uri.user}@)`, 'RFC 3261 §10.2')]
    : [];

/** §19.1.1 Table 1 / §19.1.5: the method parameter never appears in a Request-URI. */
const checkRequestUriMethod: Rule = ({ message }) =>
  message.kind === 'request' && isSipUri(message.uri) && hasParam(message.uri.params, 'method')
    ? [problem('request-uri-method-param', 'error', 'the Request-URI carries a method parameter, which Table 1 of §19.1.1 does not allow', 'RFC 3261 §19.1.1')]
    : [];

/** §7: every line ends in CRLF, and an empty line ends the header section. */
const checkFraming: Rule = ({ head, bodyOctets }) => {
  const problems: LintProblem[] = [];
  if (bodyOctets === undefined) {
    problems.push(problem('header-section-unterminated', 'error', 'no empty line (CRLF CRLF) ends the header section', 'RFC 3261 §7'));
  }
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 10 && (i === 0 || head[i - 1] !== 13)) {
      problems.push(problem('line-ending-not-crlf', 'warning', 'lines end in a bare LF; SIP lines end in CRLF', 'RFC 3261 §7'));
      break;
    }
  }
  return problems;
};

/** §8.1.1: a request carries To, From, CSeq, Call-ID, Max-Forwards and Via; §8.2.6.2 for responses. */
const MANDATORY_HEADERS = [
  ['to', '§8.1.1.2'], ['from', '§8.1.1.3'], ['call-id', '§8.1.1.4'], ['cseq', '§8.1.1.5'],
  ['max-forwards', '§8.1.1.6'], ['via', '§8.1.1.7'],
] as const;

const checkMandatoryHeaders: Rule = ({ message }) => {
  const problems: LintProblem[] = [];
  for (const [key, section] of MANDATORY_HEADERS) {
    if (message.headers.has(key)) continue;
    if (message.kind === 'response' && key === 'max-forwards') continue;
    const name = canonicalHeaderName(key);
    const rfc = message.kind === 'request' ? `RFC 3261 ${section}` : 'RFC 3261 §8.2.6.2';
    problems.push(problem(`${key}-missing`, 'error', `${name} is missing`, rfc, name));
  }
  return problems;
};

/** §7.3.1: only headers defined as comma-separated lists may appear more than once. */
const checkDuplicateHeaders: Rule = ({ message }) => {
  const counts = new Map<string, number>();
  for (const field of message.headers.fields) counts.set(field.key, (counts.get(field.key) ?? 0) + 1);
  const problems: LintProblem[] = [];
  for (const [key, count] of counts) {
    if (count < 2 || !isSingleValueHeader(key)) continue;
    const name = canonicalHeaderName(key);
    problems.push(problem('duplicate-header', 'error', `${name} appears ${count} times; it takes one value`, 'RFC 3261 §7.3.1', name));
  }
  return problems;
};

/** Every header value that does not follow its grammar (§25.1 and the header's section). */
const checkHeaderValues: Rule = ({ message }) => {
  const problems: LintProblem[] = [];
  for (const field of message.headers.fields) {
    const error = checkHeaderValue(field.key, field.value);
    if (error !== undefined) problems.push(problemFromParseError(error, field.name));
  }
  return problems;
};

/** §8.1.1.2: "A request outside of a dialog MUST NOT contain a To tag". */
const INITIAL_METHODS = new Set(['INVITE', 'OPTIONS', 'REGISTER', 'MESSAGE', 'SUBSCRIBE']);

const checkToTag: Rule = ({ message }) =>
  message.kind === 'request' && INITIAL_METHODS.has(message.method) && message.headers.toTag() !== undefined
    ? [problem('to-tag-on-initial-request', 'warning', `To has a tag; ${message.method} with a To tag is only valid inside a dialog`, 'RFC 3261 §8.1.1.2', 'To')]
    : [];

/** §8.1.1.3: "The From field MUST contain a new "tag" parameter, chosen by the UAC." */
const checkFromTag: Rule = ({ message }) =>
  message.kind === 'request' && message.headers.from() !== undefined && message.headers.fromTag() === undefined
    ? [problem('from-tag-missing', 'error', 'From has no tag parameter', 'RFC 3261 §8.1.1.3', 'From')]
    : [];

/** §10.2.2: `Contact: *` only in REGISTER, alone, and with `Expires: 0`. */
const checkContactStar: Rule = ({ message }) => {
  const values = message.headers.getAll('contact');
  if (!values.some((value) => trimWhitespace(value) === '*')) return [];
  const problems: LintProblem[] = [];
  if (message.kind !== 'request' || message.method !== 'REGISTER') {
    problems.push(problem('contact-star-outside-register', 'error', 'Contact: * is only allowed in REGISTER', 'RFC 3261 §10.2.2', 'Contact'));
  }
  if (values.length > 1) {
    problems.push(problem('contact-star-mixed', 'error', 'Contact: * must be the only Contact', 'RFC 3261 §10.2.2', 'Contact'));
  }
  const expires = message.headers.get('expires');
  if (expires === undefined || parseIntegerHeader(expires) !== 0) {
    const found = expires === undefined ? 'no Expires' : `Expires: ${expires}`;
    problems.push(problem('contact-star-expires', 'error', `Contact: * needs Expires: 0 (found ${found})`, 'RFC 3261 §10.2.2', 'Contact'));
  }
  return problems;
};

/** §20.10 / §25.1: qvalue = ("0" ["." 0*3DIGIT]) / ("1" ["." 0*3("0")]); expires = delta-seconds. */
const checkContactParams: Rule = ({ message }) => {
  const problems: LintProblem[] = [];
  for (const contact of message.headers.contacts()) {
    const q = paramValue(contact.params, 'q');
    if (q !== undefined && (q === null || parseQValue(q) === undefined)) {
      problems.push(problem('contact-q-invalid', 'error', `q=${q ?? ''} of <${contact.uriText}> is not a qvalue between 0 and 1 with at most 3 decimals`, 'RFC 3261 §20.10', 'Contact'));
    }
    const expires = paramValue(contact.params, 'expires');
    if (expires !== undefined && (expires === null || parseIntegerHeader(expires) instanceof SipParseError)) {
      problems.push(problem('contact-expires-invalid', 'error', `expires=${expires ?? ''} of <${contact.uriText}> is not delta-seconds (0 to 2^32-1)`, 'RFC 3261 §20.10', 'Contact'));
    }
  }
  return problems;
};

/** §18.3: Content-Length is mandatory on stream transports and counts the body octets exactly. */
const checkContentLength: Rule = ({ message, bodyOctets }) => {
  const declared = message.headers.contentLength();
  if (declared === undefined) {
    return [problem('content-length-missing', 'warning', 'Content-Length is missing; it is mandatory over TCP and TLS', 'RFC 3261 §18.3', 'Content-Length')];
  }
  if (bodyOctets !== undefined && declared !== bodyOctets) {
    return [problem('content-length-mismatch', 'error', `Content-Length is ${declared} but ${bodyOctets} octets follow the headers`, 'RFC 3261 §18.3', 'Content-Length')];
  }
  return [];
};

/** §7.4.1: "The Internet media type of the message body MUST be given by the Content-Type header field." */
const checkContentType: Rule = ({ message }) =>
  message.body.length > 0 && !message.headers.has('content-type')
    ? [problem('content-type-missing', 'error', `the body (${message.body.length} octets) has no Content-Type`, 'RFC 3261 §7.4.1', 'Content-Type')]
    : [];

/** §8.1.1.7: the branch "MUST always begin with the characters "z9hG4bK"". */
const checkViaBranches: Rule = ({ message }) => {
  const problems: LintProblem[] = [];
  for (const via of message.headers.via()) {
    const sentBy = via.port === undefined ? via.host : `${via.host}:${via.port}`;
    if (via.branch === undefined) {
      problems.push(problem('via-branch-missing', 'warning', `Via ${sentBy} has no branch parameter`, 'RFC 3261 §8.1.1.7', 'Via'));
    } else if (!via.branch.startsWith('z9hG4bK')) {
      problems.push(problem('via-branch-not-rfc3261', 'warning', `the branch of Via ${sentBy} does not start with the magic cookie z9hG4bK`, 'RFC 3261 §8.1.1.7', 'Via'));
    }
  }
  return problems;
};

/** §20.22: Max-Forwards is an integer in the range 0-255. */
const checkMaxForwards: Rule = ({ message }) => {
  const maxForwards = message.headers.maxForwards();
  return maxForwards !== undefined && maxForwards > 255
    ? [problem('max-forwards-out-of-range', 'error', `Max-Forwards ${maxForwards} is above 255`, 'RFC 3261 §20.22', 'Max-Forwards')]
    : [];
};

/** §13.3.1.2: a UAS sending 300, 301 or 302 SHOULD include a Contact with one or more URIs. */
const checkRedirectContact: Rule = ({ message }) =>
  message.kind === 'response' && message.status >= 300 && message.status <= 302 && !message.headers.has('contact')
    ? [problem('redirect-without-contact', 'warning', `a ${message.status} should list the new location in Contact`, 'RFC 3261 §13.3.1.2', 'Contact')]
    : [];

const RULES: readonly Rule[] = [
  checkMethod, checkRegisterUri, checkRequestUriMethod, checkFraming, checkMandatoryHeaders,
  checkDuplicateHeaders, checkHeaderValues, checkToTag, checkFromTag, checkContactStar,
  checkContactParams, checkContentLength, checkContentType, checkViaBranches, checkMaxForwards,
  checkRedirectContact,
];

/** Lints one whole message: octets as read from the wire or a file, or a string (UTF-8 encoded). */
export function lintMessage(input: Uint8Array | string): LintReport {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  // No size limit here: lint judges a message, not a datagram.
  const parsed = parseMessage(bytes, { maxMessageSize: Number.POSITIVE_INFINITY });
  if (parsed instanceof SipParseError) {
    return { valid: false, problems: [problemFromParseError(parsed)] };
  }
  const headEnd = findHeadEnd(bytes);
  const context: LintContext = {
    message: parsed,
    head: headEnd === undefined ? bytes : bytes.subarray(0, headEnd.start),
    bodyOctets: headEnd === undefined ? undefined : bytes.length - headEnd.body,
  };
  const problems = RULES.flatMap((rule) => rule(context));
  return { valid: problems.every((p) => p.severity !== 'error'), problems, message: parsed };
}

/** Where the header section ends, as parseMessage finds it: CRLF CRLF, else LF LF. */
function findHeadEnd(bytes: Uint8Array): { start: number; body: number } | undefined {
  for (let i = 0; i + 3 < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) return { start: i, body: i + 4 };
  }
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 10 && bytes[i + 1] === 10) return { start: i, body: i + 2 };
  }
  return undefined;
}
