/**
 * Splits a header value into its comma-separated elements (RFC 3261 §7.3.1), but only on commas
 * outside quoted strings and outside < > (a URI may hold commas, a display name too).
 */
import { trimWhitespace } from './sip-grammar.ts';

export function splitHeaderList(value: string): string[] {
  // Hot path: most values hold no comma at all.
  if (value.indexOf(',') === -1) return [trimWhitespace(value)];
  const parts: string[] = [];
  let start = 0;
  let inQuotes = false;
  let inAngles = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 64 && code !== 92) continue; // nothing at or above "@" matters here but "\\"
    if (inQuotes) {
      if (code === 92) i++;
      else if (code === 34) inQuotes = false;
    } else if (code === 34) inQuotes = true;
    else if (code === 60) inAngles = true;
    else if (code === 62) inAngles = false;
    else if (code === 44 && !inAngles) {
      parts.push(trimWhitespace(value.slice(start, i)));
      start = i + 1;
    }
  }
  parts.push(trimWhitespace(value.slice(start)));
  return parts;
}
