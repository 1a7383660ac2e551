#!/usr/bin/env node
// Bundles the extension client and the language server with esbuild (two entry points).
// Type checking is tsc's job (`tsc -b`); this only produces the files the .vsix ships.
'use strict';
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/dist/server.js' }),
  // The actor network webview (browser code, cytoscape bundled in; no remote scripts).
  esbuild.build({ ...common, platform: 'browser', target: 'es2020', format: 'iife', entryPoints: ['client/src/webview/network.ts'], outfile: 'client/dist/network.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/index/analysisWorker.ts'], outfile: 'server/dist/analysisWorker.js' }),
]).catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
