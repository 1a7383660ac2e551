// Request latencies against a ready server: hovers over random placed mentions, references of the
// most frequent actors, document symbols, and edit → refreshed hover. Every loop is bounded in
// count and in time.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { createRandom } = require('./entityUniverse');
const { timed, summarize, now } = require('./lspSession');

const COUNT = /\*\*(\d+)\*\* mentions?/;

function uriOf(dir, rel) {
  return pathToFileURL(path.join(dir, rel)).toString();
}

function hoverText(h) {
  if (!h || !h.contents) return '';
  const c = h.contents;
  return typeof c === 'string' ? c : Array.isArray(c) ? c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n') : c.value ?? '';
}

async function measureHovers(session, manifest, count, budgetMs) {
  const rnd = createRandom(7);
  const sample = rnd.shuffle([...manifest.hoverSample]);
  const at = (i) => {
    const m = sample[i % sample.length];
    return { textDocument: { uri: uriOf(manifest.dir, m.path) }, position: { line: m.line, character: m.character + Math.floor((m.end - m.start) / 2) } };
  };
  for (let i = 0; i < 50; i++) await session.connection.sendRequest('textDocument/hover', at(sample.length - 1 - i));
  const times = [];
  let entityCards = 0;
  let nulls = 0;
  const started = now();
  for (let i = 0; i < count && now() - started < budgetMs; i++) {
    const { ms, value } = await timed(() => session.connection.sendRequest('textDocument/hover', at(i)));
    times.push(ms);
    if (!value) nulls++;
    else if (COUNT.test(hoverText(value))) entityCards++;
  }
  return { ...summarize(times), withEntityCard: entityCards, empty: nulls };
}

/**
 * References of frequent actors, 8 positions each, `repeats` times. `which`: 'near1000' (issue 7's
 * target: up to 8 actors with at least 1,000 placed mentions, the closest to 1,000 first) or 'top'
 * (the 3 most frequent actors, tens of thousands of locations at 10,000 articles: the reply's JSON
 * then dominates, so the size is recorded too).
 */
async function measureReferences(session, manifest, budgetMs, which = 'near1000') {
  const frequent = manifest.frequent.filter((f) => f.count >= 1000);
  const byCount = [...manifest.frequent].sort((a, b) => b.count - a.count);
  const chosen =
    which === 'top'
      ? byCount.slice(0, 3)
      : frequent.length
        ? [...frequent].sort((a, b) => a.count - b.count).slice(0, 8)
        : byCount.slice(0, 3);
  const repeats = which === 'top' ? 2 : 4;
  const times = [];
  const entities = [];
  const started = now();
  const params = (p) => ({ textDocument: { uri: uriOf(manifest.dir, p.path) }, position: { line: p.line, character: p.character + 1 }, context: { includeDeclaration: true } });
  if (chosen.length) for (let i = 0; i < 5; i++) await session.connection.sendRequest('textDocument/references', params(chosen[0].positions[0]));
  for (const e of chosen) {
    let returned = 0;
    let replyBytes = 0;
    const own = [];
    for (const p of e.positions) {
      for (let r = 0; r < repeats && now() - started < budgetMs; r++) {
        const { ms, value } = await timed(() => session.connection.sendRequest('textDocument/references', params(p)));
        own.push(ms);
        if (value && value.length > returned) {
          returned = value.length;
          replyBytes = Buffer.byteLength(JSON.stringify(value));
        }
      }
    }
    times.push(...own);
    entities.push({ name: e.name, type: e.type, generatedMentions: e.count, serverReferences: returned, replyMB: Math.round(replyBytes / 2 ** 10) / 2 ** 10, p50: summarize(own).p50, p99: summarize(own).p99 });
  }
  return { ...summarize(times), which, entities, note: frequent.length || which === 'top' ? undefined : 'no actor reaches 1,000 generated mentions at this size; the most frequent were used' };
}

async function measureDocumentSymbols(session, manifest, count, budgetMs) {
  const rnd = createRandom(11);
  const files = manifest.fileList;
  const times = [];
  let empty = 0;
  const started = now();
  for (let i = 0; i < count && now() - started < budgetMs; i++) {
    const uri = uriOf(manifest.dir, files[rnd.int(files.length)]);
    const { ms, value } = await timed(() => session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }));
    times.push(ms);
    if (!value || !value.length) empty++;
  }
  return { ...summarize(times), empty };
}

/**
 * Opens the 1,500-word article, then `edits` times appends a sentence naming the most frequent
 * person and polls hover on the new name until (a) it shows an entity card and (b) the card's
 * mention count went up. Reports both latencies.
 */
async function measureEdits(session, manifest, edits, perEditTimeoutMs) {
  const { connection } = session;
  const uri = uriOf(manifest.dir, manifest.edit.path);
  let text = fs.readFileSync(path.join(manifest.dir, manifest.edit.path), 'utf8');
  let version = 1;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version, text } });
  const existing = manifest.edit.existing;
  const hoverAt = async (line, character) => hoverText(await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }));
  let baseline;
  const t0 = now();
  while (now() - t0 < perEditTimeoutMs) {
    const m = COUNT.exec(await hoverAt(existing.line, existing.character + 2));
    if (m) {
      baseline = Number(m[1]);
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  if (baseline === undefined) return { error: 'the edit target article never showed a mention count for its main actor' };
  const recognized = [];
  const refreshed = [];
  const failures = [];
  const name = manifest.edit.entity.name;
  for (let k = 1; k <= edits; k++) {
    const lines = text.split('\n');
    const endLine = lines.length - 1;
    const endChar = lines[endLine].length;
    const sentence = `\n${name} said on Tuesday that the talks would resume.\n`;
    const newLine = endLine + 1;
    text += sentence;
    version++;
    const start = now();
    connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: endLine, character: endChar }, end: { line: endLine, character: endChar } }, text: sentence }],
    });
    let seen;
    let counted;
    while (now() - start < perEditTimeoutMs) {
      const h = await hoverAt(newLine, 2);
      const m = COUNT.exec(h);
      if (h.includes(name) && seen === undefined) seen = now() - start;
      if (m && Number(m[1]) > baseline) {
        counted = now() - start;
        baseline = Number(m[1]);
        break;
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    if (seen !== undefined) recognized.push(seen);
    if (counted !== undefined) refreshed.push(counted);
    else {
      failures.push(`edit ${k}: the count did not go up within ${perEditTimeoutMs} ms (recognized: ${seen !== undefined})`);
      break;
    }
  }
  connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { articleWords: manifest.edit.words, recognizedMs: summarize(recognized), countRefreshedMs: summarize(refreshed), failures };
}

module.exports = { measureHovers, measureReferences, measureDocumentSymbols, measureEdits };
