// Reads every import of src/ from the TypeScript AST: static imports and re-exports, `import()` calls and
// `import('…')` types, so a dynamic or type-only import is seen as any other (after Playwright's check_deps).

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import of one file: both as paths relative to src/, with `/` separators. */
export interface ImportEdge {
  from: string;
  to: string;
  /** 1-based line of the import in `from` */
  line: number;
  kind: 'static' | 'dynamic' | 'type';
}

/** Every .ts file under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const toPosix = (p: string) => p.split(sep).join('/');

/** The relative module specifiers a file imports, with their kind and line. */
function specifiers(file: string): { spec: string; line: number; kind: ImportEdge['kind'] }[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { spec: string; line: number; kind: ImportEdge['kind'] }[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined, kind: ImportEdge['kind']) => {
    if (literal && ts.isStringLiteralLike(literal)) found.push({ spec: literal.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, kind });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, node.importClause?.isTypeOnly ? 'type' : 'static');
    else if (ts.isExportDeclaration(node)) add(node, node.moduleSpecifier, node.isTypeOnly ? 'type' : 'static');
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression, 'static');
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0], 'dynamic');
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal, 'type');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The graph of src/'s imports between its own files (packages and `node:` modules are left out). */
export function importGraph(src: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(src)) {
    for (const { spec, line, kind } of specifiers(file)) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      edges.push({ from: toPosix(relative(src, file)), to: toPosix(relative(src, target)), line, kind });
    }
  }
  return edges;
}

/** The packages and Node modules each file imports (for the rule that the simulator core has no Node module). */
export function externalImports(src: string): { from: string; spec: string; line: number }[] {
  return sourceFiles(src).flatMap((file) =>
    specifiers(file)
      .filter((s) => !s.spec.startsWith('.'))
      .map((s) => ({ from: toPosix(relative(src, file)), spec: s.spec, line: s.line })),
  );
}

/** Strongly connected components of more than one file (or a file importing itself): the import cycles. */
export function importCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.kind === 'type') continue; // a type-only import is erased: it makes no cycle at run time
    (next.get(e.from) ?? next.set(e.from, new Set()).get(e.from)!).add(e.to);
  }
  // Tarjan's algorithm, iterative so a deep chain cannot overflow the stack
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: [string, string[]][] = [[root, [...(next.get(root) ?? [])]]];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, pending] = frame;
      const child = pending.shift();
      if (child !== undefined) {
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push([child, [...(next.get(child) ?? [])]]);
        } else if (onStack.has(child)) low.set(node, Math.min(low.get(node)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || next.get(node)?.has(node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** src/ of this repository. */
export const SRC = resolve(dirname(new URL(import.meta.url).pathname), '..', '..', 'src');
