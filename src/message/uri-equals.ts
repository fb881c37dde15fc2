/**
 * URI equality: RFC 3261 §19.1.4 for sip/sips, RFC 3966 §4 for tel, and scheme plus exact text
 * for any other scheme. Used to keep a target set free of duplicates (§8.1.3.4, §16.5).
 * Equality is not transitive (R-3261-19.1.4-b), so callers compare pairwise; never hash a
 * normalised string.
 */
import { SipParseError } from './errors.ts';
import { headerKey } from './header-names.ts';
import type { Params } from './params.ts';
import {
  type OpaqueUri, type SipUri, type TelUri, type Uri, isSipUri, isTelUri, parseUri,
} from './uri.ts';

/** §19.1.4: "A URI omitting any component with a default value will not match a URI explicitly
 * containing that component"; user, ttl, method, maddr and transport on one side only never match. */
const PARAMS_NEEDED_ON_BOTH_SIDES = new Set(['user', 'ttl', 'method', 'maddr', 'transport']);

/** RFC 2396 §2.2 reserved characters: only these stay escaped when comparing. */
const RESERVED = new Set([';', '/', '?', ':', '@', '&', '=', '+', '$', ',']);

/**
 * True when `a` and `b` are the same URI. A string is parsed with `parseUri`; a string that
 * does not parse equals nothing (not even itself).
 */
export function uriEquals(a: Uri | string, b: Uri | string): boolean {
  const left = typeof a === 'string' ? parseUri(a) : a;
  const right = typeof b === 'string' ? parseUri(b) : b;
  if (left instanceof SipParseError || right instanceof SipParseError) return false;
  if (isSipUri(left)) return isSipUri(right) && sipUriEquals(left, right);
  if (isTelUri(left)) return isTelUri(right) && telUriEquals(left, right);
  if (isSipUri(right) || isTelUri(right)) return false;
  const opaqueLeft = left as OpaqueUri;
  const opaqueRight = right as OpaqueUri;
  return opaqueLeft.scheme.toLowerCase() === opaqueRight.scheme.toLowerCase()
    && opaqueLeft.opaque === opaqueRight.opaque;
}

function sipUriEquals(a: SipUri, b: SipUri): boolean {
  // §19.1.4: "A SIP and SIPS URI are never equivalent."
  if (a.scheme !== b.scheme) return false;
  // "Comparison of the userinfo of SIP and SIPS URIs is case-sensitive."
  if (!optionalEquals(a.user, b.user, normaliseEscapes)) return false;
  if (!optionalEquals(a.password, b.password, normaliseEscapes)) return false;
  if (canonicalHost(a.host) !== canonicalHost(b.host)) return false;
  // "sip:bob@biloxi.com" and "sip:bob@biloxi.com:5060" may resolve to different ports.
  if (a.port !== b.port) return false;
  if (!uriParamsMatch(a.params, b.params)) return false;
  // "URI header components are never ignored."
  return sameMultiset(headerEntries(a.headers), headerEntries(b.headers));
}

function optionalEquals(a: string | undefined, b: string | undefined, normalise: (text: string) => string): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a === b || normalise(a) === normalise(b);
}

/**
 * §19.1.4: "Characters other than those in the reserved set are equivalent to their %HH
 * encoding." Decodes each escape once (RFC 4475 §3.1.1.3: never recursively); escaped reserved
 * characters stay escaped, with upper-case hex.
 */
function normaliseEscapes(text: string): string {
  if (text.indexOf('%') === -1) return text;
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_match, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return RESERVED.has(char) ? `%${hex.toUpperCase()}` : char;
  });
}

/** Everything but userinfo compares case-insensitively (§19.1.4). */
function normaliseInsensitive(text: string): string {
  return normaliseEscapes(text).toLowerCase();
}

/** Host names compare case-insensitively; IPv6 references by address (see `canonicalIpv6`). */
function canonicalHost(host: string): string {
  if (host.charCodeAt(0) === 91 /* [ */) {
    const canonical = canonicalIpv6(host.slice(1, -1));
    if (canonical !== undefined) return `[${canonical}]`;
  }
  return host.toLowerCase();
}

/**
 * The eight groups of an IPv6 address, lower-case hex without leading zeros, so that
 * `[2001:db8::10]` equals `[2001:DB8:0::10]`. RFC 3261 does not ask for this; we canonicalise
 * for comparison only, never on the wire (requirements §6.2). Tolerates the RFC 3261 ABNF's
 * three-colon form `2001:db8:::192.0.2.1` (RFC 5118 §4.10). Undefined when not an address.
 */
export function canonicalIpv6(text: string): string | undefined {
  let address = text.replace(':::', '::');
  const groups: number[] = [];
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  if (tail.indexOf('.') !== -1) {
    const octets = tail.split('.');
    if (octets.length !== 4 || !octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)) return undefined;
    const [o1, o2, o3, o4] = octets.map(Number) as [number, number, number, number];
    // keep the separator when the IPv4 part follows "::" directly
    address = `${address.slice(0, lastColon + 1)}${(o1 << 8 | o2).toString(16)}:${(o3 << 8 | o4).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    for (const group of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      out.push(parseInt(group, 16));
    }
    return out;
  };
  const head = parseGroups(halves[0]!);
  const rest = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (head === undefined || rest === undefined) return undefined;
  if (halves.length === 1) {
    if (head.length !== 8) return undefined;
    groups.push(...head);
  } else {
    const zeros = 8 - head.length - rest.length;
    if (zeros < 1) return undefined;
    groups.push(...head, ...new Array<number>(zeros).fill(0), ...rest);
  }
  return groups.map((group) => group.toString(16)).join(':');
}

/** Parameter names and values, escapes normalised and lower-cased; first occurrence wins. */
function paramMap(params: Params): Map<string, string> {
  const map = new Map<string, string>();
  for (const param of params) {
    const name = normaliseInsensitive(param.name);
    // ";lr" and ";lr=" are the same parameter (RFC 4475 esc01 writes ";%6C%72=").
    if (!map.has(name)) map.set(name, param.value === null ? '' : normaliseInsensitive(param.value));
  }
  return map;
}

function uriParamsMatch(a: Params, b: Params): boolean {
  if (a.length === 0 && b.length === 0) return true;
  const left = paramMap(a);
  const right = paramMap(b);
  for (const [name, value] of left) {
    const other = right.get(name);
    // "Any uri-parameter appearing in both URIs must match."
    if (other !== undefined) {
      if (other !== value) return false;
    } else if (PARAMS_NEEDED_ON_BOTH_SIDES.has(name)) return false;
    // "All other uri-parameters appearing in only one URI are ignored."
  }
  for (const name of right.keys()) {
    if (!left.has(name) && PARAMS_NEEDED_ON_BOTH_SIDES.has(name)) return false;
  }
  return true;
}

/** `?name=value` headers as "key\nvalue": names by header key (any case, compact form), values decoded. */
function headerEntries(headers: Params): string[] {
  return headers.map((header) => `${headerKey(normaliseEscapes(header.name))}\n${normaliseEscapes(header.value ?? '')}`);
}

function sameMultiset(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  const left = [...a].sort();
  const right = [...b].sort();
  return left.every((entry, index) => entry === right[index]);
}

/** RFC 3966 §4 visual separators, not significant for comparison. */
const VISUAL_SEPARATORS = /[-.()]/g;

/**
 * RFC 3966 §4: numbers compare without visual separators; "parameters are compared according to
 * pname, regardless of the order"; a parameter in only one URI makes them unequal; everything is
 * case-insensitive.
 */
function telUriEquals(a: TelUri, b: TelUri): boolean {
  if (a.number.replace(VISUAL_SEPARATORS, '').toLowerCase() !== b.number.replace(VISUAL_SEPARATORS, '').toLowerCase()) {
    return false;
  }
  if (a.params.length !== b.params.length) return false;
  const left = telParamMap(a.params);
  const right = telParamMap(b.params);
  if (left.size !== right.size) return false;
  for (const [name, value] of left) if (right.get(name) !== value) return false;
  return true;
}

function telParamMap(params: Params): Map<string, string> {
  const map = new Map<string, string>();
  for (const param of params) {
    const name = normaliseInsensitive(param.name);
    let value = param.value === null ? '' : normaliseInsensitive(param.value);
    // phone-context holds either a domain name or a number with visual separators
    if (name === 'phone-context' && value.startsWith('+')) value = value.replace(VISUAL_SEPARATORS, '');
    if (!map.has(name)) map.set(name, value);
  }
  return map;
}
