/**
 * Server resilience on a copy of the corpus: a storm of 10,000 mixed requests (hover, definition,
 * references, highlights, document symbols, semantic tokens, at random positions including
 * out-of-range ones), interleaved with edits and $/cancelRequest, must get a well-formed answer
 * or an error for every request, keep the process alive and its memory bounded. Malformed
 * protocol input (garbage with a valid Content-Length, unknown methods, bad params) is answered
 * with errors and the server keeps serving.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { startServer, type Harness } from '../protocol/lspHarness';
import { positionAt } from './lspText';

const TOTAL = Number(process.env.SOURCELENS_STORM_REQUESTS ?? 10_000);
const IN_FLIGHT = 64;
const RSS_LIMIT_MB = 400;

let h: Harness;
let articles: Array<{ uri: string; text: string }>;
before(async () => {
  h = await startServer();
  await h.whenReady();
  const dir = join(h.root, 'corpus');
  articles = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ uri: h.uri(`corpus/${f}`), text: readFileSync(join(dir, f), 'utf8') }));
});
after(async () => h?.close());

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** A deterministic PRNG, so a failing storm can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Check = (result: unknown) => string | undefined;
const isRange = (r: unknown): boolean => {
  const x = r as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } };
  return !!x && Number.isInteger(x.start?.line) && Number.isInteger(x.start?.character) && Number.isInteger(x.end?.line) && Number.isInteger(x.end?.character);
};
const isLocation = (l: unknown) => !!l && typeof (l as { uri?: unknown }).uri === 'string' && isRange((l as { range?: unknown }).range);
const SHAPES: Record<string, Check> = {
  'textDocument/hover': (r) => (r === null || (typeof (r as { contents?: { value?: unknown } }).contents?.value === 'string' && ((r as { range?: unknown }).range === undefined || isRange((r as { range?: unknown }).range))) ? undefined : 'bad hover'),
  'textDocument/definition': (r) => (r === null || isLocation(r) || (Array.isArray(r) && r.every(isLocation)) ? undefined : 'bad definition'),
  'textDocument/references': (r) => (Array.isArray(r) && r.every(isLocation) ? undefined : 'bad references'),
  'textDocument/documentHighlight': (r) => (Array.isArray(r) && r.every((x) => isRange((x as { range?: unknown }).range)) ? undefined : 'bad highlights'),
  'textDocument/documentSymbol': (r) => (Array.isArray(r) && r.every((x) => typeof (x as { name?: unknown }).name === 'string' && isRange((x as { range?: unknown }).range)) ? undefined : 'bad symbols'),
  'textDocument/semanticTokens/full': (r) => {
    const data = (r as { data?: unknown })?.data;
    return Array.isArray(data) && data.length % 5 === 0 && data.every((n) => Number.isInteger(n) && n >= 0) ? undefined : 'bad semantic tokens';
  },
};
const METHODS = Object.keys(SHAPES);

test(`storm: ${TOTAL} mixed requests with edits and cancellations get well-formed answers; the server stays alive with bounded memory`, { timeout: 150_000 }, async (t) => {
  const rand = prng(8);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  // One open document takes the edits (a copy of an article under a new name, so the others stay on disk).
  const edited = { uri: h.uri('corpus/storm-edits.md'), text: articles[0].text.slice(0, 3000), version: 1 };
  await h.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: edited.uri, languageId: 'article', version: 1, text: edited.text } });
  const targets = [...articles, edited];

  const counts = { ok: 0, errors: 0, cancelled: 0, edits: 0, malformedAnswers: [] as string[], errorSamples: [] as string[] };
  let peakRss = rssMb(h.process.pid!);
  const started = Date.now();
  let sent = 0;
  const worker = async () => {
    while (sent < TOTAL) {
      const n = sent++;
      if (n % 50 === 25) {
        // An incremental edit: insert or delete a little text at a random place.
        const at = Math.floor(rand() * edited.text.length);
        const insert = pick(['Maliki ', 'President Bush said ', '\n\n## Heading\n', '“', '😀', '', '\r\n', 'نوري ']);
        const del = insert ? 0 : Math.min(5, edited.text.length - at);
        const range = { start: positionAt(edited.text, at), end: positionAt(edited.text, at + del) };
        edited.text = edited.text.slice(0, at) + insert + edited.text.slice(at + del);
        edited.version++;
        counts.edits++;
        await h.connection.sendNotification('textDocument/didChange', { textDocument: { uri: edited.uri, version: edited.version }, contentChanges: [{ range, text: insert }] });
      }
      if (n % 1000 === 0) peakRss = Math.max(peakRss, rssMb(h.process.pid!));
      const method = pick(METHODS);
      const doc = pick(targets);
      const lines = doc.text.split('\n');
      const r = rand();
      const line = r < 0.05 ? 1_000_000 : r < 0.08 ? lines.length : Math.floor(rand() * lines.length);
      const character = rand() < 0.05 ? 99_999 : Math.floor(rand() * ((lines[line]?.length ?? 10) + 2));
      const params: Record<string, unknown> = { textDocument: { uri: doc.uri }, position: { line, character } };
      if (method === 'textDocument/references') params.context = { includeDeclaration: rand() < 0.5 };
      const cancel = rand() < 0.1 ? new CancellationTokenSource() : undefined;
      // (Passing an undefined token would make vscode-jsonrpc send the params by position.)
      const pending = cancel ? h.connection.sendRequest(method, params, cancel.token) : h.connection.sendRequest(method, params);
      if (cancel) setTimeout(() => cancel.cancel(), Math.floor(rand() * 3));
      try {
        const result = await pending;
        const problem = SHAPES[method](result);
        if (problem) counts.malformedAnswers.push(`${method} ${JSON.stringify(params)} → ${JSON.stringify(result).slice(0, 200)}`);
        else counts.ok++;
      } catch (err) {
        if (err instanceof ResponseError && err.code === -32800) counts.cancelled++;
        else if (err instanceof ResponseError) {
          counts.errors++;
          if (counts.errorSamples.length < 5) counts.errorSamples.push(`${method} ${JSON.stringify(params)} → ${err.code} ${err.message}`);
        }
        else throw err; // a dead connection, not an answer
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  peakRss = Math.max(peakRss, rssMb(h.process.pid!));
  const seconds = (Date.now() - started) / 1000;
  t.diagnostic(`${TOTAL} requests in ${seconds.toFixed(1)} s: ${counts.ok} answered, ${counts.errors} errors, ${counts.cancelled} cancelled, ${counts.edits} edits; peak RSS ${peakRss.toFixed(0)} MB`);
  for (const e of counts.errorSamples) t.diagnostic(`error answer: ${e}`);
  assert.deepEqual(counts.malformedAnswers.slice(0, 5), []);
  assert.equal(counts.ok + counts.errors + counts.cancelled, TOTAL);
  assert.equal(h.process.exitCode, null, 'the server exited');
  assert.ok(peakRss < RSS_LIMIT_MB, `peak RSS ${peakRss.toFixed(0)} MB`);
  // Still right after the storm: the edited document's text is what the server holds.
  await stillServes();
  const edits: { data: number[] } = await h.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: edited.uri } });
  assert.ok(edits.data.length > 0);
});

/** Writes raw bytes to the server's stdin, framed with a (valid) Content-Length header. */
function writeRaw(body: Buffer | string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  h.process.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
}

/** Hover on "Maliki issued" (a known mention) still shows his card. */
async function stillServes(): Promise<void> {
  const a = articles.find((x) => x.text.includes('Maliki issued'))!;
  const hover: { contents: { value: string } } | null = await h.connection.sendRequest('textDocument/hover', { textDocument: { uri: a.uri }, position: positionAt(a.text, a.text.indexOf('Maliki issued') + 1) });
  assert.ok(hover && /Maliki/.test(hover.contents.value), 'the server no longer answers hover');
  assert.equal(h.process.exitCode, null);
}

test('malformed input: garbage bytes with a valid Content-Length do not kill the server', async () => {
  writeRaw(Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0xc3, 0x28, 0x0a]));
  writeRaw('{"jsonrpc": "2.0", "id": 9000001, "method": ');
  writeRaw('[1, 2, 3]');
  writeRaw('"just a string"');
  writeRaw('null');
  writeRaw('{}');
  await stillServes();
});

test('malformed input: unknown methods get MethodNotFound, notifications are ignored', async () => {
  await assert.rejects(h.connection.sendRequest('sourcelens/noSuchMethod', { a: 1 }), (err: unknown) => err instanceof ResponseError && err.code === -32601);
  await assert.rejects(h.connection.sendRequest('textDocument/noSuchThing', {}), (err: unknown) => err instanceof ResponseError && err.code === -32601);
  await h.connection.sendNotification('sourcelens/noSuchNotification', { x: 1 });
  await stillServes();
});

test('malformed input: bad params are answered (error or empty), never a crash', async () => {
  const bad: Array<[string, unknown]> = [
    ['textDocument/hover', {}],
    ['textDocument/hover', { textDocument: { uri: 42 }, position: 'here' }],
    ['textDocument/hover', { textDocument: { uri: 'file:///nope.md' }, position: { line: -5, character: -1 } }],
    ['textDocument/hover', { textDocument: { uri: 'not a uri at all' }, position: { line: 0, character: 0 } }],
    ['textDocument/references', { textDocument: { uri: articles[0].uri }, position: { line: 'x' } }],
    ['textDocument/definition', null],
    ['textDocument/documentSymbol', { textDocument: null }],
    ['textDocument/semanticTokens/full', { textDocument: { uri: { deep: ['x'] } } }],
    ['sourcelens/entityMentions', { id: { $gt: '' } }],
    ['sourcelens/quotesBy', { uri: 7, position: [] }],
    ['workspace/executeCommand', { command: 'sourcelens.createNote', arguments: [null, 'weird-type', '../../etc'] }],
    ['workspace/symbol', { query: { not: 'a string' } }],
  ];
  for (const [method, params] of bad) {
    try {
      await h.connection.sendRequest(method, params as object);
    } catch (err) {
      assert.ok(err instanceof ResponseError, `${method}: ${String(err)}`);
    }
  }
  // Raw requests with ids the client never sent, and a batch (not supported by LSP).
  writeRaw(JSON.stringify({ jsonrpc: '2.0', id: 9000002, method: 'textDocument/hover', params: { textDocument: {}, position: {} } }));
  writeRaw(JSON.stringify([{ jsonrpc: '2.0', id: 9000003, method: 'shutdown' }]));
  writeRaw(JSON.stringify({ jsonrpc: '1.0', id: 9000004, method: 'textDocument/hover' }));
  await stillServes();
});
