'use strict';
// JSON Lines helpers shared by the training and evaluation scripts.
const fs = require('fs');

/** Parses JSON Lines text: one object per non-blank line. */
function parseJsonl(text) {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Reads and parses a JSON Lines file. */
function readJsonl(file) {
  return parseJsonl(fs.readFileSync(file, 'utf8'));
}

module.exports = { parseJsonl, readJsonl };
