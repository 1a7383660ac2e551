/**
 * Entry point of the language server (`sourcelens-language-server --stdio`). Stdout is the
 * protocol: nothing else may write to it, so console.log is redirected to stderr.
 */
import { inspect } from 'util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { lazyProductionComponents } from './components';
import { preSerializedEncoder } from './features/preSerialized';
import { startLanguageServer } from './languageServer';

console.log = (...args: unknown[]) => console.error(...args);
console.info = console.log;

/**
 * Over stdio the writer is made here, with an encoder that sends kept replies' bytes as they are
 * (see features/preSerialized.ts); the console then goes to the client's log, as the library does
 * for stdio. Other transports (the extension's IPC, sockets) are set up by the library.
 */
function connect(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  // The library reads a stream given as input (and exits when stdin closes, as with --stdio); the
  // typings only admit two streams or a reader and a writer, hence the cast.
  const input = process.stdin as unknown as MessageReader;
  const connection = createConnection(ProposedFeatures.all, input, new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: preSerializedEncoder }));
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  return connection;
}

const connection = connect();
process.on('uncaughtException', (err) => connection.console.error(`Uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`Unhandled rejection: ${String((err as Error)?.stack ?? err)}`));
startLanguageServer(
  connection,
  lazyProductionComponents((problems) => {
    for (const problem of problems) connection.console.error(problem);
  }),
);
