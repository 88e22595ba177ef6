/**
 * The layout as a specification: what the README's Layout promises about who may import whom, checked on the
 * sources (src/**.ts) with the TypeScript parser. Type-only imports are not edges (they vanish at run time).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

interface Module {
  path: string;
  /** src-relative paths of the modules it imports at run time (static and dynamic), and node: builtins. */
  imports: string[];
  source: ts.SourceFile;
}

function parse(path: string): Module {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const imports: string[] = [];
  const add = (spec: string) => {
    if (spec.startsWith('.')) imports.push(relative(SRC, resolve(dirname(path), spec)).replace(/\.js$/, '.ts'));
    else if (spec.startsWith('node:')) imports.push(spec);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.importClause?.namedBindings;
      const onlyTypes = named && ts.isNamedImports(named) && !node.importClause?.name && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) add(node.moduleSpecifier.text);
    }
    if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) add(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { path: relative(SRC, path), imports, source };
}

const modules = sources(SRC).map(parse);
const folderOf = (p: string) => (p.includes('/') ? p.split('/')[0] : '.');

describe('layout', () => {
  it('the src/ root holds at most three files', () => {
    const root = modules.filter((m) => folderOf(m.path) === '.').map((m) => m.path);
    assert.ok(root.length <= 3, `root files: ${root.join(', ')}`);
  });

  it('no import cycles among run-time imports', () => {
    const graph = new Map(modules.map((m) => [m.path, m.imports.filter((i) => !i.startsWith('node:'))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const walk = (p: string, trail: string[]) => {
      if (state.get(p) === 'done') return;
      if (state.get(p) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(p)), p].join(' → '));
        return;
      }
      state.set(p, 'open');
      for (const q of graph.get(p) ?? []) walk(q, [...trail, p]);
      state.set(p, 'done');
    };
    for (const p of graph.keys()) walk(p, []);
    assert.deepEqual(cycles, []);
  });

  it('no command module imports another command module', () => {
    const shared = new Set(['commands/command.ts', 'commands/context.ts', 'commands/flag-values.ts', 'commands/help.ts', 'commands/table.ts']);
    const offending = modules
      .filter((m) => folderOf(m.path) === 'commands' && !shared.has(m.path))
      .flatMap((m) => m.imports.filter((i) => folderOf(i) === 'commands' && !shared.has(i)).map((i) => `${m.path} → ${i}`));
    assert.deepEqual(offending, []);
  });

  it('the pure core (generator, census, prompts, dedup, coherence) imports no node: module and nothing of commands, run or streams', () => {
    const pure = new Set(['generator', 'census', 'prompts', 'dedup', 'coherence']);
    const offending = modules
      .filter((m) => pure.has(folderOf(m.path)))
      .flatMap((m) => m.imports.filter((i) => i.startsWith('node:') || ['commands', 'run', 'streams'].includes(folderOf(i))).map((i) => `${m.path} → ${i}`));
    assert.deepEqual(offending, []);
  });

  it('nothing in src/ calls process.exit (bin/ sets process.exitCode: piped output is never cut)', () => {
    const calls: string[] = [];
    for (const m of modules) {
      const visit = (node: ts.Node) => {
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.getText(m.source) === 'process.exit') {
          calls.push(`${m.path}:${m.source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(m.source);
    }
    assert.deepEqual(calls, []);
  });

  it("the README's Layout gives every folder of src/ a row of its own", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const layout = readme.slice(readme.indexOf('\n## Layout\n'), readme.indexOf('\n## ', readme.indexOf('\n## Layout\n') + 1));
    const rows = new Set([...layout.matchAll(/^\| `src\/([a-z0-9-]+)\/` \|/gm)].map((m) => m[1]));
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    assert.deepEqual(folders.filter((f) => !rows.has(f)), []);
  });

  it('no function in commands/, run/ or streams/ is over 80 lines', () => {
    const long: string[] = [];
    for (const m of modules.filter((x) => ['commands', 'run', 'streams'].includes(folderOf(x.path)))) {
      const visit = (node: ts.Node) => {
        // Constructors and accessors are functions too: a long class body hides there as easily.
        const isFunction = ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isAccessor(node);
        if (isFunction) {
          const lines = m.source.getLineAndCharacterOfPosition(node.getEnd()).line - m.source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          if (lines > 80) long.push(`${m.path}:${m.source.getLineAndCharacterOfPosition(node.getStart()).line + 1} (${lines} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(m.source);
    }
    assert.deepEqual(long, []);
  });
});
