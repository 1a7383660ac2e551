/**
 * The production analysis components: the shipped NER model, the date recognizer, the markup
 * mask and the argument analysis. Loading the model is the only I/O here, done once.
 */
import type { AnalysisComponents } from './core/analyzeArticle';
import { recognizeDates } from './core/dates/recognizeDates';
import { createEntityRecognizer } from './core/ner/recognizer';
import { maskMarkup } from './core/text/blocks';
import { loadNerModel } from './nerModelFile';

let cached: AnalysisComponents | undefined;

export function productionComponents(): AnalysisComponents {
  if (cached) return cached;
  const recognizer = createEntityRecognizer(loadNerModel());
  cached = {
    maskMarkup,
    recognizeEntities: (text) => recognizer.recognize(text),
    recognizeDates,
    // The argument analysis (core/outline) is wired in when it lands.
    analyzeArgument: () => ({ outline: [], quotes: [] }),
  };
  return cached;
}
