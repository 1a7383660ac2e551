/**
 * The production analysis components: the shipped NER model, the date recognizer, the markup
 * mask and the argument analysis. Loading the model is the only I/O here, done once. A model that
 * cannot be loaded is reported (see `componentProblems`) and names are then not recognised;
 * nothing else stops working.
 */
import { createHash } from 'crypto';
import { readdirSync, readFileSync, type Dirent } from 'fs';
import * as path from 'path';
import type { AnalysisComponents } from './core/analyzeArticle';
import type * as RecognizeDates from './core/dates/recognizeDates';
import type * as Recognizer from './core/ner/recognizer';
import type { EntityRecognizer } from './core/ner/recognizer';
import type * as BuildOutline from './core/outline/buildOutline';
import type * as Blocks from './core/text/blocks';
import type * as NerModelFile from './nerModelFile';

// The recognizers (chrono-node, the NER model's decoder, the outline rules) are required on first
// use, not at start-up: the language server answers `initialize` before any of them is loaded.
/* eslint-disable @typescript-eslint/no-require-imports -- deferred loading is the point */
const nerModelFile = (): typeof NerModelFile => require('./nerModelFile') as typeof NerModelFile;

let cached: AnalysisComponents | undefined;

/** Why a component is degraded, for the server log and the CLI's stderr. */
export const componentProblems: string[] = [];

function loadRecognizer(): EntityRecognizer {
  try {
    const { createEntityRecognizer } = require('./core/ner/recognizer') as typeof Recognizer;
    return createEntityRecognizer(nerModelFile().loadNerModel());
  } catch (err) {
    componentProblems.push(`The name recognizer's model could not be loaded (${err instanceof Error ? err.message : String(err)}); names are not recognised. Reinstall or rebuild SourceLens.`);
    return { recognize: () => [] };
  }
}

export function productionComponents(): AnalysisComponents {
  if (cached) return cached;
  const recognizer = loadRecognizer();
  const { maskMarkup } = require('./core/text/blocks') as typeof Blocks;
  const { recognizeDates } = require('./core/dates/recognizeDates') as typeof RecognizeDates;
  const { analyzeArgument } = require('./core/outline/buildOutline') as typeof BuildOutline;
  cached = {
    maskMarkup,
    recognizeEntities: (text) => recognizer.recognize(text),
    recognizeDates,
    analyzeArgument,
  };
  return cached;
}

/**
 * What analyses depend on besides the text: the model's bytes and the code that runs them (the
 * server bundle, or the entry file when running from tsc output). Keys the persistent cache.
 */
export function analysisFingerprint(): string {
  const h = createHash('sha1');
  const files = [path.join(__dirname, '..', 'models', nerModelFile().NER_MODEL_FILE), require.main?.filename ?? __filename, __filename];
  // Run from tsc output (development, tests) the core is a folder of modules beside this file, not
  // inside the entry file: hash them too, or a changed core would be served stale analyses.
  files.push(...coreModules(path.join(__dirname, 'core')));
  for (const file of files) {
    try {
      h.update(readFileSync(file));
    } catch {
      h.update(file);
    }
  }
  return h.digest('hex').slice(0, 16);
}

/** The core's compiled modules under `dir` (none in the bundle), in a stable order; tests excluded. */
function coreModules(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.js') && !e.name.endsWith('.test.js')) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The same components, loaded on first use: the language server answers `initialize` before the
 * model is decoded (the workers analyse the initial scan with their own copy).
 */
export function lazyProductionComponents(onLoaded: (problems: readonly string[]) => void = () => undefined): AnalysisComponents {
  let loaded: AnalysisComponents | undefined;
  const get = (): AnalysisComponents => {
    if (!loaded) {
      loaded = productionComponents();
      onLoaded(componentProblems);
    }
    return loaded;
  };
  return {
    maskMarkup: (text, bodyStart) => get().maskMarkup(text, bodyStart),
    recognizeEntities: (text) => get().recognizeEntities(text),
    recognizeDates: (text, dct) => get().recognizeDates(text, dct),
    analyzeArgument: (input) => get().analyzeArgument(input),
  };
}
