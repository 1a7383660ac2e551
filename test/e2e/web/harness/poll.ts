/** Polling instead of sleeping: wait until a probe returns a value, or fail with what was last seen. */

export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Describes the current state for the timeout message (what was on screen instead). */
  seen?: () => Promise<string> | string;
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, opts: PollOptions = {}): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const intervalMs = opts.intervalMs ?? 250;
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() - started > timeoutMs) {
      let seen = '';
      try {
        seen = opts.seen ? await opts.seen() : '';
      } catch (err) {
        seen = `(could not describe the screen: ${(err as Error).message})`;
      }
      const cause = lastError ? `\nlast error: ${(lastError as Error).message ?? String(lastError)}` : '';
      throw new Error(`Timed out after ${(timeoutMs / 1000).toFixed(0)} s waiting for ${what}.${seen ? `\nOn screen instead: ${seen}` : ''}${cause}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Milliseconds since `start`, formatted for timing logs. */
export function secondsSince(start: number): string {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}
