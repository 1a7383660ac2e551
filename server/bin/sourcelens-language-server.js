#!/usr/bin/env node
'use strict';
// Starts the SourceLens language server; pass --stdio (the default transport for LSP clients).
if (!process.argv.some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) process.argv.push('--stdio');
require('../out/server.js');
