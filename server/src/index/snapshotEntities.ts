/**
 * The corpus entities in the snapshot, in two parts: what a warm start needs of every entity (id,
 * name, type, keys, mention count, note), one JSON list parsed in one call; and what is read for
 * one entity at a time (spellings, roles, documents: a hover, a symbol search), one JSON text per
 * entity in a byte part the restored entities keep and parse on first read. At 10,000 articles the
 * spelling and role maps and the document sets of 33,000 entities took most of a warm start's
 * entity time; nothing reads most of them in a session.
 */
import type { CorpusEntity, EntityNote } from '../core/linking/corpusEntities';
import type { EntityType } from '../core/types';

/** [id, name, type, keys, mention count, note id or 0]. */
export type EagerEntity = [string, string, EntityType, string[], number, string | 0];
/** [spellings, roles, documents]. */
type LazyEntity = [Array<[string, number]>, Array<[string, number]>, number[]];

export function eagerEntity(e: CorpusEntity): EagerEntity {
  return [e.id, e.name, e.type, [...e.keys], e.mentionCount, e.note ? e.note.id : 0];
}

export function lazyEntityJson(e: CorpusEntity): string {
  const lazy: LazyEntity = [[...e.spellings], [...e.roles], [...e.documents]];
  return JSON.stringify(lazy);
}

/**
 * A corpus entity restored from the snapshot: spellings, roles and documents are parsed from
 * `lazy` (bytes [start, end)) on first read of any of them; damaged bytes read as empty.
 */
export class RestoredEntity implements CorpusEntity {
  note: EntityNote | undefined;
  private spellingMap: Map<string, number> | undefined;
  private roleMap: Map<string, number> | undefined;
  private documentSet: Set<number> | undefined;

  constructor(
    public id: string,
    public name: string,
    public type: EntityType,
    public keys: Set<string>,
    public mentionCount: number,
    note: EntityNote | undefined,
    private lazy: Buffer | undefined,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.note = note;
  }

  get spellings(): Map<string, number> {
    if (!this.spellingMap) this.load();
    return this.spellingMap!;
  }

  set spellings(value: Map<string, number>) {
    this.load();
    this.spellingMap = value;
  }

  get roles(): Map<string, number> {
    if (!this.roleMap) this.load();
    return this.roleMap!;
  }

  set roles(value: Map<string, number>) {
    this.load();
    this.roleMap = value;
  }

  get documents(): Set<number> {
    if (!this.documentSet) this.load();
    return this.documentSet!;
  }

  set documents(value: Set<number>) {
    this.load();
    this.documentSet = value;
  }

  /** True until the lazy parts are parsed (for tests). */
  get packed(): boolean {
    return this.lazy !== undefined;
  }

  private load(): void {
    if (!this.lazy) return;
    let parsed: LazyEntity | undefined;
    try {
      parsed = JSON.parse(this.lazy.toString('utf8', this.start, this.end)) as LazyEntity;
    } catch {
      parsed = undefined;
    }
    this.lazy = undefined;
    const ok = Array.isArray(parsed) && parsed.length === 3 && parsed.every(Array.isArray);
    try {
      this.spellingMap ??= new Map(ok ? parsed![0] : []);
      this.roleMap ??= new Map(ok ? parsed![1] : []);
      this.documentSet ??= new Set(ok ? parsed![2] : []);
    } catch {
      this.spellingMap ??= new Map();
      this.roleMap ??= new Map();
      this.documentSet ??= new Set();
    }
  }
}

/**
 * The entities from their eager list and their lazy part (`lazy`, entity j's bytes at
 * [at[j], at[j + 1])), notes attached by id from `notes`. Undefined when the list is not entities,
 * the offsets do not fit, or a note it names is missing (the caller relinks).
 */
export function restoreEntities(eager: unknown, lazy: Buffer, at: Int32Array, notes: ReadonlyMap<string, EntityNote>): RestoredEntity[] | undefined {
  if (!Array.isArray(eager) || at.length !== eager.length + 1) return undefined;
  const out: RestoredEntity[] = new Array(eager.length);
  for (let j = 0; j < eager.length; j++) {
    const e = eager[j] as EagerEntity;
    if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'string' || typeof e[2] !== 'string' || !Array.isArray(e[3]) || typeof e[4] !== 'number') return undefined;
    const start = at[j];
    const end = at[j + 1];
    if (start < 0 || end < start || end > lazy.length) return undefined;
    let note: EntityNote | undefined;
    if (e[5] !== 0) {
      note = notes.get(e[5]);
      if (!note) return undefined;
    }
    out[j] = new RestoredEntity(e[0], e[1], e[2], new Set(e[3]), e[4], note, lazy, start, end);
  }
  return out;
}
