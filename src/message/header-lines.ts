/**
 * The header section of a received message kept as text plus offsets: one entry per header
 * line (name start/end, value start/end). Names and values are sliced only when read, so a
 * header nobody asks for costs the parser a few integer writes. `Headers` turns this into
 * `HeaderField` objects the first time the fields are listed or changed.
 */
import { headerKey } from './header-names.ts';
import type { HeaderField } from './types.ts';

export class HeaderLines {
  readonly text: string;
  /** [nameStart, nameEnd, valueStart, valueEnd] per line. */
  readonly offsets: readonly number[];
  /** Lookup key per line; undefined until computed for names the parser didn't recognise. */
  readonly keys: (string | undefined)[];
  /** Values of folded lines (§7.3.1), by line index: their text isn't one slice. */
  readonly folded: Map<number, string> | undefined;

  constructor(text: string, offsets: readonly number[], keys: (string | undefined)[], folded: Map<number, string> | undefined) {
    this.text = text;
    this.offsets = offsets;
    this.keys = keys;
    this.folded = folded;
  }

  get length(): number {
    return this.keys.length;
  }

  keyAt(index: number): string {
    let key = this.keys[index];
    if (key === undefined) {
      key = headerKey(this.nameAt(index));
      this.keys[index] = key;
    }
    return key;
  }

  nameAt(index: number): string {
    return this.text.slice(this.offsets[index * 4]!, this.offsets[index * 4 + 1]!);
  }

  valueAt(index: number): string {
    if (this.folded !== undefined) {
      const value = this.folded.get(index);
      if (value !== undefined) return value;
    }
    return this.text.slice(this.offsets[index * 4 + 2]!, this.offsets[index * 4 + 3]!);
  }

  toFields(): HeaderField[] {
    const fields: HeaderField[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) fields[i] = { name: this.nameAt(i), key: this.keyAt(i), value: this.valueAt(i) };
    return fields;
  }
}
