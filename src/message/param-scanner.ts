/**
 * A parameter scanner that allocates nothing: it checks `*( SEMI generic-param )` (RFC 3261
 * §25.1) and records where each name and value lie in the text, so the hot header parsers
 * (Via, From/To, Contact) can pick out branch, tag, q and expires without building parameter
 * objects. The full `Params` array is built later, only if someone asks for it.
 */
import { SipParseError } from './errors.ts';
import { abbreviate, scanQuotedString } from './sip-grammar.ts';

/** Offsets of the last scan: [nameStart, nameEnd, valueStart, valueEnd] per parameter; valueStart -1 when no "=". */
export let scannedOffsets = new Int32Array(4 * 32);
/** How many parameters the last scan found. */
export let scannedCount = 0;

/** Characters that end a parameter name: ; = LWS , " (and controls, < >, which can't be in one). */
const PARAM_STOP = new Uint8Array(128);
/** Characters that end an unquoted parameter value: the same without "=". */
const VALUE_STOP = new Uint8Array(128);
for (let code = 0; code < 33; code++) PARAM_STOP[code] = VALUE_STOP[code] = 1;
for (const ch of ';,"<>') PARAM_STOP[ch.charCodeAt(0)] = VALUE_STOP[ch.charCodeAt(0)] = 1;
PARAM_STOP[61] = 1;

function skipLws(text: string, index: number): number {
  let i = index;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) break;
    i++;
  }
  return i;
}

/**
 * Scans header parameters from `index` (at ";" or LWS) to the end of `text`. Returns the
 * number of parameters, or an error. LWS is allowed around ";" and "=" (RFC 4475 §3.1.1.1).
 */
export function scanHeaderParams(text: string, index: number): number | SipParseError {
  let count = 0;
  let i = skipLws(text, index);
  const length = text.length;
  while (i < length) {
    if (text.charCodeAt(i) !== 59 /* ; */) {
      return new SipParseError('SIP_ERR_PARAM', `expected ";" at ${abbreviate(text.slice(i))}`);
    }
    i = skipLws(text, i + 1);
    const nameStart = i;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c < 128 && PARAM_STOP[c] === 1) break;
      i++;
    }
    if (i === nameStart) {
      return new SipParseError('SIP_ERR_EMPTY_PARAM', `empty parameter in ${abbreviate(text)}`);
    }
    const nameEnd = i;
    i = skipLws(text, i);
    let valueStart = -1;
    let valueEnd = -1;
    if (i < length && text.charCodeAt(i) === 61 /* = */) {
      i = skipLws(text, i + 1);
      valueStart = i;
      if (i < length && text.charCodeAt(i) === 34) {
        const after = scanQuotedString(text, i);
        if (typeof after !== 'number') return after;
        i = after;
      } else {
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c < 128 && VALUE_STOP[c] === 1) break;
          i++;
        }
      }
      valueEnd = i;
      i = skipLws(text, i);
    }
    if (count * 4 + 4 > scannedOffsets.length) {
      const bigger = new Int32Array(scannedOffsets.length * 2);
      bigger.set(scannedOffsets);
      scannedOffsets = bigger;
    }
    const slot = count * 4;
    scannedOffsets[slot] = nameStart;
    scannedOffsets[slot + 1] = nameEnd;
    scannedOffsets[slot + 2] = valueStart;
    scannedOffsets[slot + 3] = valueEnd;
    count++;
  }
  scannedCount = count;
  return count;
}

/** True when text[start, end) equals `lower` ignoring ASCII case. */
export function rangeEqualsLowerCase(text: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let code = text.charCodeAt(start + i);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * The value of the scanned parameter named `lower` (from the last scan of `text`):
 * undefined when absent, null when present without a value.
 */
export function scannedValue(text: string, lower: string): string | null | undefined {
  for (let slot = 0; slot < scannedCount * 4; slot += 4) {
    if (rangeEqualsLowerCase(text, scannedOffsets[slot]!, scannedOffsets[slot + 1]!, lower)) {
      const valueStart = scannedOffsets[slot + 2]!;
      return valueStart === -1 ? null : text.slice(valueStart, scannedOffsets[slot + 3]!);
    }
  }
  return undefined;
}

