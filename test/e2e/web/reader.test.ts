/**
 * End-to-end: SourceLens as a reader uses it, in a real VS Code (for the Web, served by code-server)
 * with the packaged .vsix installed, on a copy of corpus/. Every assertion is on what is on screen;
 * every wait polls. Screenshots: test-results/e2e/ (README images: docs/images/).
 * Set-up (apt packages, code-server) is done by scripts/setup-vscode-web.js, cached in .cache/.
 */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { startSession, type Session } from './harness/session';
import { until, secondsSince } from './harness/poll';
import { articleRichestIn, articles, frontMatterField, placesIn, type Place } from './harness/corpusText';
import {
  activeTab, colourAt, cursorPosition, dismissHover, focusEditor, goTo, hoverText, hoverUntil, openFile, runCommand,
  visibleEditorText, viewRows, wordBoxAtCursor, collapseOtherPanes, waitForIndex, waitForWorkbench, networkFrame,
} from './harness/workbench';

const MENTIONS = /(\d+)\s+mentions?\s+in\s+(\d+)\s+articles?/;
const RELATIVE_DATE = /\b(Tomorrow|Yesterday|today|tonight|last (?:week|month|year)|next (?:week|month|year)|this (?:week|month|year))\b/i;

let s: Session | undefined;
const timings: Record<string, string> = {};

function session(): Session {
  if (!s) throw new Error('e2e session did not start (see the error of the set-up hook above)');
  return s;
}

/** One reader scenario: on failure, a screenshot and the extension host log are attached to the error. */
function scenario(name: string, fn: (ses: Session) => Promise<void>): void {
  test(name, { timeout: 180_000 }, async () => {
    const ses = session();
    const started = Date.now();
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    try {
      await fn(ses);
    } catch (err) {
      const shot = await ses.screenshot(`${slug}-FAILED`).catch((e: Error) => `(no screenshot: ${e.message})`);
      const e = err as Error;
      e.message = `${e.message}\nscreenshot: ${shot}\n${ses.logs(60)}`;
      throw e;
    } finally {
      timings[name] = secondsSince(started);
      await reset(ses.page).catch(() => undefined);
    }
  });
}

async function reset(page: Session['page']): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(2, 2);
  await runCommand(page, 'View: Close All Editors');
}

/** The Maliki article and the places of "Maliki" in it (the article that names him most). */
function malikiArticle(ses: Session): { name: string; file: string; places: Place[] } {
  return articleRichestIn(ses.workspace, /\bMaliki\b/);
}

/** The entity note that lists "Maliki" among its aliases, and its canonical name. */
function malikiNote(ses: Session): { name: string; canonical: string } {
  const dir = path.join(ses.workspace, 'entities');
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    if (/^\s*-\s*["']?Maliki["']?\s*$/m.test(text)) return { name: f, canonical: frontMatterField(path.join(dir, f), 'name') ?? 'Maliki' };
  }
  throw new Error('e2e: corpus/entities has no note with the alias "Maliki"');
}

async function hoverMaliki(ses: Session, at: Place, expect: (card: string) => boolean, what: string): Promise<string> {
  await waitForIndex(ses.page, articles(ses.workspace).length);
  await goTo(ses.page, at.line, at.column);
  return hoverUntil(ses.page, 'Maliki', expect, what);
}

describe('SourceLens in VS Code for the Web', { timeout: 20 * 60_000 }, () => {
  before(async () => {
    s = await startSession();
    timings['(session start)'] = JSON.stringify(s.timings);
  }, { timeout: 15 * 60_000 });

  after(async () => {
    console.log(`[e2e] timings: ${JSON.stringify(timings, null, 1)}`);
    if (s) {
      fs.writeFileSync(path.join(s.resultsDir, 'timings.json'), JSON.stringify({ session: s.timings, scenarios: timings, vsixBytes: s.vsixBytes }, null, 2));
      await s.close();
    }
  });

  scenario('opens an article from quick open', async (ses) => {
    const article = malikiArticle(ses);
    await openFile(ses.page, article.name);
    const title = frontMatterField(article.file, 'title');
    if (title) {
      await until(`the title "${title}" in the editor`, async () => (await visibleEditorText(ses.page)).includes(title.slice(0, 30)),
        { seen: async () => (await visibleEditorText(ses.page)).slice(0, 300) });
    }
    // The language mapping: corpus Markdown files open as SourceLens articles.
    const mode = ses.page.locator('#status\\.editor\\.mode');
    await until('the language "Article" in the status bar', async () => /article/i.test(await mode.innerText()),
      { seen: async () => `language status: ${await mode.innerText()}` });
    // The status bar reports the finished index of every article in the folder.
    const status = await waitForIndex(ses.page, articles(ses.workspace).length);
    assert.match(status, /\d+ actors?/);
    await ses.screenshot('01-open-article');
  });

  scenario('hovering Maliki shows the actor card', async (ses) => {
    const article = malikiArticle(ses);
    const { canonical } = malikiNote(ses);
    await openFile(ses.page, article.name);
    // The card first shows what is indexed so far; wait for the whole corpus (Maliki is in several articles).
    const card = await hoverMaliki(ses, article.places[0], (c) => c.includes(canonical) && Number(MENTIONS.exec(c)?.[2] ?? 0) >= 2,
      `a hover card with "${canonical}" and mentions in two or more articles`);
    await ses.screenshot('02-hover-card', 'hover-card');
    const [, mentions, inArticles] = MENTIONS.exec(card)!;
    assert.ok(Number(mentions) >= 2, `mention count ${mentions} should count several mentions:\n${card}`);
    assert.ok(Number(inArticles) >= 2, `Maliki is named in several articles, card says ${inArticles}:\n${card}`);

    // Negative: a plain word has no actor card.
    await dismissHover(ses.page);
    const plain = placesIn(article.file, /\b(?:the|and|with)\b/)[0];
    await goTo(ses.page, plain.line, plain.column);
    const box = await wordBoxAtCursor(ses.page, plain.text);
    assert.ok(box, `the word "${plain.text}" should be on screen`);
    await ses.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    const other = await until('any hover card', async () => (await hoverText(ses.page)) || undefined, { timeoutMs: 3_000 }).catch(() => '');
    assert.doesNotMatch(other, MENTIONS, `hovering "${plain.text}" must not show an actor card`);
  });

  scenario('F12 on a name opens its note or its first mention', async (ses) => {
    const article = malikiArticle(ses);
    const note = malikiNote(ses);
    const from = article.places[article.places.length - 1];
    await openFile(ses.page, article.name);
    await goTo(ses.page, from.line, from.column + 1);
    await ses.page.keyboard.press('F12');
    // The status bar and the tab update in separate steps: accept a result only when seen twice in a row.
    let previous = '';
    const where = await until('F12 to move to the note or to another mention', async () => {
      const tab = await activeTab(ses.page);
      const pos = await cursorPosition(ses.page);
      const now = tab === note.name ? 'note' : tab === article.name && pos && pos.line !== from.line ? `mention:${pos.line}` : '';
      const stable = now && now === previous && (await activeTab(ses.page)) === tab;
      previous = now;
      return stable ? now.split(':')[0] : undefined;
    }, { seen: async () => `tab "${await activeTab(ses.page)}", cursor ${JSON.stringify(await cursorPosition(ses.page))}` });
    if (where === 'note') {
      await until(`the note showing "${note.canonical}"`, async () => (await visibleEditorText(ses.page)).includes(note.canonical));
    } else {
      const pos = (await cursorPosition(ses.page))!;
      const lineText = fs.readFileSync(article.file, 'utf8').split(/\r?\n/)[pos.line - 1];
      assert.match(lineText, /Maliki/, `F12 landed on line ${pos.line}, which does not name Maliki: ${lineText}`);
      assert.ok(pos.line < from.line, 'the first mention comes before the last one');
    }
    await ses.screenshot('03-go-to-definition');
  });

  scenario('Shift+F12 lists mentions in several articles', async (ses) => {
    const article = malikiArticle(ses);
    await openFile(ses.page, article.name);
    await goTo(ses.page, article.places[0].line, article.places[0].column + 1);
    await ses.page.keyboard.press('Shift+F12');
    const widget = ses.page.locator('.reference-zone-widget');
    const files = widget.locator('.monaco-list-row .reference-file');
    // The peek opens with the first article expanded; its mentions can push the other articles out of
    // the (virtualised) list, so fold it once it shows to see every article row.
    const fileRows = widget.locator('.monaco-list-row:has(.reference-file)');
    await until('the references peek', async () => (await widget.isVisible()) && (await fileRows.count()) > 0,
      { seen: async () => ((await widget.isVisible()) ? 'a peek without article rows' : 'no references peek') });
    const first = fileRows.first();
    if ((await first.getAttribute('aria-expanded')) === 'true') await first.locator('.monaco-tl-twistie').click();
    const names = await until('the references peek listing two or more articles', async () => {
      if (!(await widget.isVisible())) return undefined;
      const labels = (await files.allInnerTexts()).map((t) => t.split('\n')[0].trim()).filter(Boolean);
      return new Set(labels).size >= 2 ? labels : undefined;
    }, { seen: async () => ((await widget.isVisible()) ? `peek rows: ${(await widget.locator('.monaco-list-row').allInnerTexts()).join(' | ')}` : 'no references peek') });
    assert.ok(names.includes(article.name), `the peek should list the current article ${article.name}: ${names.join(', ')}`);
    await ses.screenshot('04-references-peek', 'references-peek');
    await ses.page.keyboard.press('Escape');
  });

  scenario('the Outline view shows the thesis and the recommendations', async (ses) => {
    const article = articleRichestIn(ses.workspace, /\b(?:should|must)\b/);
    await openFile(ses.page, article.name);
    await runCommand(ses.page, 'Explorer: Focus on Outline View');
    await collapseOtherPanes(ses.page, /^\s*outline/i); // give the outline the whole side bar
    const rows = viewRows(ses.page, /^\s*outline/i);
    await until('outline rows for the thesis (key icon) and a recommendation (event icon)', async () =>
      (await rows.locator('.codicon-symbol-key').count()) > 0 && (await rows.locator('.codicon-symbol-event').count()) > 0,
    { seen: async () => `outline: ${(await rows.allInnerTexts()).slice(0, 12).join(' | ') || '(empty)'}` });
    const thesis = (await rows.filter({ has: ses.page.locator('.codicon-symbol-key') }).first().innerText()).trim();
    assert.ok(thesis.length > 10, `the thesis row should carry the thesis text, got "${thesis}"`);
    await ses.screenshot('05-outline', 'outline');
  });

  scenario('a relative date shows its resolved value as an inlay hint', async (ses) => {
    const article = articleRichestIn(ses.workspace, RELATIVE_DATE);
    await openFile(ses.page, article.name);
    const at = article.places[0];
    await goTo(ses.page, at.line, at.column);
    const hint = await until(`an inlay hint ⟨date⟩ near "${at.text}" (line ${at.line})`, async () => {
      const m = /⟨\d{4}[^⟩]*⟩/.exec(await visibleEditorText(ses.page));
      return m ? m[0] : undefined;
    }, { seen: async () => (await visibleEditorText(ses.page)).split('\n').slice(0, 8).join(' / ') });
    assert.match(hint, /^⟨\d{4}(-\d{2}){0,2}/);
    await ses.screenshot('06-inlay-hint');
  });

  scenario('entity names are coloured by semantic tokens', async (ses) => {
    const article = malikiArticle(ses);
    await openFile(ses.page, article.name);
    const at = article.places[0];
    const lineText = fs.readFileSync(article.file, 'utf8').split(/\r?\n/)[at.line - 1];
    const plainMatch = /\b(?:the|and|of|to|with|for)\b/.exec(lineText) ?? /\b[a-z]{3,}\b/.exec(lineText);
    assert.ok(plainMatch, `line ${at.line} should have a plain word: ${lineText}`);
    await goTo(ses.page, at.line, plainMatch.index + 1);
    const plainBox = await wordBoxAtCursor(ses.page, plainMatch[0]);
    await goTo(ses.page, at.line, at.column);
    const nameBox = await wordBoxAtCursor(ses.page, 'Maliki');
    assert.ok(plainBox && nameBox, 'both words should be on screen');
    const colours = await until('"Maliki" in a colour other than plain text', async () => {
      const name = await colourAt(ses.page, nameBox);
      const plain = await colourAt(ses.page, plainBox);
      return name && plain && name !== plain ? { name, plain } : undefined;
    }, { seen: async () => `Maliki ${await colourAt(ses.page, nameBox)}, "${plainMatch[0]}" ${await colourAt(ses.page, plainBox)}` });
    assert.notEqual(colours.name, colours.plain);
    await ses.screenshot('07-entity-colours', 'entity-colours');
  });

  scenario('editing an article updates the hover card', async (ses) => {
    const article = malikiArticle(ses);
    const { canonical } = malikiNote(ses);
    await openFile(ses.page, article.name);
    const at = article.places[0];
    const before = await hoverMaliki(ses, at, (c) => c.includes(canonical) && Number(MENTIONS.exec(c)?.[2] ?? 0) >= 2,
      'the card before the edit, with the whole corpus indexed');
    const count = Number(MENTIONS.exec(before)![1]);
    await dismissHover(ses.page);
    // Type a new paragraph naming Maliki twice at the end of the article (unsaved).
    await focusEditor(ses.page);
    await ses.page.keyboard.press('Control+End');
    await ses.page.keyboard.press('Enter');
    await ses.page.keyboard.press('Enter');
    await ses.page.keyboard.type('Prime Minister Nouri al-Maliki answered. Maliki said nothing more.');
    try {
      await hoverMaliki(ses, at, (c) => MENTIONS.exec(c)?.[1] === String(count + 2), `the card to count ${count + 2} mentions after the edit (was ${count})`);
      await ses.screenshot('08-card-after-edit');
      await dismissHover(ses.page);
    } finally {
      await runCommand(ses.page, 'File: Revert File'); // never leave a dirty editor behind for the next scenario
    }
    await hoverMaliki(ses, at, (c) => MENTIONS.exec(c)?.[1] === String(count), `the card back at ${count} mentions after reverting`);
  });

  scenario('the SourceLens views list the actors and the timeline', async (ses) => {
    const { canonical } = malikiNote(ses);
    await openFile(ses.page, malikiArticle(ses).name);
    await runCommand(ses.page, 'SourceLens: Focus on Actors View');
    const actors = viewRows(ses.page, /actors/i);
    await until(`"${canonical}" in the Actors view`, async () => (await actors.allInnerTexts()).some((t) => t.includes(canonical)),
      { seen: async () => `actors: ${(await actors.allInnerTexts()).slice(0, 10).join(' | ') || '(empty)'}` });
    await runCommand(ses.page, 'SourceLens: Focus on Timeline View');
    const timeline = viewRows(ses.page, /timeline/i);
    await until('dated rows in the Timeline view', async () => (await timeline.allInnerTexts()).filter((t) => /\b\d{4}\b/.test(t)).length >= 2,
      { seen: async () => `timeline: ${(await timeline.allInnerTexts()).slice(0, 10).join(' | ') || '(empty)'}` });
    await ses.screenshot('09-views', 'timeline');
  });

  scenario('if the language server dies, it is restarted and the hover card comes back', async (ses) => {
    const article = malikiArticle(ses);
    const { canonical } = malikiNote(ses);
    await openFile(ses.page, article.name);
    await hoverMaliki(ses, article.places[0], (c) => c.includes(canonical), `a hover card with "${canonical}"`);
    await dismissHover(ses.page);
    // the server is `node …/extensions/<sourcelens>/server/dist/server.js` under this session's folder (read from /proc: no procps needed)
    const serverJs = new RegExp(`^${path.dirname(ses.workspace).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/extensions/[^/]+/server/dist/server\\.js$`);
    const pids = (): number[] =>
      fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').some((arg) => serverJs.test(arg));
        } catch {
          return false;
        }
      });
    const before = pids();
    assert.equal(before.length, 1, `one SourceLens server process (${serverJs}), found ${before.join(', ') || 'none'}`);
    process.kill(before[0], 'SIGKILL');
    await until('a new server process', async () => pids().some((p) => !before.includes(p)), { timeoutMs: 60_000, seen: async () => pids().join(', ') || 'none' });
    await hoverMaliki(ses, article.places[0], (c) => c.includes(canonical), `a hover card with "${canonical}" from the restarted server`);
  });

  // last: it reloads the window
  scenario('the actor network draws the corpus and comes back after a window reload', async (ses) => {
    const { canonical } = malikiNote(ses);
    await openFile(ses.page, malikiArticle(ses).name);
    await runCommand(ses.page, 'SourceLens: Open Actor Network');
    const summaryOf = async (): Promise<string> => {
      try {
        return await networkFrame(ses.page).locator('#summary').innerText({ timeout: 2_000 });
      } catch {
        return '';
      }
    };
    const drawn = async (): Promise<boolean> => /Across \d+ articles?: \d+ actors?/.test(await summaryOf());
    await until('the actor network drawn', drawn, { timeoutMs: 60_000, seen: async () => `summary: ${(await summaryOf()) || '(no panel)'}` });
    const names = async (): Promise<string[]> =>
      networkFrame(ses.page).locator('body').evaluate(() => (window as unknown as { sourcelensNetwork: { names(): string[] } }).sourcelensNetwork.names()).catch(() => []);
    await until(`"${canonical}" among the actors drawn`, async () => (await names()).includes(canonical), { seen: async () => (await names()).slice(0, 12).join(' | ') });
    await ses.screenshot('10-network', 'network');
    const pageBorn = await ses.page.evaluate(() => performance.timeOrigin);
    await runCommand(ses.page, 'Developer: Reload Window');
    await until('the window to reload', async () => (await ses.page.evaluate(() => performance.timeOrigin).catch(() => pageBorn)) !== pageBorn, { timeoutMs: 60_000 });
    await waitForWorkbench(ses.page);
    await until('the actor network restored after the reload', drawn, { timeoutMs: 120_000, seen: async () => `summary: ${(await summaryOf()) || '(no panel)'}; tabs: ${await activeTab(ses.page).catch(() => '?')}` });
    await ses.screenshot('11-network-restored');
  });
});
