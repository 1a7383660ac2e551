/**
 * Article text is untrusted. Everything shown in hover Markdown goes through `escapeMarkdown`,
 * which neutralises Markdown syntax and HTML, so an article can never inject links, images,
 * raw HTML or `command:` URIs into a card. Hover content is never marked trusted.
 */
const SPECIAL = /[\\`*_{}[\]()#+!|<>~&]/g;

export function escapeMarkdown(text: string): string {
  const inline = text.replace(/\r?\n+/g, ' ').replace(SPECIAL, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c));
  // What would open a list, heading or rule at the start of a line.
  return inline.replace(/^(\s*)([-=])/, '$1\\$2').replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
}

/** A link the card may show: only http(s) and file URIs we built ourselves; label escaped. */
export function safeLink(label: string, uri: string): string {
  if (!/^(https?|file):\/\//i.test(uri)) return escapeMarkdown(label);
  const encoded = uri.replace(/[()\s<>"'`\\]/g, (c) => encodeURIComponent(c));
  return `[${escapeMarkdown(label)}](${encoded})`;
}

export function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : oneLine.slice(0, max - 1).trimEnd() + '…';
}
