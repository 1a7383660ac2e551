/**
 * Values derived from one entity's corpus data (its reference locations, hover card parts,
 * co-occurrence row), computed on first use and kept until that data changes. A full relink drops
 * them all. An edited article does not: each kept value of an entity the article names (before or
 * after the edit) is patched for that one article by the patch registered for its kind
 * (`definePatch`), so an edit costs in proportion to the article, not to the entity's articles; a
 * kind without a patch, or a patch that cannot tell, is dropped and recomputed on next use.
 *
 * Between an article's change and the index applying it (`CorpusIndex.relinkIncremental`), the
 * values of the entities its old version named are set aside (`suspend`): they describe the index
 * before the change, which the patch expects; a value read meanwhile is computed afresh and then
 * discarded.
 */

/** One article changed (added, replaced or removed), seen from one entity it names or named. */
export interface EntityArticleChange {
  readonly id: string;
  readonly uri: string;
  /** The entity's mentions in the article before the change, and after it (0: not named). */
  readonly before: number;
  readonly after: number;
}

/**
 * Makes a kept value agree with the index after `change` (the index already holds the change);
 * undefined drops it. May return the value it was given, changed in place: a kept value is never
 * handed out for keeping elsewhere.
 */
export type MemoPatch<T, Context> = (value: T, change: EntityArticleChange, context: Context) => T | undefined;

const patches = new Map<string, MemoPatch<unknown, unknown>>();

/** Registers how values of `kind` are patched after an article change (one patch per kind). */
export function definePatch<T, Context>(kind: string, patch: MemoPatch<T, Context>): void {
  patches.set(kind, patch as MemoPatch<unknown, unknown>);
}

type Row = Map<string, unknown>;

export class EntityMemo<Context> {
  private rows = new Map<string, Row>();
  /** Rows set aside by `suspend` (an empty row when nothing was kept), until `patch` takes them back. */
  private suspended = new Map<string, Row>();

  /** The value of `kind` for entity `id`: kept, or computed now and kept. */
  get<T>(id: string, kind: string, compute: () => T): T {
    let row = this.rows.get(id);
    if (!row) this.rows.set(id, (row = new Map()));
    if (row.has(kind)) return row.get(kind) as T;
    const value = compute();
    row.set(kind, value);
    return value;
  }

  /** Whether the value of `kind` for entity `id` is kept. */
  has(id: string, kind: string): boolean {
    return this.rows.get(id)?.has(kind) ?? false;
  }

  /** Drops every value (a full relink). */
  clear(): void {
    this.rows.clear();
    this.suspended.clear();
  }

  /** An article naming the entity is about to change: its values are set aside until the change is applied. */
  suspend(id: string): void {
    if (!this.suspended.has(id)) this.suspended.set(id, this.rows.get(id) ?? new Map());
    this.rows.delete(id);
  }

  /**
   * The index now holds `change`: the entity's values (those set aside, else those kept) are
   * patched, the values of kinds without a patch dropped.
   */
  patch(change: EntityArticleChange, context: Context): void {
    const id = change.id;
    let row = this.suspended.get(id);
    if (row) this.suspended.delete(id);
    else row = this.rows.get(id);
    if (!row || row.size === 0) {
      this.rows.delete(id);
      return;
    }
    for (const [kind, value] of row) {
      const patch = patches.get(kind);
      const next = patch ? patch(value, change, context) : undefined;
      if (next === undefined) row.delete(kind);
      else row.set(kind, next);
    }
    this.rows.set(id, row);
  }

  /** How many entities have values kept (for tests). */
  get size(): number {
    return this.rows.size;
  }
}
