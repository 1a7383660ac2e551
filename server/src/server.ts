/**
 * Entry point of the language server (`sourcelens-language-server --stdio`). Stdout is the
 * protocol: nothing else may write to it, so console.log is redirected to stderr.
 */
import { inspect } from 'util';
import { setFlagsFromString } from 'v8';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { lazyProductionComponents } from './components';
import { preSerializedEncoder } from './features/preSerialized';
import { startLanguageServer } from './languageServer';

console.log = (...args: unknown[]) => console.error(...args);
console.info = console.log;

/**
 * The heap grows by at most this share after a full collection (V8's default lets it grow by
 * 1.1 to 4 times). The cold index's corpus relink makes a few hundred MB of short-lived objects in
 * one task; with the default they pile up before a collection, and at 10,000 articles the server
 * then peaked at ~810 MB RSS; with 20 % it peaks ~100 MB lower for the same CPU time (the flag is
 * process-wide: the analysis workers follow it too). A reader's own V8 flag wins.
 */
export const HEAP_GROWING_PERCENT = 20;
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent')) && !/--heap-growing-percent/.test(process.env.NODE_OPTIONS ?? '')) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

/**
 * Stdout with each message sent in one system call: the writer writes a message's header and its
 * body separately, so writes are corked until the end of the current tick and go out together (on
 * this machine a write to the pipe costs about 70 µs, a third of a small hover's server time).
 */
function coalescedStdout(): NodeJS.WriteStream {
  const out = process.stdout;
  const write = out.write.bind(out) as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = (): void => {
    corked = false;
    out.uncork();
  };
  out.write = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      out.cork();
      process.nextTick(uncork);
    }
    return write(...args);
  }) as typeof out.write;
  return out;
}

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
  const connection = createConnection(ProposedFeatures.all, input, new StreamMessageWriter(coalescedStdout(), { charset: 'utf-8', contentTypeEncoder: preSerializedEncoder }));
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
