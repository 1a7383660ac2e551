/**
 * The lines of a snapshot file, read from the open file when asked instead of held in memory: the
 * file is as large as the corpus's analyses (150 MB at 10,000 articles), and a buffer of that size
 * stayed allocated after a warm start until the next full garbage collection, which an idle server
 * may not run for a long time. Opening scans the file once through one reused buffer to find
 * where each line starts; each read goes through one reused buffer too, so reading the snapshot
 * allocates only what is decoded from it.
 *
 * The file is held open until `close`: a snapshot written meanwhile replaces it by a rename, so
 * the lines read are always those of the file that was opened.
 */
import * as fs from 'fs';

const CHUNK = 1 << 20;
const NEWLINE = 10;

export class SnapshotLines {
  private scratch = Buffer.allocUnsafe(64 * 1024);

  private constructor(
    private fd: number,
    /** Line i spans bytes [starts[i], ends[i]) of the file. */
    private readonly starts: Float64Array,
    private readonly ends: Float64Array,
  ) {}

  /** Opens `file` and finds its lines; undefined when it cannot be opened (a missing file is no error). */
  static open(file: string): SnapshotLines | undefined {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return undefined;
    }
    try {
      const starts: number[] = [0];
      const chunk = Buffer.allocUnsafe(CHUNK);
      let position = 0;
      for (;;) {
        const got = fs.readSync(fd, chunk, 0, CHUNK, position);
        if (got === 0) break;
        for (let at = chunk.indexOf(NEWLINE, 0); at >= 0 && at < got; at = chunk.indexOf(NEWLINE, at + 1)) starts.push(position + at + 1);
        position += got;
      }
      // The file's last line has no newline after it.
      const ends = new Float64Array(starts.length);
      for (let i = 0; i + 1 < starts.length; i++) ends[i] = starts[i + 1] - 1;
      ends[starts.length - 1] = position;
      return new SnapshotLines(fd, Float64Array.from(starts), ends);
    } catch (err) {
      fs.closeSync(fd);
      throw err;
    }
  }

  get count(): number {
    return this.starts.length;
  }

  /** Line i's bytes, valid only until the next call (copy what must be kept). Throws when the file can no longer be read. */
  bytes(i: number): Buffer {
    if (this.fd < 0) throw new Error('snapshot closed');
    const start = this.starts[i];
    const length = this.ends[i] - start;
    if (length > this.scratch.length) this.scratch = Buffer.allocUnsafe(Math.max(length, this.scratch.length * 2));
    for (let got = 0; got < length; ) {
      const n = fs.readSync(this.fd, this.scratch, got, length - got, start + got);
      if (n === 0) throw new Error('snapshot file shrank');
      got += n;
    }
    return this.scratch.subarray(0, length);
  }

  /** Line i as a string. */
  text(i: number): string {
    return this.bytes(i).toString('utf8');
  }

  /** Closes the file; later reads throw. Safe to call twice. */
  close(): void {
    if (this.fd < 0) return;
    const fd = this.fd;
    this.fd = -1;
    this.scratch = Buffer.alloc(0);
    try {
      fs.closeSync(fd);
    } catch {
      // already closed: nothing to release
    }
  }
}
