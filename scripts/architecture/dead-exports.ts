// Finds the exports of src/ that no other file imports: an export is a promise that some other module needs the
// name, and one nobody takes is either dead code or a name that should be the file's own. Read from the
// TypeScript AST of every TypeScript and JavaScript file of the repository (src/, test/, bench/, scripts/, bin/):
// named and default imports, re-exports (`export … from`, `export * from`), namespace imports, `import()` calls
// (the names read from what they return) and `import('…').Name` types. A name a test imports counts as used: a
// test is a reader of the module too. A type that an exported declaration of its own file names (an options
// interface, a result type) may stay exported: it is part of that declaration's API.
//
//   tsx scripts/architecture/dead-exports.ts     print each dead export as file:line name (exit 1 when any)

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './import-graph.js';

/** One export no other file imports. */
export interface DeadExport {
  /** the file, relative to the repository, with `/` separators */
  file: string;
  line: number;
  name: string;
  /** whether the file itself still uses the name (then only `export` goes; otherwise the code is dead) */
  usedInFile: boolean;
  /** a type or interface (erased at run time) or a value (function, class, constant, enum) */
  kind: 'type' | 'value';
}

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const READERS = ['src', 'test', 'bench', 'scripts', 'bin'];

const toPosix = (p: string) => p.split(sep).join('/');

/** Every file that may import a module of src/. */
function readerFiles(root: string): string[] {
  return READERS.filter((d) => existsSync(join(root, d))).flatMap((d) => allFiles(join(root, d)));
}

function allFiles(dir: string): string[] {
  return sourceFiles(dir).concat(jsFiles(dir));
}

function jsFiles(dir: string): string[] {
  return ts.sys.readDirectory(dir, ['.js', '.mjs'], ['**/node_modules'], undefined);
}

/** The module a relative specifier names, as a path (a `.js` specifier names its `.ts` source), if it is a file. */
function resolveSpec(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate) && candidate !== dirname(candidate)) return candidate;
  return undefined;
}

interface ModuleInfo {
  /** names declared and exported here, with their line and kind */
  own: Map<string, { line: number; kind: DeadExport['kind'] }>;
  /** `export { a as b } from './x'`: b → [x, a] */
  reexports: Map<string, { from: string; name: string; line: number }>;
  /** `export * from './x'` */
  stars: string[];
  /** identifiers used in the file outside their own declaration's name */
  localUses: Map<string, number>;
  /** identifiers used inside the file's exported declarations (a type named there is part of their API) */
  apiUses: Set<string>;
}

function exportedNames(node: ts.Statement): string[] {
  const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  if (!mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return [];
  if (mods.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return ['default'];
  if (ts.isVariableStatement(node)) return node.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  const named = node as ts.Statement & { name?: ts.Node };
  return named.name && ts.isIdentifier(named.name) ? [named.name.text] : [];
}

/** Reads a file's exports and the names it imports from others, recording them in `uses`. */
function readModule(file: string, uses: (target: string, name: string) => void): ModuleInfo {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const info: ModuleInfo = { own: new Map(), reexports: new Map(), stars: [], localUses: new Map(), apiUses: new Set() };
  const lineOf = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;
  const declared = new Set<ts.Node>();
  for (const st of source.statements) {
    const kind = ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) ? 'type' : 'value';
    for (const name of exportedNames(st)) {
      info.own.set(name, { line: lineOf(st), kind });
      const n = (st as ts.Statement & { name?: ts.Node }).name;
      if (n) declared.add(n);
      if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) declared.add(d.name);
    }
    if (ts.isExportAssignment(st)) info.own.set('default', { line: lineOf(st), kind: 'value' });
    if (ts.isExportDeclaration(st)) {
      const target = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? resolveSpec(file, st.moduleSpecifier.text) : undefined;
      if (st.moduleSpecifier && !target) continue;
      if (!st.exportClause) {
        if (target) info.stars.push(target);
      } else if (ts.isNamedExports(st.exportClause)) {
        for (const e of st.exportClause.elements) {
          const local = (e.propertyName ?? e.name).text;
          // a named re-export is a use of the original (so only the re-export is reported when nobody takes it)
          if (target) {
            info.reexports.set(e.name.text, { from: target, name: local, line: lineOf(e) });
            uses(target, local);
          }
          else {
            info.own.set(e.name.text, { line: lineOf(e), kind: st.isTypeOnly || e.isTypeOnly ? 'type' : 'value' });
            info.localUses.set(local, (info.localUses.get(local) ?? 0) - 1); // the export list itself is no use
          }
        }
      } else if (target) uses(target, '*'); // export * as ns from
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolveSpec(file, node.moduleSpecifier.text);
      const clause = node.importClause;
      if (target && clause) {
        if (clause.name) uses(target, 'default');
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) uses(target, '*');
        else if (bindings) for (const e of bindings.elements) uses(target, (e.propertyName ?? e.name).text);
      }
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      const target = arg && ts.isStringLiteralLike(arg) ? resolveSpec(file, arg.text) : undefined;
      if (target) dynamicUses(node, target, uses);
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const target = resolveSpec(file, node.argument.literal.text);
      if (target) uses(target, node.qualifier ? (ts.isIdentifier(node.qualifier) ? node.qualifier.text : firstName(node.qualifier)) : '*');
    }
    if (ts.isIdentifier(node) && !declared.has(node)) {
      info.localUses.set(node.text, (info.localUses.get(node.text) ?? 0) + 1);
      if (inExported) info.apiUses.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  let inExported = false;
  for (const st of source.statements) {
    inExported = exportedNames(st).length > 0;
    visit(st);
  }
  return info;
}

function firstName(q: ts.EntityName): string {
  return ts.isIdentifier(q) ? q.text : firstName(q.left);
}

/** The names an `import()` call's result is read for: `(await import(x)).a`, `const { a } = await import(x)`, else all. */
function dynamicUses(call: ts.CallExpression, target: string, uses: (target: string, name: string) => void): void {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return uses(target, parent.name.text);
  if (ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name)) {
    for (const e of parent.name.elements) {
      const key = e.propertyName ?? e.name;
      if (e.dotDotDotToken || !ts.isIdentifier(key)) return uses(target, '*');
      uses(target, key.text);
    }
    return;
  }
  uses(target, '*');
}

/** Every export of src/ that no other file imports. */
export function deadExports(root: string = ROOT): DeadExport[] {
  const used = new Map<string, Set<string>>();
  const uses = (target: string, name: string) => (used.get(target) ?? used.set(target, new Set()).get(target)!).add(name);
  const modules = new Map<string, ModuleInfo>();
  for (const file of readerFiles(root)) modules.set(file, readModule(file, uses));
  // A name taken from a module that re-exports it is taken from where it comes from too (through `export *`).
  const pending = [...used.entries()].flatMap(([file, names]) => [...names].map((name) => [file, name] as const));
  const seen = new Set<string>();
  while (pending.length > 0) {
    const [file, name] = pending.pop()!;
    const key = `${file}\0${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const info = modules.get(file);
    if (!info) continue;
    const forward = (to: string, n: string) => {
      uses(to, n);
      pending.push([to, n]);
    };
    if (name === '*') {
      for (const r of info.reexports.values()) forward(r.from, r.name);
      for (const s of info.stars) forward(s, '*');
      continue;
    }
    const r = info.reexports.get(name);
    if (r) forward(r.from, r.name);
    else if (!info.own.has(name)) for (const s of info.stars) forward(s, name);
  }
  const dead: DeadExport[] = [];
  for (const [file, info] of modules) {
    if (!file.startsWith(join(root, 'src') + sep)) continue;
    const names = used.get(file) ?? new Set();
    if (names.has('*')) continue;
    const report = (name: string, line: number, usedInFile: boolean, kind: DeadExport['kind']) => dead.push({ file: toPosix(relative(root, file)), line, name, usedInFile, kind });
    for (const [name, { line, kind }] of info.own) {
      // a type an exported declaration of its file names is part of that declaration's API: it may stay exported
      if (names.has(name) || (kind === 'type' && info.apiUses.has(name))) continue;
      report(name, line, (info.localUses.get(name) ?? 0) > 0, kind);
    }
    for (const [name, r] of info.reexports) if (!names.has(name)) report(name, r.line, false, modules.get(r.from)?.own.get(r.name)?.kind ?? 'value');
  }
  return dead.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const dead = deadExports();
  for (const d of dead) console.log(`${d.file}:${d.line} ${d.kind} ${d.name}${d.usedInFile ? ' (used in its own file: unexport it)' : ' (used nowhere)'}`);
  console.log(`${dead.length} export(s) no other file imports`);
  process.exitCode = dead.length > 0 ? 1 : 0;
}
