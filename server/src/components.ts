/**
 * The production analysis components: the shipped NER model, the date recognizer, the markup
 * mask and the argument analysis. Loading the model is the only I/O here, done once. A model that
 * cannot be loaded is reported (see `componentProblems`) and names are then not recognised;
 * nothing else stops working.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import * as path from 'path';
import type { AnalysisComponents } from './core/analyzeArticle';
import { recognizeDates } from './core/dates/recognizeDates';
import { createEntityRecognizer, type EntityRecognizer } from './core/ner/recognizer';
import { analyzeArgument } from './core/outline/buildOutline';
import { maskMarkup } from './core/text/blocks';
import { loadNerModel, NER_MODEL_FILE } from './nerModelFile';

let cached: AnalysisComponents | undefined;

/** Why a component is degraded, for the server log and the CLI's stderr. */
export const componentProblems: string[] = [];

function loadRecognizer(): EntityRecognizer {
  try {
    return createEntityRecognizer(loadNerModel());
  } catch (err) {
    componentProblems.push(`The name recognizer's model could not be loaded (${err instanceof Error ? err.message : String(err)}); names are not recognised. Reinstall or rebuild SourceLens.`);
    return { recognize: () => [] };
  }
}

export function productionComponents(): AnalysisComponents {
  if (cached) return cached;
  const recognizer = loadRecognizer();
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
  for (const file of [path.join(__dirname, '..', 'models', NER_MODEL_FILE), require.main?.filename ?? __filename, __filename]) {
    try {
      h.update(readFileSync(file));
    } catch {
      h.update(file);
    }
  }
  return h.digest('hex').slice(0, 16);
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
