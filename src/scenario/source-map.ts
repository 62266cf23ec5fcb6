// From a YAML path (["steps", 3, "docker"]) to where its node is in the file, so every problem and every step
// carries a real line and column. Walks yaml's own node tree (ranges come from the parser, positions from its
// LineCounter); nothing here searches the text.

import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Scalar } from 'yaml';
import { codeFrame, type LineCol, type ScenarioProblem, type ScenarioProblemCode } from './problem.js';

/** A source range as offsets into the file's text. */
export interface SourceRange {
  start: number;
  end: number;
}

/** Positions of a parsed YAML document. */
export class SourceMap {
  constructor(
    readonly text: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** 1-based line and column of an offset. */
  pos(offset: number): LineCol {
    const p = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line: p.line, col: p.col };
  }

  /** A problem at a source range, with its caret frame. */
  problem(
    code: ScenarioProblemCode,
    message: string,
    file: string,
    range: SourceRange,
    path: (string | number)[],
    suggestion?: string,
  ): ScenarioProblem {
    const start = this.pos(range.start);
    const end = this.pos(Math.max(range.end, range.start + 1));
    const problem: ScenarioProblem = { code, message, file, start, end, path, frame: codeFrame(this.text, start, end) };
    if (suggestion) problem.suggestion = suggestion;
    return problem;
  }

  /** The node at a path, or the deepest existing ancestor when the path runs out. */
  node(path: readonly (string | number)[]): { node: Node | null; key: Node | null; complete: boolean } {
    let node: unknown = this.doc.contents;
    let key: Node | null = null;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
        if (!pair) return { node: node as Node, key, complete: false };
        key = (pair.key as Node) ?? null;
        node = pair.value;
        if (node === null) return { node: key, key, complete: true };
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)];
        if (item === undefined) return { node: node as Node, key, complete: false };
        key = null;
        node = item;
      } else {
        return { node: (node as Node | null) ?? null, key, complete: false };
      }
    }
    return { node: (node as Node | null) ?? null, key, complete: true };
  }

  /** The range of the value at `path` (or of its key with `{key: true}`, falling back to the value). */
  range(path: readonly (string | number)[], options: { key?: boolean } = {}): SourceRange {
    const found = this.node(path);
    const target = options.key && found.complete && found.key ? found.key : found.node;
    const r = target?.range;
    if (!r) return { start: 0, end: 0 };
    return { start: r[0], end: r[1] };
  }

  /**
   * A function from an offset inside a scalar's value to an offset in the file, exact for plain and quoted
   * one-line scalars and for block literals; other forms map every offset to the scalar's start.
   */
  valueOffsets(path: readonly (string | number)[]): (i: number) => number {
    const found = this.node(path);
    const node = found.complete ? found.node : null;
    if (!isScalar(node) || !node.range) {
      const r = this.range(path);
      return () => r.start;
    }
    return scalarOffsets(this.text, node);
  }
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function scalarOffsets(text: string, node: Scalar): (i: number) => number {
  const [start, end] = node.range as [number, number, number];
  const value = typeof node.value === 'string' ? node.value : String(node.value);
  const src = text.slice(start, end);
  if (node.type === 'PLAIN' && src === value) return (i) => start + i;
  if ((node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') && src.slice(1, -1) === value) return (i) => start + 1 + i;
  if (node.type === 'BLOCK_LITERAL') {
    const headerEnd = src.indexOf('\n');
    if (headerEnd >= 0) {
      const body = src.slice(headerEnd + 1);
      const bodyLines = body.split('\n');
      const indent = Math.min(...bodyLines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
      const lineStarts: number[] = [];
      let off = start + headerEnd + 1;
      for (const l of bodyLines) {
        lineStarts.push(off + (Number.isFinite(indent) ? indent : 0));
        off += l.length + 1;
      }
      const valueLines = value.split('\n');
      return (i) => {
        let rest = i;
        for (let k = 0; k < valueLines.length; k++) {
          const len = (valueLines[k] as string).length;
          if (rest <= len) return (lineStarts[k] ?? start) + rest;
          rest -= len + 1;
        }
        return start;
      };
    }
  }
  return () => start;
}
