/**
 * The data the pure analysis core produces. Every offset is a UTF-16 code-unit index into the
 * text that was analysed (a JavaScript string index), end exclusive. The core never does I/O and
 * never imports anything from `vscode*`.
 */

export type EntityType = 'person' | 'organization' | 'place' | 'group';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'group'];

export interface Span {
  start: number;
  end: number;
}

/** Why a mention was recognised: shown on the hover card so a wrong guess can be understood. */
export type RecognitionSource =
  | 'model' // the learned sequence tagger
  | 'gazetteer' // a list from a maintained package (countries, demonyms, …)
  | 'rule' // a hand-written rule (acronym in parentheses, "the Pentagon", …)
  | 'consistency' // propagated from another mention of the same name
  | 'note' // an entity note in corpus/entities pinned it
  | 'user'; // the reader's own decision (alias file)

/** A name as found in the text, before corpus-wide linking. */
export interface EntityMention extends Span {
  type: EntityType;
  /** The surface text exactly as in the source (`text.slice(start, end)`). */
  text: string;
  source: RecognitionSource;
  /** 0..1; for the model, the margin-derived confidence of the span. */
  confidence: number;
  /** A title or role word directly before the name ("President", "Prime Minister"). */
  title?: string;
  /** Role cue in apposition or before the name ("Iraqi Prime Minister", "cleric"). */
  role?: string;
}

export type DateKind = 'date' | 'duration' | 'time' | 'set';

export interface DateMention extends Span {
  text: string;
  /** TIMEX3-style value at the granularity the text gives: 2006-11-29, 2006-11, 2006, 2006-W44, 199 (the 1990s, as TIMEX3 and TimeBank write decades), 2006-SU, P6M. */
  value: string;
  type: DateKind;
  /** How the value was obtained: absolute in the text, or resolved relative to an anchor date. */
  relative: boolean;
  /** The ISO date (YYYY-MM-DD) the value was resolved against, for relative expressions. */
  anchor?: string;
}

export type QuoteKind = 'direct' | 'partial' | 'scare';

export interface QuoteSpeaker {
  /** The span of the speaker's name or description in the text, if present. */
  start?: number;
  end?: number;
  /** The speaker as written ("Maliki", "a senior administration official", "the New York Times"). */
  name: string;
}

export interface Quote extends Span {
  /** The quoted text without the quotation marks. */
  text: string;
  kind: QuoteKind;
  speaker: QuoteSpeaker | null;
}

export type OutlineRole =
  | 'article'
  | 'thesis'
  | 'section'
  | 'claim'
  | 'recommendation'
  | 'evidence'
  | 'concession'
  | 'conclusion';

export interface OutlineNode extends Span {
  role: OutlineRole;
  /** Short label for the Outline view (a paraphrase or the first words). */
  name: string;
  /** Role and speaker, e.g. "recommendation · Bush" or "quote · Maliki". */
  detail?: string;
  /** The span to select when the symbol is chosen (defaults to start..end). */
  selection?: Span;
  children: OutlineNode[];
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Odd input is reported as data, never thrown. */
export interface Problem extends Span {
  severity: ProblemSeverity;
  message: string;
  code: string;
}

/** Article metadata from front matter (all optional: untrusted input). */
export interface ArticleMeta {
  title?: string;
  author?: string;
  publisher?: string;
  /** ISO date YYYY-MM-DD, when the front matter gives a parseable one. */
  date?: string;
  url?: string;
  seed?: string;
  /** Every other front-matter key, stringified. */
  extra: Record<string, string>;
}

export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: CancellationLike = Object.freeze({ isCancellationRequested: false });
