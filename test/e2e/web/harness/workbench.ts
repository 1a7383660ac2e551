/// <reference lib="dom" />
/**
 * What a reader does in the VS Code workbench, as Playwright steps that wait on what is on screen:
 * quick open, go to line, the command palette, hovering a word, reading the hover card, tabs,
 * peek views and side-bar views. Selectors are VS Code's own DOM (1.100, code-server 4.100.3).
 */
import type { Locator, Page } from 'playwright-core';
import { until } from './poll';

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  await page.waitForSelector('.part.statusbar', { timeout: 60_000 });
  await page.waitForSelector('.part.editor', { timeout: 60_000 });
}

const quickInput = (page: Page) => page.locator('.quick-input-widget');

async function quickInputRows(page: Page): Promise<string[]> {
  return quickInput(page).locator('.quick-input-list .monaco-list-row').allInnerTexts();
}

/** Runs a command from the palette by its title (e.g. "View: Close All Editors"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await until(`the command "${title}" in the palette`, async () => {
    const rows = await quickInputRows(page);
    return rows.some((r) => r.toLowerCase().includes(title.toLowerCase()));
  }, { seen: async () => (await quickInputRows(page)).join(' | ') || '(no rows)' });
  const row = quickInput(page).locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.click();
  await until('the palette to close', async () => !(await quickInput(page).isVisible()), { timeoutMs: 10_000 });
}

/** Opens a workspace file as a reader does: Ctrl+P, its name, Enter. Waits for its tab to be active. */
export async function openFile(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await until(`"${fileName}" in the quick-open list`, async () => (await quickInputRows(page)).some((r) => r.split('\n')[0].trim() === fileName),
    { seen: async () => (await quickInputRows(page)).join(' | ') || '(no rows)', timeoutMs: 45_000 });
  const row = quickInput(page).locator('.quick-input-list .monaco-list-row').filter({ hasText: fileName }).first();
  await row.click();
  await until(`the tab "${fileName}" to be active`, async () => (await activeTab(page)) === fileName,
    { seen: async () => `active tab "${await activeTab(page)}"` });
  await mainEditor(page).locator('.view-lines').waitFor({ state: 'visible' });
}

export async function activeTab(page: Page): Promise<string> {
  const tab = page.locator('.editor-group-container.active .tabs-container .tab.active .label-name').first();
  return (await tab.count()) ? (await tab.innerText()).trim() : '';
}

/** The editor of the active editor group (not the small editors embedded in peek views). */
export function mainEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance > .monaco-editor, .editor-group-container.active .editor-container .monaco-editor').first();
}

/** Gives the main editor keyboard focus without clicking (a click would move the cursor). */
export async function focusEditor(page: Page): Promise<void> {
  await mainEditor(page).evaluate((editor) => {
    const input = editor.querySelector('.native-edit-context, textarea.inputarea, textarea') as HTMLElement | null;
    input?.focus();
  });
}

/** Cursor position from the status bar ("Ln 12, Col 5"). */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number } | undefined> {
  const item = page.locator('#status\\.editor\\.selection');
  if (!(await item.count())) return undefined;
  const m = /Ln (\d+), Col (\d+)/.exec(await item.innerText());
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/** Moves the cursor with Go to Line (Ctrl+G "line:column"); 1-based like the status bar. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`); // the ":" prefix selects Go to Line in quick input
  await page.keyboard.press('Enter');
  await until(`the cursor at Ln ${line}, Col ${column}`, async () => {
    const p = await cursorPosition(page);
    return p && p.line === line && p.column === column;
  }, { seen: async () => JSON.stringify(await cursorPosition(page)), timeoutMs: 10_000 });
}

export interface Box { x: number; y: number; width: number; height: number }

/**
 * Screen box of `word` on the line where the cursor is, at or after the cursor (call `goTo` first).
 * Found in the rendered view lines through a DOM Range, so it works whatever the token spans are.
 */
export async function wordBoxAtCursor(page: Page, word: string): Promise<Box | undefined> {
  return mainEditor(page).evaluate((editor, w) => {
    const cursor = editor.querySelector('.cursors-layer .cursor') as HTMLElement | null;
    if (!cursor) return undefined;
    const c = cursor.getBoundingClientRect();
    const lines = Array.from(editor.querySelectorAll('.view-lines > .view-line')) as HTMLElement[];
    const line = lines.find((l) => {
      const r = l.getBoundingClientRect();
      return r.top <= c.top + c.height / 2 && c.top + c.height / 2 < r.bottom;
    });
    if (!line) return undefined;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let text = '';
    const nodes: Array<{ node: Text; start: number }> = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: text.length });
      text += (n as Text).data.replace(/\u00a0/g, ' ');
    }
    let best: DOMRect | undefined;
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
      const startNode = nodes.filter((x) => x.start <= i).pop()!;
      const endNode = nodes.filter((x) => x.start < i + w.length).pop()!;
      const range = document.createRange();
      range.setStart(startNode.node, i - startNode.start);
      range.setEnd(endNode.node, i + w.length - endNode.start);
      const r = range.getBoundingClientRect();
      if (r.right >= c.left - 2) { best = r; break; }
    }
    return best ? { x: best.x, y: best.y, width: best.width, height: best.height } : undefined;
  }, word);
}

/** Text of the visible hover widget(s), or '' when none shows. */
export async function hoverText(page: Page): Promise<string> {
  const contents = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content');
  const texts: string[] = [];
  for (const c of await contents.all()) {
    if (await c.isVisible()) texts.push((await c.innerText()).trim());
  }
  return texts.filter(Boolean).join('\n');
}

/**
 * Hovers the mouse over `word` at the cursor's line until the hover card matches `expect`.
 * Re-hovers while waiting (the language server may still be indexing when the first hover comes).
 */
export async function hoverUntil(page: Page, word: string, expect: (card: string) => boolean, what: string, timeoutMs = 45_000): Promise<string> {
  return until(what, async () => {
    const box = await wordBoxAtCursor(page, word);
    if (!box) return undefined;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 40);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    const card = await until('a hover card', async () => (await hoverText(page)) || undefined, { timeoutMs: 4_000, intervalMs: 150 }).catch(() => '');
    return card && expect(card) ? card : undefined;
  }, { timeoutMs, intervalMs: 200, seen: async () => `hover card: ${JSON.stringify(await hoverText(page))}` })
    .then(async (card) => { await hoverSettled(page); return card; });
}

/** Waits for the hover widget's fade-in to finish (so a screenshot shows it opaque). */
export async function hoverSettled(page: Page): Promise<void> {
  await until('the hover card to finish fading in', () => page.evaluate(() => {
    const hovers = Array.from(document.querySelectorAll('.monaco-hover:not(.hidden)')) as HTMLElement[];
    return hovers.length > 0 && hovers.every((h) => h.getAnimations({ subtree: true }).every((a) => a.playState === 'finished') &&
      getComputedStyle(h).opacity === '1');
  }), { timeoutMs: 5_000, intervalMs: 100 }).catch(() => undefined);
}

/** Moves the mouse away and waits until no hover widget shows. */
export async function dismissHover(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await until('the hover card to close', async () => !(await hoverText(page)), { timeoutMs: 10_000 });
}

/** Computed text colour of the rendered span that holds the character at the start of `word`'s box. */
export async function colourAt(page: Page, box: Box): Promise<string | undefined> {
  return page.evaluate(({ x, y }) => {
    const el = document.elementFromPoint(x, y) as HTMLElement | null;
    return el ? getComputedStyle(el).color : undefined;
  }, { x: box.x + Math.min(3, box.width / 2), y: box.y + box.height / 2 });
}

/** Text of every rendered line of the main editor (only what is scrolled into view). */
export async function visibleEditorText(page: Page): Promise<string> {
  return mainEditor(page).evaluate((editor) =>
    (Array.from(editor.querySelectorAll('.view-lines > .view-line')) as HTMLElement[])
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
      .join('\n'));
}

/** The rows of a side-bar view pane whose header matches `title` (e.g. /^outline$/i). */
export function viewRows(page: Page, title: RegExp): Locator {
  return page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: title }) }).locator('.monaco-list-row');
}

/** Collapses every expanded pane of the side bar except the one whose header matches `keep`. */
export async function collapseOtherPanes(page: Page, keep: RegExp): Promise<void> {
  const headers = page.locator('.part.sidebar .pane-header[aria-expanded="true"]');
  for (let i = (await headers.count()) - 1; i >= 0; i--) {
    const h = headers.nth(i);
    if (!keep.test(await h.innerText())) await h.click({ position: { x: 30, y: 10 } });
  }
}

/**
 * Waits until the SourceLens status bar item reports a finished index ("5 articles · 104 actors")
 * with at least `minArticles` articles, instead of its progress ("SourceLens 21/43"). Returns the text.
 */
export async function waitForIndex(page: Page, minArticles: number, timeoutMs = 180_000): Promise<string> {
  const items = page.locator('.part.statusbar .statusbar-item');
  const read = async () => (await items.allInnerTexts()).map((t) => t.trim()).filter((t) => /SourceLens|\barticles?\b.*\bactors?\b/.test(t));
  return until(`the SourceLens index to finish with ${minArticles}+ articles`, async () => {
    const ready = (await read()).find((t) => Number(/(\d+) articles?/.exec(t)?.[1] ?? -1) >= minArticles);
    return ready;
  }, { timeoutMs, intervalMs: 500, seen: async () => `status bar: ${(await read()).join(' | ') || '(no SourceLens item)'}` });
}

/** The actor network webview's document (VS Code nests a webview's content in an inner frame). */
export function networkFrame(page: Page): ReturnType<Page['frameLocator']> {
  return page.frameLocator('iframe.webview').first().frameLocator('iframe#active-frame');
}
