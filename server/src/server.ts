/**
 * Entry point of the language server (`sourcelens-language-server --stdio`). Stdout is the
 * protocol: nothing else may write to it, so console.log is redirected to stderr.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { lazyProductionComponents } from './components';
import { startLanguageServer } from './languageServer';

console.log = (...args: unknown[]) => console.error(...args);
console.info = console.log;

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (err) => connection.console.error(`Uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`Unhandled rejection: ${String((err as Error)?.stack ?? err)}`));
startLanguageServer(
  connection,
  lazyProductionComponents((problems) => {
    for (const problem of problems) connection.console.error(problem);
  }),
);
