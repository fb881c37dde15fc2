/**
 * Generic parameters: `*( SEMI generic-param )`, generic-param = token [ EQUAL gen-value ],
 * gen-value = token / host / quoted-string (RFC 3261 §25.1). Used after Via sent-by, after a
 * name-addr (header parameters) and, with `uri: true`, for URI parameters (§19.1.1).
 */
import { SipParseError } from './errors.ts';
import {
  abbreviate, scanQuotedString, skipWhitespace,
} from './sip-grammar.ts';

export interface Param {
  /** The name as received (compare case-insensitively). */
  readonly name: string;
  /** The value as received, quotes included; `null` for a parameter without `=`. */
  readonly value: string | null;
}

export type Params = readonly Param[];

export const NO_PARAMS: Params = Object.freeze([]) as Params;

/** The value of the first parameter named `name` (case-insensitive): undefined when absent. */
export function paramValue(params: Params, name: string): string | null | undefined {
  for (let i = 0; i < params.length; i++) {
    const param = params[i]!;
    if (param.name === name || equalsLowerCase(param.name, name)) return param.value;
  }
  return undefined;
}

/** ASCII case-insensitive `text === lower` for a lower-case `lower`, without allocating. */
export function equalsLowerCase(text: string, lower: string): boolean {
  if (text.length !== lower.length) return false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== lower.charCodeAt(i)) return false;
  }
  return true;
}

export function hasParam(params: Params, name: string): boolean {
  return paramValue(params, name) !== undefined;
}

export function formatParams(params: Params): string {
  let out = '';
  for (const param of params) out += param.value === null ? `;${param.name}` : `;${param.name}=${param.value}`;
  return out;
}

export interface ParsedParams {
  readonly params: Params;
  /** Index of the first character after the parameters (end of text, or a stop character). */
  readonly end: number;
}

/**
 * Parses `;a=b;c` starting at `index` (which must point at `;`, at whitespace or at the end).
 * Stops at the end of the text, or at `stopCode` (for example `?` for URI headers).
 * LWS is allowed around `;` and `=` for header parameters, never inside URI parameters.
 */
export function parseParams(
  text: string,
  index: number,
  options?: { uri?: boolean; stopCode?: number },
): ParsedParams | SipParseError {
  const params: Param[] = [];
  const lws = options?.uri !== true;
  const stopCode = options?.stopCode ?? -1;
  let i = lws ? skipWhitespace(text, index) : index;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === stopCode) break;
    if (code !== 59 /* ; */) {
      return new SipParseError('SIP_ERR_PARAM', `expected ";" at ${abbreviate(text.slice(i))}`);
    }
    i = lws ? skipWhitespace(text, i + 1) : i + 1;
    const nameStart = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 59 || c === 61 || c === stopCode || c < 33 || c === 44 || c === 34 || c === 60 || c === 62) break;
      i++;
    }
    const name = text.slice(nameStart, i);
    if (name.length === 0) {
      return new SipParseError('SIP_ERR_EMPTY_PARAM', `empty parameter in ${abbreviate(text)}`);
    }
    if (lws) i = skipWhitespace(text, i);
    let value: string | null = null;
    if (i < text.length && text.charCodeAt(i) === 61 /* = */) {
      i = lws ? skipWhitespace(text, i + 1) : i + 1;
      const valueStart = i;
      if (i < text.length && text.charCodeAt(i) === 34 && lws) {
        const after = scanQuotedString(text, i);
        if (typeof after !== 'number') return after;
        i = after;
      } else {
        while (i < text.length) {
          const c = text.charCodeAt(i);
          if (c === 59 || c === stopCode || c < 33 || c === 44 || c === 34 || c === 60 || c === 62) break;
          i++;
        }
      }
      value = text.slice(valueStart, i);
      if (lws) i = skipWhitespace(text, i);
    }
    params.push({ name, value });
  }
  return { params, end: i };
}
