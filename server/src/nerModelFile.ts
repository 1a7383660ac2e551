/**
 * Loads the shipped named-entity model (server/models/ner.bin) from disk. Kept outside the pure
 * core, which only decodes bytes. The path works from both server/out/ (tsc) and server/dist/ (esbuild
 * bundle), which are siblings of server/models/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { decodeNerModel, NerModel } from './core/ner/model';

export const NER_MODEL_FILE = 'ner.bin';

let cached: NerModel | undefined;

/** Reads and decodes the model once per process. Throws if the file is missing or malformed. */
export function loadNerModel(file: string = path.join(__dirname, '..', 'models', NER_MODEL_FILE)): NerModel {
  if (cached && file === path.join(__dirname, '..', 'models', NER_MODEL_FILE)) return cached;
  const model = decodeNerModel(new Uint8Array(fs.readFileSync(file)));
  if (file === path.join(__dirname, '..', 'models', NER_MODEL_FILE)) cached = model;
  return model;
}
