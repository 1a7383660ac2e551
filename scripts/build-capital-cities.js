#!/usr/bin/env node
// Writes server/src/core/linking/capitalCities.ts from the world-countries package (dev dependency):
// every country's and territory's capital, "Washington D.C." as "Washington", without the capitals
// named like their country ("Singapore"), sorted. No entry is chosen by hand.
//
//   node scripts/build-capital-cities.js
'use strict';
const fs = require('fs');
const path = require('path');
const countries = require('world-countries');
const version = require('world-countries/package.json').version;

const names = new Set();
for (const country of countries) {
  for (const capital of country.capital || []) {
    const name = capital.replace(/ D\.C\.$/, '');
    if (name === country.name.common || name === country.name.official) continue;
    names.add(name);
  }
}
const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const lines = [];
let line = ' ';
for (const name of sorted) {
  const item = ` '${name.replace(/'/g, "\\'")}',`;
  if (line.length + item.length > 110) {
    lines.push(line);
    line = ' ';
  }
  line += item;
}
lines.push(line);
const out = `/**
 * The capital cities of the world's countries and territories (${sorted.length}), as world-countries@${version} lists
 * them ("Washington D.C." as "Washington"), without those named like their country ("Singapore"): a
 * capital can stand for its government ("Washington warned Tehran"), a country name stays a place.
 * Generated from the package data by scripts/build-capital-cities.js; no entry was chosen by hand.
 */
export const CAPITAL_CITIES: ReadonlySet<string> = new Set([
${lines.join('\n')}
]);
`;
fs.writeFileSync(path.join(__dirname, '..', 'server', 'src', 'core', 'linking', 'capitalCities.ts'), out);
console.log(`capitalCities.ts: ${sorted.length} capitals from world-countries@${version}`);
