/**
 * Finds every regular expression the server's source builds: regex literals and `new RegExp(…)`
 * calls in server/src/**\/*.ts (tests excluded), parsed with the TypeScript compiler so comments and
 * strings are never mistaken for patterns. `new RegExp(X.source, flags)` resolves X to a literal of
 * the same file; a template with substitutions gets a plain word in each hole; anything else is
 * reported as dynamic (not checkable statically).
 */
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import ts from 'typescript';

export interface FoundRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
  /** How it was found: a literal, or a `new RegExp` call (resolved or with placeholders). */
  how: 'literal' | 'constructor' | 'template';
}

export interface DynamicRegex {
  file: string;
  line: number;
  code: string;
}

function sourceFiles(dir: string, acc: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(full, acc);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) acc.push(full);
  }
  return acc.sort();
}

function splitLiteral(text: string): { source: string; flags: string } {
  const slash = text.lastIndexOf('/');
  return { source: text.slice(1, slash), flags: text.slice(slash + 1) };
}

/** A placeholder for `${…}` holes: a capitalised word, like the surnames the core splices in. */
const HOLE = 'Maliki';

export function findRegexes(repo: string): { regexes: FoundRegex[]; dynamic: DynamicRegex[]; files: number } {
  const files = sourceFiles(join(repo, 'server', 'src'));
  const regexes: FoundRegex[] = [];
  const dynamic: DynamicRegex[] = [];
  for (const path of files) {
    const file = relative(repo, path);
    const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const literalsByName = new Map<string, { source: string; flags: string }>();
    const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const collectNames = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isRegularExpressionLiteral(node.initializer)) {
        literalsByName.set(node.name.text, splitLiteral(node.initializer.text));
      }
      ts.forEachChild(node, collectNames);
    };
    collectNames(sf);
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        regexes.push({ file, line: lineOf(node), ...splitLiteral(node.text), how: 'literal' });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp' && node.arguments?.length) {
        const [pattern, flagsArg] = node.arguments;
        const flags = flagsArg && ts.isStringLiteralLike(flagsArg) ? flagsArg.text : flagsArg ? null : '';
        let source: string | undefined;
        let how: FoundRegex['how'] = 'constructor';
        if (ts.isStringLiteralLike(pattern)) source = pattern.text;
        else if (ts.isTemplateExpression(pattern)) {
          source = pattern.head.text + pattern.templateSpans.map((s) => HOLE + s.literal.text).join('');
          how = 'template';
        } else if (ts.isPropertyAccessExpression(pattern) && pattern.name.text === 'source' && ts.isIdentifier(pattern.expression)) {
          source = literalsByName.get(pattern.expression.text)?.source;
        }
        if (source !== undefined && flags !== null) regexes.push({ file, line: lineOf(node), source, flags, how });
        else dynamic.push({ file, line: lineOf(node), code: node.getText(sf).slice(0, 160) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { regexes, dynamic, files: files.length };
}
