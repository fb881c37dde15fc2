/**
 * Recognises the header names met on every message straight from the received text, without
 * slicing or hashing the name: the parser's hot path. Anything else goes through `headerKey`.
 */

function is(text: string, start: number, name: string): boolean {
  return text.startsWith(name, start);
}

/** The lookup key of the header name text[start, end), or undefined when it is not a common one. */
export function knownHeaderKey(text: string, start: number, end: number): string | undefined {
  switch (end - start) {
    case 1:
      switch (text.charCodeAt(start) | 0x20) {
        case 0x76: return 'via';
        case 0x66: return 'from';
        case 0x74: return 'to';
        case 0x69: return 'call-id';
        case 0x6d: return 'contact';
        case 0x6c: return 'content-length';
        case 0x63: return 'content-type';
        default: return undefined;
      }
    case 2: return is(text, start, 'To') ? 'to' : undefined;
    case 3: return is(text, start, 'Via') ? 'via' : undefined;
    case 4:
      if (is(text, start, 'From')) return 'from';
      if (is(text, start, 'CSeq')) return 'cseq';
      return undefined;
    case 5: return is(text, start, 'Route') ? 'route' : undefined;
    case 7:
      if (is(text, start, 'Call-ID')) return 'call-id';
      if (is(text, start, 'Contact')) return 'contact';
      if (is(text, start, 'Expires')) return 'expires';
      return undefined;
    case 12:
      if (is(text, start, 'Max-Forwards')) return 'max-forwards';
      if (is(text, start, 'Content-Type')) return 'content-type';
      if (is(text, start, 'Record-Route')) return 'record-route';
      return undefined;
    case 14: return is(text, start, 'Content-Length') ? 'content-length' : undefined;
    default: return undefined;
  }
}

