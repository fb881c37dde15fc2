/**
 * The header fields of a message, in order and as received, with typed access that parses a
 * header on first use and caches the result until the fields change. Malformed values of
 * headers not checked by `parseMessage` read as absent (RFC 3261 §16.3: malformed headers not
 * needed for the job are ignored); `retarget lint` reports them.
 */
import type { AuthHeader } from './auth-header.ts';
import type { Contact } from './contact.ts';
import type { CSeq } from './cseq.ts';
import { SipParseError } from './errors.ts';
import { LIST_PARSERS, SINGLE_PARSERS } from './header-parsers.ts';
import { canonicalHeaderName, headerKey } from './header-names.ts';
import type { HeaderLines } from './header-lines.ts';
import type { MediaType } from './media-type.ts';
import { type NameAddr, parseNameAddr } from './name-addr.ts';
import { scanHeaderParams, scannedValue } from './param-scanner.ts';
import type { Reason } from './reason.ts';
import type { DiversionEntry, HistoryInfoEntry } from './retarget-history.ts';
import type { RetryAfter } from './retry-after.ts';
import { splitHeaderList } from './split-list.ts';
import type { HeaderField } from './types.ts';
import { type Via, parseVia } from './via.ts';
import { scanQuotedString, trimWhitespace } from './sip-grammar.ts';
import type { Warning } from './warning.ts';

const NONE: readonly never[] = Object.freeze([]) as readonly never[];
/** Marks the parser's own construction: no field array is allocated, the lines stand in. */
const FROM_PARSER: readonly never[] = Object.freeze([]) as readonly never[];


/** The headers `parseMessage` has already parsed and checked, handed over so they aren't parsed twice. */
export interface ParsedCoreHeaders {
  contacts: Contact[];
  contactStar: boolean;
  callId: string | undefined;
  cseq: CSeq | undefined;
  maxForwards: number | undefined;
  contentLength: number | undefined;
}

export class Headers {
  /** The fields once listed or changed; until then the parsed lines below stand in for them. */
  #materialized: HeaderField[] | undefined;
  #lines: HeaderLines | undefined;
  #cache: Map<string, unknown> | undefined;
  #core: ParsedCoreHeaders | undefined;
  // Via, From and To are parsed on first read (validateMessage checks them strictly); null: absent or malformed.
  #topVia: Via | null | undefined;
  #from: NameAddr | null | undefined;
  #to: NameAddr | null | undefined;

  constructor(fields?: Iterable<HeaderField | readonly [name: string, value: string]>) {
    if (fields === FROM_PARSER) return; // fromParsed fills in the lines
    this.#materialized = [];
    if (fields === undefined) return;
    for (const field of fields) {
      if (Array.isArray(field)) {
        const [name, value] = field as readonly [string, string];
        this.#materialized.push({ name, key: headerKey(name), value });
      } else this.#materialized.push(field as HeaderField);
    }
  }

  /** @internal Used by the parser, which has already split the lines and parsed some of them. */
  static fromParsed(lines: HeaderLines, core: ParsedCoreHeaders | undefined): Headers {
    const headers = new Headers(FROM_PARSER);
    headers.#lines = lines;
    headers.#core = core;
    return headers;
  }

  get #fields(): HeaderField[] {
    if (this.#materialized === undefined) {
      this.#materialized = this.#lines!.toFields();
      this.#lines = undefined;
    }
    return this.#materialized;
  }

  get fields(): readonly HeaderField[] {
    return this.#fields;
  }

  get size(): number {
    return this.#lines !== undefined ? this.#lines.length : this.#fields.length;
  }

  /** The value of the first field with this name (any case, compact or long form). */
  get(name: string): string | undefined {
    const key = headerKey(name);
    const lines = this.#lines;
    if (lines !== undefined) {
      for (let i = 0; i < lines.length; i++) if (lines.keyAt(i) === key) return lines.valueAt(i);
      return undefined;
    }
    for (const field of this.#fields) if (field.key === key) return field.value;
    return undefined;
  }

  /** The value of every field with this name, one string per header line. */
  getAll(name: string): string[] {
    const key = headerKey(name);
    const values: string[] = [];
    const lines = this.#lines;
    if (lines !== undefined) {
      for (let i = 0; i < lines.length; i++) if (lines.keyAt(i) === key) values.push(lines.valueAt(i));
      return values;
    }
    for (const field of this.#fields) if (field.key === key) values.push(field.value);
    return values;
  }

  /** The elements of a list header across all its fields (commas split outside quotes and < >). */
  list(name: string): string[] {
    const values: string[] = [];
    for (const value of this.getAll(name)) values.push(...splitHeaderList(value));
    return values;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  count(name: string): number {
    return this.getAll(name).length;
  }

  /** Adds a field after the others. */
  append(name: string, value: string): this {
    this.#fields.push({ name: canonicalHeaderName(name), key: headerKey(name), value });
    this.#cache = undefined;
    this.#core = undefined;
    this.#topVia = this.#from = this.#to = undefined;
    return this;
  }

  /** Adds a field before the first field of the same name, or first of all (for Via, Route). */
  prepend(name: string, value: string): this {
    const key = headerKey(name);
    const index = this.#fields.findIndex((field) => field.key === key);
    this.#fields.splice(index === -1 ? 0 : index, 0, { name: canonicalHeaderName(name), key, value });
    this.#cache = undefined;
    this.#core = undefined;
    this.#topVia = this.#from = this.#to = undefined;
    return this;
  }

  /** Replaces every field of this name with one field, kept where the first one stood. */
  set(name: string, value: string): this {
    const key = headerKey(name);
    const index = this.#fields.findIndex((field) => field.key === key);
    if (index === -1) return this.append(name, value);
    const keep = this.#fields[index]!;
    this.remove(name);
    this.#fields.splice(index, 0, { name: keep.name, key, value });
    return this;
  }

  /** Removes every field of this name; returns how many went. */
  remove(name: string): number {
    const key = headerKey(name);
    const before = this.#fields.length;
    for (let i = this.#fields.length - 1; i >= 0; i--) if (this.#fields[i]!.key === key) this.#fields.splice(i, 1);
    this.#cache = undefined;
    this.#core = undefined;
    this.#topVia = this.#from = this.#to = undefined;
    return before - this.#fields.length;
  }

  /** Removes the first element of a list header (the top Via on a response, §18.1.2). */
  removeFirst(name: string): string | undefined {
    const key = headerKey(name);
    const index = this.#fields.findIndex((field) => field.key === key);
    if (index === -1) return undefined;
    const field = this.#fields[index]!;
    const elements = splitHeaderList(field.value);
    const first = elements.shift();
    if (elements.length === 0) this.#fields.splice(index, 1);
    else this.#fields[index] = { name: field.name, key, value: elements.join(', ') };
    this.#cache = undefined;
    this.#core = undefined;
    this.#topVia = this.#from = this.#to = undefined;
    return first;
  }

  clone(): Headers {
    const copy = new Headers(this.#fields.map((field) => ({ ...field })));
    copy.#core = this.#core === undefined ? undefined : { ...this.#core };
    return copy;
  }

  #cached<T>(key: string, compute: () => T): T {
    this.#cache ??= new Map();
    if (this.#cache.has(key)) return this.#cache.get(key) as T;
    const value = compute();
    this.#cache.set(key, value);
    return value;
  }

  #single<T>(key: string): T | undefined {
    return this.#cached(key, () => {
      const value = this.get(key);
      if (value === undefined) return undefined;
      const parsed = SINGLE_PARSERS[key]!(value);
      return parsed instanceof SipParseError ? undefined : (parsed as T);
    });
  }

  #list<T>(key: string): readonly T[] {
    return this.#cached(key, () => {
      const parse = LIST_PARSERS[key]!;
      const items: T[] = [];
      for (const element of this.list(key)) {
        const parsed = parse(element);
        if (parsed instanceof SipParseError) return NONE;
        items.push(parsed as T);
      }
      return items;
    });
  }

  /** Every Via value, top first (§20.42). */
  via(): readonly Via[] {
    return this.#cached('via', () => {
      const vias: Via[] = [];
      for (const element of this.list('via')) {
        const via = parseVia(element);
        if (via instanceof SipParseError) break; // a malformed lower Via ends the list (it can't be used)
        vias.push(via);
      }
      return vias;
    });
  }

  /** The top Via: the one this element acts on (§8.2.6, §17.2.3, §18.2). Lower Vias are left alone. */
  topVia(): Via | undefined {
    if (this.#topVia === undefined) {
      const value = this.get('via');
      const parsed = value === undefined ? undefined : parseVia(value.indexOf(',') === -1 ? value : splitHeaderList(value)[0]!);
      this.#topVia = parsed === undefined || parsed instanceof SipParseError ? null : parsed;
    }
    return this.#topVia ?? undefined;
  }

  from(): NameAddr | undefined {
    if (this.#from === undefined) this.#from = this.#nameAddr('from');
    return this.#from ?? undefined;
  }

  to(): NameAddr | undefined {
    if (this.#to === undefined) this.#to = this.#nameAddr('to');
    return this.#to ?? undefined;
  }

  #nameAddr(key: string): NameAddr | null {
    const value = this.get(key);
    const parsed = value === undefined ? undefined : parseNameAddr(value);
    return parsed === undefined || parsed instanceof SipParseError ? null : parsed;
  }

  /** The From tag, read without parsing the rest of From when it has not been parsed yet. */
  fromTag(): string | undefined {
    if (this.#from !== undefined) return this.#from?.tag;
    const value = this.get('from');
    return value === undefined ? undefined : scanTag(value) ?? this.from()?.tag;
  }

  /** The To tag (§19.3), read like fromTag. */
  toTag(): string | undefined {
    if (this.#to !== undefined) return this.#to?.tag;
    const value = this.get('to');
    return value === undefined ? undefined : scanTag(value) ?? this.to()?.tag;
  }
  callId(): string | undefined { return this.#core !== undefined ? this.#core.callId : this.#single<string>('call-id'); }
  cseq(): CSeq | undefined { return this.#core !== undefined ? this.#core.cseq : this.#single<CSeq>('cseq'); }
  maxForwards(): number | undefined { return this.#core !== undefined ? this.#core.maxForwards : this.#single<number>('max-forwards'); }
  expires(): number | undefined { return this.#single<number>('expires'); }
  minExpires(): number | undefined { return this.#single<number>('min-expires'); }
  contentLength(): number | undefined { return this.#core !== undefined ? this.#core.contentLength : this.#single<number>('content-length'); }
  maxBreadth(): number | undefined { return this.#single<number>('max-breadth'); }
  contentType(): MediaType | undefined { return this.#single<MediaType>('content-type'); }
  retryAfter(): RetryAfter | undefined { return this.#single<RetryAfter>('retry-after'); }
  replyTo(): NameAddr | undefined { return this.#single<NameAddr>('reply-to'); }

  /** `Contact: *` (§10.2.2), only meaningful in REGISTER. */
  isContactStar(): boolean {
    if (this.#core !== undefined) return this.#core.contactStar;
    return this.#cached('contact*', () => {
      const values = this.getAll('contact');
      return values.length > 0 && values.every((value) => trimWhitespace(value) === '*');
    });
  }

  /** Every Contact value; empty for `Contact: *` or malformed Contacts. */
  contacts(): readonly Contact[] {
    if (this.#core !== undefined) return this.#core.contacts;
    return this.isContactStar() ? NONE : this.#list<Contact>('contact');
  }
  route(): readonly NameAddr[] { return this.#list<NameAddr>('route'); }
  recordRoute(): readonly NameAddr[] { return this.#list<NameAddr>('record-route'); }
  path(): readonly NameAddr[] { return this.#list<NameAddr>('path'); }
  diversion(): readonly DiversionEntry[] { return this.#list<DiversionEntry>('diversion'); }
  historyInfo(): readonly HistoryInfoEntry[] { return this.#list<HistoryInfoEntry>('history-info'); }
  reason(): readonly Reason[] { return this.#list<Reason>('reason'); }
  warning(): readonly Warning[] { return this.#list<Warning>('warning'); }

  require(): readonly string[] { return this.#tokens('require'); }
  supported(): readonly string[] { return this.#tokens('supported'); }
  unsupported(): readonly string[] { return this.#tokens('unsupported'); }
  proxyRequire(): readonly string[] { return this.#tokens('proxy-require'); }
  allow(): readonly string[] { return this.#tokens('allow'); }
  contentEncoding(): readonly string[] { return this.#tokens('content-encoding'); }

  wwwAuthenticate(): readonly AuthHeader[] { return this.#auth('www-authenticate'); }
  proxyAuthenticate(): readonly AuthHeader[] { return this.#auth('proxy-authenticate'); }
  authorization(): readonly AuthHeader[] { return this.#auth('authorization'); }
  proxyAuthorization(): readonly AuthHeader[] { return this.#auth('proxy-authorization'); }
  authenticationInfo(): Readonly<Record<string, string>> | undefined {
    return this.#single<Record<string, string>>('authentication-info');
  }

  /** Option tags and methods may be spread over several fields (§7.3.1). */
  #tokens(key: string): readonly string[] {
    return this.#cached(key, () => {
      const tokens: string[] = [];
      for (const value of this.getAll(key)) {
        const parsed = SINGLE_PARSERS[key]!(value);
        if (parsed instanceof SipParseError) return NONE;
        tokens.push(...(parsed as string[]));
      }
      return tokens;
    });
  }

  /** Several challenges come as several fields; their commas separate auth-params. */
  #auth(key: string): readonly AuthHeader[] {
    return this.#cached(key, () => {
      const items: AuthHeader[] = [];
      for (const value of this.getAll(key)) {
        const parsed = SINGLE_PARSERS[key]!(value);
        if (!(parsed instanceof SipParseError)) items.push(parsed as AuthHeader);
      }
      return items;
    });
  }
}

/**
 * The tag parameter of a From or To value, found by skipping the display name and the URI and
 * scanning only the header parameters. Undefined when there is none or the value is irregular
 * (the caller then parses the whole value).
 */
function scanTag(value: string): string | undefined {
  let start = 0;
  if (value.charCodeAt(0) === 34) {
    const end = scanQuotedString(value, 0);
    if (typeof end !== 'number') return undefined;
    start = end;
  }
  const laquot = value.indexOf('<', start);
  let paramsStart: number;
  if (laquot !== -1) {
    const raquot = value.indexOf('>', laquot);
    if (raquot === -1) return undefined;
    paramsStart = raquot + 1;
  } else {
    paramsStart = value.indexOf(';', start);
    if (paramsStart === -1) return undefined;
  }
  // Fast path: `;tag=` written plainly, no quoted parameter that could hide a `;` or an LWS.
  const at = value.indexOf(';tag=', paramsStart);
  if (at !== -1 && value.indexOf('"', paramsStart) === -1) {
    let end = at + 5;
    while (end < value.length) {
      const code = value.charCodeAt(end);
      if (code === 59) break;
      if (code === 32 || code === 9 || code === 44) { end = -1; break; }
      end++;
    }
    if (end > at + 5) return value.slice(at + 5, end);
  }
  const count = scanHeaderParams(value, paramsStart);
  if (typeof count !== 'number' || count === 0) return undefined;
  const tag = scannedValue(value, 'tag');
  return typeof tag === 'string' ? tag : undefined;
}
