/**
 * The SourceLens command line, over the same core as the language server:
 *   sourcelens extract [--format json|jsonl] [--kb DIR] PATH…   articles (files or folders); entity notes from
 *                                                               DIR, else from each folder's entities/ (as the editor reads them)
 *   sourcelens extract --jsonl-in FILE|-                        {"id","text","dct"?} per line
 *   sourcelens outline [--json] PATH…                           the argument outline
 * Output is JSON on stdout; problems go to stderr.
 */
import { promises as fs, createReadStream } from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { analyzeArticle, type AnalysisComponents, type ArticleAnalysis } from './core/analyzeArticle';
import { parseEntityNote } from './core/entityNote';
import { linkCorpus, reportedType, type CorpusLinking, type EntityNote } from './core/linking/corpusEntities';
import type { OutlineNode } from './core/types';
import { componentProblems, productionComponents } from './components';

interface Args {
  command: string;
  format: 'json' | 'jsonl';
  kb?: string;
  jsonlIn?: string;
  json: boolean;
  paths: string[];
}

const USAGE = `usage:
  sourcelens extract [--format json|jsonl] [--kb DIR] PATH...   (notes: DIR, else each folder's entities/)
  sourcelens extract --jsonl-in FILE|-
  sourcelens outline [--json] PATH...`;

function parseArgs(argv: string[]): Args | string {
  const args: Args = { command: argv[0] ?? '', format: 'json', json: false, paths: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') {
      const f = argv[++i];
      if (f !== 'json' && f !== 'jsonl') return `--format takes json or jsonl, not ${f}`;
      args.format = f;
    } else if (a.startsWith('--format=')) {
      const f = a.slice(9);
      if (f !== 'json' && f !== 'jsonl') return `--format takes json or jsonl, not ${f}`;
      args.format = f;
    } else if (a === '--kb') args.kb = argv[++i];
    else if (a === '--jsonl-in') args.jsonlIn = argv[++i];
    else if (a === '--json') args.json = true;
    else if (a === '-h' || a === '--help') return USAGE;
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else args.paths.push(a);
  }
  return args;
}

async function collectMarkdown(p: string, out: string[]): Promise<void> {
  const stat = await fs.stat(p);
  if (stat.isDirectory()) {
    const entries = (await fs.readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(p, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'entities') await collectMarkdown(full, out);
      } else if (/\.(md|markdown|txt)$/i.test(e.name)) out.push(full);
    }
  } else out.push(p);
}

/** The notes folders: `--kb DIR` when given, else the `entities/` folder of each folder among the paths. */
async function notesFolders(paths: string[], kb: string | undefined): Promise<string[]> {
  if (kb) return [kb];
  const out = new Set<string>(); // a folder given twice is read once
  for (const p of paths) {
    const dir = path.resolve(p, 'entities');
    if ((await fs.stat(p).catch(() => undefined))?.isDirectory() && (await fs.stat(dir).catch(() => undefined))?.isDirectory()) out.add(dir);
  }
  return [...out];
}

async function loadNotes(dirs: string[]): Promise<EntityNote[]> {
  const notes: EntityNote[] = [];
  for (const dir of dirs) notes.push(...(await loadNotesIn(dir)));
  return notes;
}

async function loadNotesIn(dir: string): Promise<EntityNote[]> {
  const notes: EntityNote[] = [];
  for (const name of (await fs.readdir(dir)).sort()) {
    if (!/\.md$/i.test(name)) continue;
    const parsed = parseEntityNote(await fs.readFile(path.join(dir, name), 'utf8'), name.replace(/\.md$/i, '').toLowerCase());
    if (parsed.note) notes.push(parsed.note);
    for (const p of parsed.problems) process.stderr.write(`${name}: ${p.message}\n`);
  }
  return notes;
}

function entityIds(analysis: ArticleAnalysis, linking: CorpusLinking, doc: number): string[] {
  return analysis.mentions.map((_, i) => {
    const c = analysis.clusterOf[i];
    return c >= 0 ? linking.assignment[doc][c] : '';
  });
}

function outlineJson(nodes: OutlineNode[]): unknown[] {
  return nodes.map((n) => ({ role: n.role, name: n.name, detail: n.detail, start: n.start, end: n.end, children: outlineJson(n.children) }));
}

function quotesJson(analysis: ArticleAnalysis, ids: string[], linking: CorpusLinking): unknown[] {
  return analysis.quotes.map((q) => {
    let speaker: { entity: string | null; name: string } | null = null;
    if (q.speaker) {
      let entity: string | null = null;
      if (q.speaker.start !== undefined) {
        const i = analysis.mentions.findIndex((m) => m.start <= q.speaker!.start! && q.speaker!.start! < m.end);
        if (i >= 0 && ids[i]) entity = ids[i];
      }
      speaker = { entity, name: entity ? linking.byId.get(entity)?.name ?? q.speaker.name : q.speaker.name };
    }
    return { start: q.start, end: q.end, text: q.text, kind: q.kind, speaker };
  });
}

async function* jsonlLines(file: string): AsyncGenerator<string> {
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield line;
}

async function extractJsonl(file: string, components: AnalysisComponents, write: (s: string) => void): Promise<number> {
  const docs: Array<{ id: string; analysis: ArticleAnalysis }> = [];
  let lineNo = 0;
  for await (const line of jsonlLines(file)) {
    lineNo++;
    let input: { id?: unknown; text?: unknown; dct?: unknown };
    try {
      input = JSON.parse(line);
    } catch {
      process.stderr.write(`line ${lineNo}: not JSON, skipped\n`);
      continue;
    }
    if (typeof input.text !== 'string') {
      process.stderr.write(`line ${lineNo}: no "text", skipped\n`);
      continue;
    }
    const dct = typeof input.dct === 'string' ? input.dct : undefined;
    const analysis = analyzeArticle(input.text, components, { dct, frontMatter: false });
    docs.push({ id: input.id === undefined ? String(lineNo) : String(input.id), analysis });
  }
  const linking = linkCorpus(docs.map((d) => d.analysis.clusters));
  docs.forEach((d, i) => {
    const ids = entityIds(d.analysis, linking, i);
    const out = {
      id: d.id,
      entities: d.analysis.mentions.map((m, j) => ({ start: m.start, end: m.end, type: m.type, text: m.text, entity: ids[j] })),
      dates: d.analysis.dates.map((t) => ({ start: t.start, end: t.end, text: t.text, value: t.value, type: t.type })),
      quotes: quotesJson(d.analysis, ids, linking),
      outline: outlineJson(d.analysis.outline),
    };
    write(JSON.stringify(out) + '\n');
  });
  return 0;
}

async function analyzeFiles(paths: string[], kb: string | undefined, components: AnalysisComponents): Promise<{ files: string[]; analyses: ArticleAnalysis[]; linking: CorpusLinking }> {
  const files: string[] = [];
  for (const p of paths) await collectMarkdown(p, files);
  const analyses: ArticleAnalysis[] = [];
  for (const f of files) {
    const analysis = analyzeArticle(await fs.readFile(f, 'utf8'), components);
    for (const p of analysis.problems) process.stderr.write(`${f}: ${p.message}\n`);
    analyses.push(analysis);
  }
  const linking = linkCorpus(analyses.map((a) => a.clusters), await loadNotes(await notesFolders(paths, kb)));
  return { files, analyses, linking };
}

function printOutline(nodes: OutlineNode[], depth: number, write: (s: string) => void): void {
  for (const n of nodes) {
    write(`${'  '.repeat(depth)}${n.role}: ${n.name}${n.detail ? `  (${n.detail})` : ''}\n`);
    printOutline(n.children, depth + 1, write);
  }
}

export async function main(argv: string[], write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(args + '\n' + (args === USAGE ? '' : USAGE + '\n'));
    return args === USAGE ? 0 : 2;
  }
  if (args.command !== 'extract' && args.command !== 'outline') {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const components = productionComponents();
  for (const problem of componentProblems) process.stderr.write(`sourcelens: ${problem}\n`);
  if (args.command === 'extract' && args.jsonlIn) return extractJsonl(args.jsonlIn, components, write);
  if (args.paths.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const { files, analyses, linking } = await analyzeFiles(args.paths, args.kb, components);
  if (args.command === 'outline') {
    if (args.json) write(JSON.stringify(files.map((f, i) => ({ path: f, outline: outlineJson(analyses[i].outline), quotes: quotesJson(analyses[i], entityIds(analyses[i], linking, i), linking) })), null, 2) + '\n');
    else
      files.forEach((f, i) => {
        write(`# ${f}\n`);
        printOutline(analyses[i].outline, 0, write);
        const ids = entityIds(analyses[i], linking, i);
        for (const q of quotesJson(analyses[i], ids, linking) as Array<{ text: string; kind: string; speaker: { name: string } | null }>) {
          write(`  quote (${q.kind}) ${q.speaker ? q.speaker.name : '—'}: “${q.text.length > 80 ? q.text.slice(0, 79) + '…' : q.text}”\n`);
        }
      });
    return 0;
  }
  const entityJson = (id: string) => {
    const e = linking.byId.get(id)!;
    return { id: e.id, name: e.name, type: e.type, aliases: [...new Set([...(e.note?.aliases ?? []), ...e.spellings.keys()])], mentions: e.mentionCount };
  };
  const articles = files.map((f, i) => {
    const a = analyses[i];
    const ids = entityIds(a, linking, i);
    return {
      path: f,
      meta: a.meta,
      // A mention linked to an entity with a note reports the note's type (the reader's decision).
      mentions: a.mentions.map((m, j) => ({ start: m.start, end: m.end, type: a.clusterOf[j] >= 0 ? reportedType(linking, i, a.clusterOf[j], m.type) : m.type, entity: ids[j], text: m.text, source: m.source })),
      dates: a.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, value: d.value, type: d.type })),
      quotes: quotesJson(a, ids, linking),
      outline: outlineJson(a.outline),
      problems: a.problems,
      entityIds: [...new Set(ids.filter(Boolean))],
    };
  });
  if (args.format === 'jsonl') {
    for (const { entityIds: used, ...article } of articles) write(JSON.stringify({ ...article, entities: used.map(entityJson) }) + '\n');
  } else {
    const entities = linking.entities.filter((e) => e.mentionCount > 0).map((e) => entityJson(e.id));
    write(JSON.stringify({ articles: articles.map(({ entityIds: _unused, ...a }) => a), entities }, null, 2) + '\n');
  }
  return 0;
}
