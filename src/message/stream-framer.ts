/**
 * StreamFramer: bytes from a stream transport (TCP, TLS) into whole SIP messages, sans-IO.
 * RFC 3261 §7.5 and §18.3 (framing by Content-Length), RFC 5626 §3.5.1 and §5.4 (CRLF
 * keep-alives), RFC 4475 §3.1.2.3 / §3.3.9 (framing errors close the connection).
 *
 * Pushed chunks are copied once into an append-only buffer: bytes below `end` are never written
 * again, so a caller may reuse its read buffer, and the bodies of earlier messages (views of
 * their frame) never change under them. Scanning is linear: the CRLFCRLF search resumes where
 * the previous push left it.
 */
import { type PartialMessage, SipParseError } from './errors.ts';
import { parseIntegerHeader } from './integer-header.ts';
import { parseMessage } from './parse.ts';
import type { SipMessage } from './types.ts';

export type FramerEvent =
  | { readonly type: 'message'; readonly message: SipMessage }
  | { readonly type: 'keepalive'; readonly kind: 'ping' | 'pong' }
  | { readonly type: 'error'; readonly error: SipParseError; readonly fatal: boolean };

export interface StreamFramerOptions {
  /** Longest header section (start line through the empty line), in octets. Default 16 384. */
  readonly maxHeaderBytes?: number;
  /** Longest message (header section plus body), in octets. Default 65 535. */
  readonly maxMessageBytes?: number;
}

const DEFAULT_STREAM_FRAMER_OPTIONS = { maxHeaderBytes: 16384, maxMessageBytes: 65535 } as const;

const CR = 13;
const LF = 10;
const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
const MIN_CAPACITY = 16384;
const PING: FramerEvent = Object.freeze({ type: 'keepalive', kind: 'ping' });
const PONG: FramerEvent = Object.freeze({ type: 'keepalive', kind: 'pong' });

/** Where the framer is: between messages (CRLFs), in a header section, or in a body. */
type Phase = 'between' | 'head' | 'body';

export class StreamFramer {
  readonly #maxHeaderBytes: number;
  readonly #maxMessageBytes: number;
  #buffer: Buffer = Buffer.alloc(0);
  /** First byte not yet consumed, and end of the bytes received, both indexes into #buffer. */
  #start = 0;
  #end = 0;
  #phase: Phase = 'between';
  /** CRLFs seen between messages: 0 none, 1 CR, 2 CRLF, 3 CRLF CR. */
  #crlf: 0 | 1 | 2 | 3 = 0;
  /** Where the CRLFCRLF search resumes (phase 'head'). */
  #scanFrom = 0;
  /** End of the current frame (phase 'body'). */
  #frameEnd = 0;
  #failed = false;

  constructor(options: StreamFramerOptions = {}) {
    this.#maxHeaderBytes = options.maxHeaderBytes ?? DEFAULT_STREAM_FRAMER_OPTIONS.maxHeaderBytes;
    this.#maxMessageBytes = options.maxMessageBytes ?? DEFAULT_STREAM_FRAMER_OPTIONS.maxMessageBytes;
    for (const [name, value] of [['maxHeaderBytes', this.#maxHeaderBytes], ['maxMessageBytes', this.#maxMessageBytes]] as const) {
      if (!Number.isSafeInteger(value) || value < 4) throw new TypeError(`${name} must be an integer >= 4, got ${value}`);
    }
  }

  /** Octets received and not yet handed out as an event. */
  get pending(): number {
    return this.#end - this.#start;
  }

  /** Feeds the next bytes of the stream; returns what they completed, in order. */
  push(chunk: Uint8Array): FramerEvent[] {
    const events: FramerEvent[] = [];
    if (this.#failed || chunk.length === 0) return events;
    this.#append(chunk);
    while (this.#start < this.#end) {
      if (this.#phase === 'between' && !this.#skipKeepalives(events)) break;
      if (this.#phase === 'head' && !this.#findHeaderEnd(events)) break;
      if (this.#end < this.#frameEnd) break;
      // The frame is whole: start line through the last body octet, nothing else.
      const frame = this.#buffer.subarray(this.#start, this.#frameEnd);
      this.#start = this.#frameEnd;
      this.#phase = 'between';
      const result = parseMessage(frame, { maxMessageSize: this.#maxMessageBytes });
      // Framed correctly but malformed inside: the next message starts after it, so the
      // connection can go on (the transport answers a request with error.responseStatus).
      events.push(result instanceof SipParseError ? { type: 'error', error: result, fatal: false } : { type: 'message', message: result });
    }
    // RFC 5626 §3.5.1: "The client periodically sends a double-CRLF (the "ping") then waits to
    // receive a single CRLF (the "pong")." A CRLF that ends the bytes received so far is reported
    // as a pong now rather than when the next byte shows it was not the first half of a ping: a
    // client cannot wait for that byte (§4.4.1 gives the pong 10 s). So a ping whose write was
    // split right after its first CRLF reads as two pongs.
    if (this.#phase === 'between' && this.#crlf === 2) {
      events.push(PONG);
      this.#crlf = 0;
    }
    return events;
  }

  /** Consumes CR/LF before a start line; returns true once a message starts. */
  #skipKeepalives(events: FramerEvent[]): boolean {
    const buffer = this.#buffer;
    while (this.#start < this.#end) {
      const octet = buffer[this.#start]!;
      if (octet === CR) {
        this.#crlf = this.#crlf === 2 ? 3 : 1;
      } else if (octet === LF) {
        // RFC 5626 §5.4: "When a server receives a double CRLF sequence between SIP messages on
        // a connection-oriented transport such as TCP or SCTP, it MUST immediately respond with
        // a single CRLF over the same connection."
        if (this.#crlf === 3) { events.push(PING); this.#crlf = 0; } else if (this.#crlf === 1) this.#crlf = 2;
        // A bare LF is ignored like the CRLFs around it.
      } else {
        // RFC 3261 §7.5: "Implementations processing SIP messages over stream-oriented
        // transports MUST ignore any CRLF appearing before the start-line": the CRLF is not part
        // of the message; for keep-alives it is a pong.
        if (this.#crlf >= 2) events.push(PONG);
        this.#crlf = 0;
        this.#phase = 'head';
        this.#scanFrom = this.#start;
        return true;
      }
      this.#start++;
    }
    return false;
  }

  /** Looks for the empty line and reads Content-Length; returns true once the frame's end is known. */
  #findHeaderEnd(events: FramerEvent[]): boolean {
    const start = this.#start;
    const limit = Math.min(this.#end, start + this.#maxHeaderBytes);
    const at = this.#buffer.subarray(0, limit).indexOf(HEADER_END, this.#scanFrom);
    if (at === -1) {
      if (this.#end - start >= this.#maxHeaderBytes) {
        // Any CRLFCRLF still to come would end the header section beyond the limit.
        return this.#fail(events, new SipParseError('SIP_ERR_MESSAGE_TOO_LARGE', `header section over ${this.#maxHeaderBytes} octets`, {
          responseStatus: 513, ...partialOf(this.#firstLine(limit)),
        }));
      }
      this.#scanFrom = Math.max(start, limit - 3);
      return false;
    }
    const head = this.#buffer.toString('latin1', start, at);
    const bodyStart = at + 4;
    let contentLength = contentLengthOf(head);
    if (contentLength instanceof SipParseError) return this.#fail(events, contentLength);
    // RFC 3261 §18.3: "In the case of stream-oriented transports such as TCP, the Content-Length
    // header field indicates the size of the body. The Content-Length header field MUST be used
    // with stream oriented transports." A sender that breaks this MUST gets a body of 0 octets,
    // the only length the empty line can tell.
    contentLength ??= 0;
    const total = bodyStart - start + contentLength;
    if (total > this.#maxMessageBytes) {
      return this.#fail(events, new SipParseError('SIP_ERR_MESSAGE_TOO_LARGE', `${total} > ${this.#maxMessageBytes} octets`, {
        responseStatus: 513, ...partialOf(firstLineOf(head)),
      }));
    }
    this.#frameEnd = start + total;
    this.#phase = 'body';
    return true;
  }

  /**
   * RFC 4475 §3.1.2.3 and §3.3.9: "If a request like this arrives over TCP, the framing error is
   * not recoverable, and the connection should be closed." No more events after this one.
   */
  #fail(events: FramerEvent[], error: SipParseError): false {
    events.push({ type: 'error', error, fatal: true });
    this.#failed = true;
    this.#buffer = Buffer.alloc(0);
    this.#start = this.#end = this.#scanFrom = this.#frameEnd = 0;
    return false;
  }

  #firstLine(limit: number): string | undefined {
    const nl = this.#buffer.subarray(0, limit).indexOf(LF, this.#start);
    return nl === -1 ? undefined : firstLineOf(this.#buffer.toString('latin1', this.#start, nl + 1));
  }

  #append(chunk: Uint8Array): void {
    if (this.#end + chunk.length <= this.#buffer.length) {
      this.#buffer.set(chunk, this.#end);
      this.#end += chunk.length;
      return;
    }
    // A new buffer instead of moving bytes down: handed-out bodies still view the old one.
    // Doubling keeps the copying of pending bytes linear in the bytes received.
    const pending = this.#end - this.#start;
    const next = Buffer.allocUnsafe(Math.max(MIN_CAPACITY, 2 * (pending + chunk.length)));
    this.#buffer.copy(next, 0, this.#start, this.#end);
    next.set(chunk, pending);
    this.#scanFrom -= this.#start;
    this.#frameEnd -= this.#start;
    this.#buffer = next;
    this.#start = 0;
    this.#end = pending + chunk.length;
  }
}

/**
 * The Content-Length of a header section (without the empty line): long or compact name (`l`),
 * any case, LWS around the colon, folded values joined. Undefined when absent.
 */
function contentLengthOf(head: string): number | undefined | SipParseError {
  let found: number | undefined;
  let pos = head.indexOf('\n') + 1; // the start line is no header
  if (pos === 0) return undefined;
  while (pos < head.length) {
    let nl = head.indexOf('\n', pos);
    if (nl === -1) nl = head.length;
    let colon = pos;
    while (colon < nl && head.charCodeAt(colon) !== 58) colon++; // ':' within this line only
    const nameLength = colon === nl ? 0 : trimEnd(head, pos, colon) - pos;
    let next = nl + 1;
    if ((nameLength === 1 || nameLength === 14) && isContentLengthName(head.slice(pos, pos + nameLength))) {
      let value = head.slice(colon + 1, nl);
      // §7.3.1: a line starting with SP or HTAB continues the previous header field.
      while (next < head.length && (head.charCodeAt(next) === 32 || head.charCodeAt(next) === 9)) {
        let foldEnd = head.indexOf('\n', next);
        if (foldEnd === -1) foldEnd = head.length;
        value += ` ${head.slice(next, foldEnd)}`;
        next = foldEnd + 1;
      }
      const length = parseIntegerHeader(value.replace(/[\r\n]/g, ' '));
      if (length instanceof SipParseError) {
        return new SipParseError('SIP_ERR_CONTENT_LENGTH', `Content-Length ${value.trim().slice(0, 40)}`, { header: 'Content-Length', ...partialOf(firstLineOf(head)) });
      }
      if (found !== undefined && found !== length) {
        return new SipParseError('SIP_ERR_CONTENT_LENGTH_DUPLICATE', `Content-Length ${found} and ${length}`, { header: 'Content-Length', ...partialOf(firstLineOf(head)) });
      }
      // Equal duplicates still frame the message; parseMessage then refuses it, non-fatally.
      found = length;
    }
    pos = next;
  }
  return found;
}

function isContentLengthName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'content-length' || lower === 'l';
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && (text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9)) to--;
  return to;
}

function firstLineOf(text: string): string {
  const nl = text.indexOf('\n');
  const line = nl === -1 ? text : text.slice(0, nl);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** What a fatal error can still tell about the message, so a request can get its 400 or 513. */
function partialOf(startLine: string | undefined): { partial?: PartialMessage } {
  if (startLine === undefined) return {};
  if (startLine.slice(0, 4).toUpperCase() === 'SIP/') return { partial: { startLine, isRequest: false } };
  const space = startLine.indexOf(' ');
  return { partial: { startLine, isRequest: true, method: space === -1 ? startLine : startLine.slice(0, space) } };
}
