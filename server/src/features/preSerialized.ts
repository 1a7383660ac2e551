/**
 * A reply kept with its JSON text. Large answers the index keeps between requests (every location
 * of a frequent actor: hundreds of kilobytes) are serialized once; the stdio writer
 * (`preSerializedEncoder`) sends the kept bytes instead of stringifying the value again. Any other
 * transport serializes it as usual (`toJSON` gives the value), so the client sees the same JSON.
 */
import type { Message } from 'vscode-languageserver/node';

/** Room kept before the value's JSON for the response's head (`{"jsonrpc":"2.0","id":…,"result":`). */
const HEAD_ROOM = 64;

export class PreSerialized<T> {
  private bytes: Buffer | undefined;
  private parsed: T | undefined;
  private hasValue: boolean;
  /** The value's JSON text, when made from it (until the frame is made). */
  private json: string | undefined;

  constructor(value: T) {
    this.parsed = value;
    this.hasValue = true;
  }

  /**
   * A reply made as JSON text (exactly what `JSON.stringify` of its value gives): no objects are
   * made for it unless `value` is read (another transport, or a reply that adds to it).
   */
  static fromJson<T>(json: string): PreSerialized<T> {
    const reply = new PreSerialized<T>(undefined as T);
    reply.hasValue = false;
    reply.parsed = undefined;
    reply.json = json;
    return reply;
  }

  get value(): T {
    if (!this.hasValue) {
      const frame = this.bytes;
      this.parsed = JSON.parse(this.json ?? frame!.subarray(HEAD_ROOM, frame!.length - 1).toString('utf8')) as T;
      this.hasValue = true;
    }
    return this.parsed as T;
  }

  /**
   * HEAD_ROOM spare bytes, the value's JSON text as UTF-8, and the response's closing brace: made on
   * first use, then reused for every response (no copy of a large reply per request).
   */
  get frame(): Buffer {
    if (!this.bytes) {
      const text = this.json ?? JSON.stringify(this.parsed);
      const length = Buffer.byteLength(text, 'utf8');
      this.bytes = Buffer.allocUnsafe(HEAD_ROOM + length + 1);
      this.bytes.fill(0x20, 0, HEAD_ROOM);
      this.bytes.write(text, HEAD_ROOM, 'utf8');
      this.bytes[this.bytes.length - 1] = 0x7d; // }
      this.json = undefined;
    }
    return this.bytes;
  }

  /** The complete response text for a request id, as a view into `frame` with the head written before the JSON. */
  response(head: Buffer): Buffer {
    const frame = this.frame;
    if (head.length > HEAD_ROOM) return Buffer.concat([head, frame.subarray(HEAD_ROOM)]);
    head.copy(frame, HEAD_ROOM - head.length);
    return frame.subarray(HEAD_ROOM - head.length);
  }

  toJSON(): T {
    return this.value;
  }
}

/**
 * The JSON-RPC content encoder of the stdio transport: a response whose result is `PreSerialized`
 * is assembled from its kept bytes; every other message is `JSON.stringify`'d as vscode-jsonrpc does.
 * (vscode-jsonrpc encodes and writes one message at a time and waits for each write to finish, so
 * a frame's head area is never rewritten while an earlier response from it is being sent.)
 */
export const preSerializedEncoder = {
  name: 'application/json',
  encode(msg: Message, options: { charset: BufferEncoding }): Promise<Uint8Array> {
    try {
      const { id, result } = msg as { id?: unknown; result?: unknown };
      if (result instanceof PreSerialized && id !== undefined && !('error' in msg)) {
        const head = Buffer.from(`{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"id":${JSON.stringify(id)},"result":`, 'utf8');
        return Promise.resolve(result.response(head));
      }
      return Promise.resolve(Buffer.from(JSON.stringify(msg, undefined, 0), options.charset));
    } catch (err) {
      return Promise.reject(err);
    }
  },
};
