/**
 * Entity ids for an article edited since the last full link: each document cluster takes the
 * entity one of its name keys already resolves to; a name first seen in an edit becomes a new
 * corpus entity (until the next full link, which may refine both).
 */
import type { ArticleAnalysis } from '../core/analyzeArticle';
import type { CorpusEntity, CorpusLinking } from '../core/linking/corpusEntities';
import { slugify } from '../core/linking/nameKey';

type Cluster = ArticleAnalysis['clusters'][number];

export class ProvisionalLinks {
  /** Name key → entity id, from the last full link and the entities made since. */
  private byKey = new Map<string, string>();

  /** After a full link: each name key's first entity. */
  reset(entities: readonly CorpusEntity[]): void {
    const byKey = new Map<string, string>();
    for (const e of entities) for (const k of e.keys) if (!byKey.has(k)) byKey.set(k, e.id);
    this.byKey = byKey;
  }

  /**
   * The entity id of each of the clusters ('' for none). `create` (an edit being linked): an
   * unresolved cluster becomes a new entity, added to `linking` (`added` is told its number).
   */
  ids(clusters: () => readonly Cluster[], linking: CorpusLinking, create: false | ((entity: CorpusEntity) => void)): readonly string[] {
    // Nothing linked yet (the initial scan): no cluster can resolve, and reading them costs a parse.
    if (this.byKey.size === 0 && !create) return [];
    return clusters().map((cluster) => {
      for (const key of cluster.keys) {
        const id = this.byKey.get(key);
        if (id) return id;
      }
      if (!create) return '';
      const entity = this.newEntity(cluster, linking);
      create(entity);
      return entity.id;
    });
  }

  /** A new corpus entity for a name first seen in an edit, added to the linking's list and map. */
  private newEntity(cluster: Cluster, linking: CorpusLinking): CorpusEntity {
    const base = slugify(cluster.key);
    let id = base;
    for (let n = 2; linking.byId.has(id); n++) id = `${base}-${n}`;
    const name = [...cluster.spellings.keys()].sort((a, b) => b.length - a.length)[0]?.replace(/['’]s$/, '') ?? cluster.key;
    const entity: CorpusEntity = { id, name, type: cluster.type, spellings: new Map(), keys: new Set(cluster.keys), roles: new Map(cluster.roles.map((r) => [r, 1])), mentionCount: 0, documents: new Set() };
    linking.entities.push(entity);
    linking.byId.set(id, entity);
    for (const k of cluster.keys) if (!this.byKey.has(k)) this.byKey.set(k, id);
    return entity;
  }
}
