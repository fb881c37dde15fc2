/**
 * bench:parse — retarget's parser against npm `sip` 0.0.6, same corpus, same process, same run.
 *
 *   (a) parse only
 *   (b) parse + read the top Via branch, From and To tags, Call-ID, CSeq number and method, and
 *       for every Contact its URI (parsed: npm `sip` leaves Contact URIs as strings, so it gets
 *       `sip.parseUri`), q and expires.
 *
 * Input is a string per message (as in ../shared/bench/README.md). retarget is measured as
 * compiled JavaScript from dist/ (what the package ships; `npm run build` makes it), npm `sip`
 * as the plain JavaScript it is. The implementations take turns, round after round; each figure
 * is the median of the rounds, in messages per CPU-second of this process (process.cpuUsage),
 * which is steadier than wall time on a shared machine. The ratio is what counts.
 *
 *   npm run bench:parse [-- --rounds 7 --seconds 1 --json]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import sip from 'sip';
import { SipParseError, parseMessage } from '../dist/index.js';

interface Fields {
  branch: string | undefined;
  fromTag: string | undefined;
  toTag: string | undefined;
  callId: string | undefined;
  cseq: string;
  contacts: string[];
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const ROUNDS = option('rounds', 7);
const SECONDS = option('seconds', 1);
const JSON_OUTPUT = args.includes('--json');

const corpusDir = join(import.meta.dirname, 'corpus');
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.sip')).sort()
  .map((f) => ({ name: f, text: readFileSync(join(corpusDir, f), 'latin1') }));

/* ---------- retarget ---------- */

function oursParse(text: string): unknown {
  return parseMessage(text);
}

function oursRead(text: string): number {
  const message = parseMessage(text);
  if (message instanceof SipParseError) throw new Error(message.message);
  const h = message.headers;
  let sink = (h.topVia()?.branch?.length ?? 0) + (h.fromTag()?.length ?? 0) + (h.toTag()?.length ?? 0);
  sink += h.callId()!.length + h.cseq()!.seq + h.cseq()!.method.length;
  for (const contact of h.contacts()) {
    const uri = contact.uri as { host?: string };
    sink += (contact.q ?? 1) + (contact.expires ?? 0) + (uri.host?.length ?? 0);
  }
  return sink;
}

function oursFields(text: string): Fields {
  const message = parseMessage(text);
  if (message instanceof SipParseError) throw new Error(message.message);
  const h = message.headers;
  return {
    branch: h.topVia()?.branch, fromTag: h.fromTag(), toTag: h.toTag(), callId: h.callId(),
    cseq: `${h.cseq()!.seq} ${h.cseq()!.method}`,
    contacts: h.contacts().map((c) => `${(c.uri as { host?: string }).host} q=${c.q ?? 1} e=${c.expires ?? '-'}`),
  };
}

/* ---------- npm sip ---------- */

interface SipJsMessage {
  headers: {
    via: { params: Record<string, string | undefined> }[];
    from: { params: Record<string, string | undefined> };
    to: { params: Record<string, string | undefined> };
    'call-id': string;
    cseq: { seq: number; method: string };
    contact?: { uri: string; params: Record<string, string | undefined> }[] | '*';
  };
}

const sipParse = (sip as unknown as { parse(text: string): SipJsMessage | undefined }).parse;
const sipParseUri = (sip as unknown as { parseUri(text: string): { host?: string } | undefined }).parseUri;

function theirParse(text: string): unknown {
  return sipParse(text);
}

function theirContacts(message: SipJsMessage): { uri: string; params: Record<string, string | undefined> }[] {
  const contacts = message.headers.contact;
  return contacts === undefined || contacts === '*' ? [] : contacts;
}

function theirRead(text: string): number {
  const message = sipParse(text)!;
  const h = message.headers;
  let sink = (h.via[0]!.params.branch?.length ?? 0) + (h.from.params.tag?.length ?? 0) + (h.to.params.tag?.length ?? 0);
  sink += h['call-id'].length + h.cseq.seq + h.cseq.method.length;
  for (const contact of theirContacts(message)) {
    const uri = sipParseUri(contact.uri);
    sink += Number(contact.params.q ?? 1) + Number(contact.params.expires ?? 0) + (uri?.host?.length ?? 0);
  }
  return sink;
}

function theirFields(text: string): Fields {
  const message = sipParse(text)!;
  const h = message.headers;
  return {
    branch: h.via[0]!.params.branch, fromTag: h.from.params.tag, toTag: h.to.params.tag, callId: h['call-id'],
    cseq: `${h.cseq.seq} ${h.cseq.method}`,
    contacts: theirContacts(message).map((c) => `${sipParseUri(c.uri)?.host} q=${Number(c.params.q ?? 1)} e=${c.params.expires ?? '-'}`),
  };
}

/* ---------- the split floor (context only: no parsing) ---------- */

function floorParse(text: string): unknown {
  const lines = text.slice(0, text.indexOf('\r\n\r\n')).split('\r\n');
  const headers: [string, string][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  return headers;
}

/* ---------- measurement ---------- */

// Both parsers must read the same values off every message, or the comparison means nothing.
for (const { name, text } of corpus) {
  const ours = JSON.stringify(oursFields(text));
  const theirs = JSON.stringify(theirFields(text));
  if (ours !== theirs) throw new Error(`${name}: the parsers disagree\n retarget: ${ours}\n sip:      ${theirs}`);
}

let sink = 0;
function rate(fn: (text: string) => unknown): number {
  const texts = corpus.map((c) => c.text);
  const started = process.cpuUsage();
  const deadline = performance.now() + SECONDS * 1000;
  let count = 0;
  while (performance.now() < deadline) {
    for (let i = 0; i < 200; i++) {
      const result = fn(texts[count % texts.length]!);
      sink += typeof result === 'number' ? result : result === undefined ? 0 : 1;
      count++;
    }
  }
  const used = process.cpuUsage(started);
  return count / ((used.user + used.system) / 1e6);
}

const implementations = {
  'retarget': { a: oursParse, b: oursRead },
  'npm sip 0.0.6': { a: theirParse, b: theirRead },
  'header-line split (floor, not a parser)': { a: floorParse, b: floorParse },
} as const;
type Name = keyof typeof implementations;
const samples = new Map<string, number[]>();
const record = (key: string, value: number): void => { samples.set(key, [...(samples.get(key) ?? []), value]); };

// Warm-up: let every implementation reach optimised code before anything is counted.
for (const impl of Object.values(implementations)) { for (let i = 0; i < 50_000; i++) { impl.a(corpus[i % corpus.length]!.text); impl.b(corpus[i % corpus.length]!.text); } }

for (let round = 0; round < ROUNDS; round++) {
  for (const [name, impl] of Object.entries(implementations)) {
    record(`${name}|a`, rate(impl.a));
    record(`${name}|b`, rate(impl.b));
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const result = (name: Name, part: 'a' | 'b'): number => Math.round(median(samples.get(`${name}|${part}`)!));
const ours = { a: result('retarget', 'a'), b: result('retarget', 'b') };
const theirs = { a: result('npm sip 0.0.6', 'a'), b: result('npm sip 0.0.6', 'b') };
const floor = { a: result('header-line split (floor, not a parser)', 'a'), b: result('header-line split (floor, not a parser)', 'b') };
const ratio = { a: ours.a / theirs.a, b: ours.b / theirs.b };

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const fmt = (n: number): string => n.toLocaleString('en-US').padStart(10);
console.log(`bench:parse  ${date}  ${machine}`);
console.log(`corpus: ${corpus.length} messages (bench/corpus), string input; ${ROUNDS} rounds x ${SECONDS} s, median, messages per CPU-second`);
console.log('');
console.log(`${'implementation'.padEnd(42)}${'(a) parse'.padStart(12)}${'(b) parse+read'.padStart(16)}`);
console.log(`${'retarget'.padEnd(42)}${fmt(ours.a).padStart(12)}${fmt(ours.b).padStart(16)}`);
console.log(`${'npm sip 0.0.6'.padEnd(42)}${fmt(theirs.a).padStart(12)}${fmt(theirs.b).padStart(16)}`);
console.log(`${'header-line split (floor, not a parser)'.padEnd(42)}${fmt(floor.a).padStart(12)}${''.padStart(16)}`);
console.log('');
console.log(`ratio retarget / npm sip: (a) ${ratio.a.toFixed(2)}x   (b) ${ratio.b.toFixed(2)}x`);
if (JSON_OUTPUT) {
  console.log(JSON.stringify({ date, machine, corpus: corpus.length, rounds: ROUNDS, retarget: ours, sip: theirs, floor: floor.a, ratio }));
}
if (sink === -1) console.log('unreachable: keeps the results alive');
