/**
 * A reply kept with its JSON text. Large answers the index keeps between requests (every location
 * of a frequent actor: hundreds of kilobytes) are serialized once; the stdio writer
 * (`preSerializedEncoder`) sends the kept bytes instead of stringifying the value again. Any other
 * transport serializes it as usual (`toJSON` gives the value), so the client sees the same JSON.
 */
import type { Message } from 'vscode-languageserver/node';

export class PreSerialized<T> {
  private bytes: Buffer | undefined;

  constructor(readonly value: T) {}

  /** The value's JSON text as UTF-8, made on first use. */
  get json(): Buffer {
    return (this.bytes ??= Buffer.from(JSON.stringify(this.value), 'utf8'));
  }

  toJSON(): T {
    return this.value;
  }
}

const CLOSE = Buffer.from('}');

/**
 * The JSON-RPC content encoder of the stdio transport: a response whose result is `PreSerialized`
 * is assembled from its kept bytes; every other message is `JSON.stringify`'d as vscode-jsonrpc does.
 */
export const preSerializedEncoder = {
  name: 'application/json',
  encode(msg: Message, options: { charset: BufferEncoding }): Promise<Uint8Array> {
    try {
      const { id, result } = msg as { id?: unknown; result?: unknown };
      if (result instanceof PreSerialized && id !== undefined && !('error' in msg)) {
        const head = Buffer.from(`{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"id":${JSON.stringify(id)},"result":`, 'utf8');
        return Promise.resolve(Buffer.concat([head, result.json, CLOSE]));
      }
      return Promise.resolve(Buffer.from(JSON.stringify(msg, undefined, 0), options.charset));
    } catch (err) {
      return Promise.reject(err);
    }
  },
};
