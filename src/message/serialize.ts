/**
 * serializeMessage: a SipMessage back to octets (RFC 3261 §7). Header fields are written in
 * order with their names as received, so unknown headers leave byte-exact. Content-Length is
 * always written and always true to the body (§20.14; mandatory on stream transports, §18.3).
 */
import type { SipMessage } from './types.ts';
import { formatUri } from './uri.ts';

export function serializeMessage(message: SipMessage): Buffer {
  let text = message.kind === 'request'
    ? `${message.method} ${formatUri(message.uri)} SIP/2.0\r\n`
    : `SIP/2.0 ${message.status} ${message.reason}\r\n`;
  const length = String(message.body.length);
  let wroteLength = false;
  for (const field of message.headers.fields) {
    if (field.key === 'content-length') {
      if (wroteLength) continue;
      wroteLength = true;
      text += `${field.name}: ${length}\r\n`;
    } else {
      text += `${field.name}: ${field.value}\r\n`;
    }
  }
  if (!wroteLength) text += `Content-Length: ${length}\r\n`;
  text += '\r\n';
  const head = Buffer.from(text, 'utf8');
  if (message.body.length === 0) return head;
  return Buffer.concat([head, message.body]);
}

/** The message as text (for logs and the CLI); the body is read as UTF-8. */
export function messageToString(message: SipMessage): string {
  return serializeMessage(message).toString('utf8');
}

