/**
 * Recognises the header names met on every message straight from the received text, without
 * slicing or hashing the name: the parser's hot path. Anything else goes through `headerKey`.
 */

/** Case-sensitive compare of text at `start` with `name` (the caller knows the lengths match). */
function is(text: string, start: number, name: string): boolean {
  // Compare from the end: names of one length tend to share their first letters.
  for (let i = name.length - 1; i >= 0; i--) if (text.charCodeAt(start + i) !== name.charCodeAt(i)) return false;
  return true;
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
      if (is(text, start, 'Date')) return 'date';
      if (is(text, start, 'Path')) return 'path';
      return undefined;
    case 5:
      if (is(text, start, 'Route')) return 'route';
      if (is(text, start, 'Allow')) return 'allow';
      if (is(text, start, 'Event')) return 'event';
      return undefined;
    case 6:
      if (is(text, start, 'Accept')) return 'accept';
      if (is(text, start, 'Server')) return 'server';
      if (is(text, start, 'Reason')) return 'reason';
      return undefined;
    case 7:
      if (is(text, start, 'Call-ID')) return 'call-id';
      if (is(text, start, 'Contact')) return 'contact';
      if (is(text, start, 'Expires')) return 'expires';
      if (is(text, start, 'Require')) return 'require';
      if (is(text, start, 'Subject')) return 'subject';
      if (is(text, start, 'Privacy')) return 'privacy';
      if (is(text, start, 'Warning')) return 'warning';
      return undefined;
    case 9:
      if (is(text, start, 'Supported')) return 'supported';
      if (is(text, start, 'Diversion')) return 'diversion';
      return undefined;
    case 10: return is(text, start, 'User-Agent') ? 'user-agent' : undefined;
    case 11:
      if (is(text, start, 'Min-Expires')) return 'min-expires';
      if (is(text, start, 'Retry-After')) return 'retry-after';
      if (is(text, start, 'Max-Breadth')) return 'max-breadth';
      return undefined;
    case 12:
      if (is(text, start, 'Max-Forwards')) return 'max-forwards';
      if (is(text, start, 'Content-Type')) return 'content-type';
      if (is(text, start, 'Record-Route')) return 'record-route';
      if (is(text, start, 'History-Info')) return 'history-info';
      if (is(text, start, 'Allow-Events')) return 'allow-events';
      return undefined;
    case 13:
      if (is(text, start, 'Authorization')) return 'authorization';
      if (is(text, start, 'Proxy-Require')) return 'proxy-require';
      return undefined;
    case 14: return is(text, start, 'Content-Length') ? 'content-length' : undefined;
    case 16:
      if (is(text, start, 'WWW-Authenticate')) return 'www-authenticate';
      if (is(text, start, 'Content-Encoding')) return 'content-encoding';
      return undefined;
    case 18: return is(text, start, 'Proxy-Authenticate') ? 'proxy-authenticate' : undefined;
    case 19:
      if (is(text, start, 'Proxy-Authorization')) return 'proxy-authorization';
      if (is(text, start, 'Content-Disposition')) return 'content-disposition';
      if (is(text, start, 'Authentication-Info')) return 'authentication-info';
      return undefined;
    default: return undefined;
  }
}

