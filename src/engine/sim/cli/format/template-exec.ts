// text/template's executor (Go 1.19): walks the parse tree over template values. The order of its `at(node)`
// calls matters: Go reports an error at the node it last visited, and docker users see that node and its
// line:column (`template: :1:9: executing "" at <.Config.Nope>: map has no entry for key "Nope"`).

import { formatValue } from './go-fmt.js';
import { goQuote } from '../../../../go/quote.js';
import { goKind, goTypeName, isTrue, mapEntries, sliceItems } from './go-value.js';
import { Evaluator, isNilPointer, type ExecOptions } from './template-eval.js';
import { nodeString, type BranchNode, type Node, type TemplateNode } from './template-nodes.js';
import type { ParsedTemplate } from './template-parser.js';

type Signal = 'none' | 'break' | 'continue';
const MAX_DEPTH = 100000;

/** A {{template}} call: the template that made it, and the node. */
interface TemplateCall {
  name: string;
  node: TemplateNode;
}

/**
 * The call a recursion reaches at `depth` (the index into its chain of calls), extrapolated from the shortest
 * cycle the known chain ends in; undefined when it ends in none (the recursion depends on the data).
 */
export function callAtDepth<T extends { name: string; node: unknown }>(chain: readonly T[], depth: number): T | undefined {
  if (depth < chain.length) return chain[depth];
  const same = (a: T, b: T) => a.name === b.name && a.node === b.node;
  for (let period = 1; period <= Math.min(64, Math.floor(chain.length / 4)); period++) {
    // the last 3 periods' worth of calls all repeat at this period
    let repeats = true;
    for (let i = chain.length - 3 * period; i < chain.length && repeats; i++) repeats = same(chain[i] as T, chain[i - period] as T);
    if (!repeats) continue;
    const start = chain.length - period;
    return chain[start + ((depth - start) % period)];
  }
  return undefined;
}

/** The executor: walks the tree (actions, if/with/range, template calls) and prints what it evaluates. */
class State extends Evaluator {
  private depth = 0;
  /** the {{template}} calls on the way to the one running: which template made each, and where */
  private readonly calls: TemplateCall[] = [];

  run(data: unknown): void {
    const root = this.tmpl.trees.get(this.name);
    if (!root) this.errorf(`${goQuote(this.name)} is an incomplete or empty template`);
    this.vars = [{ name: '$', value: data }];
    this.walk(data, root);
  }

  private walk(dot: unknown, node: Node): Signal {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return 'none';
      }
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) {
          const signal = this.walk(dot, n);
          if (signal !== 'none') return signal;
        }
        return 'none';
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        this.walkTemplate(dot, node);
        return 'none';
      case 'text':
        this.out += node.text;
        return 'none';
      case 'break':
      case 'continue':
        return node.type;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(dot: unknown, node: BranchNode): Signal {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) return this.walk(node.type === 'with' ? val : dot, node.list);
      return node.elseList ? this.walk(dot, node.elseList) : 'none';
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: unknown, r: BranchNode): Signal {
    this.at(r);
    const outer = this.vars.length;
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.vars.length;
      const iterate = (items: [unknown, unknown][]): Signal | undefined => {
        if (items.length === 0) return undefined;
        for (const [index, elem] of items) {
          if (r.pipe.decl.length > 0) (this.vars[this.vars.length - 1] as { value: unknown }).value = elem;
          if (r.pipe.decl.length > 1) (this.vars[this.vars.length - 2] as { value: unknown }).value = index;
          const signal = this.walk(elem, r.list);
          this.vars.length = mark;
          if (signal === 'break') break;
        }
        return 'none';
      };
      let done: Signal | undefined;
      const kind = goKind(val);
      if (kind === 'slice') done = iterate(sliceItems(val).map((e, i) => [i, e]));
      else if (kind === 'map') done = iterate(mapEntries(val));
      else if (kind === 'nil' && isNilPointer(val)) this.errorf(`range can't iterate over ${formatValue(val)}`);
      else if (kind !== 'invalid' && kind !== 'nil') this.errorf(`range can't iterate over ${formatValue(val)}`);
      if (done) return done;
      return r.elseList ? this.walk(dot, r.elseList) : 'none';
    } finally {
      this.vars.length = outer;
    }
  }

  private walkTemplate(dot: unknown, t: TemplateNode): void {
    this.at(t);
    const root = this.tmpl.trees.get(t.name);
    if (!root) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth === MAX_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const saved = { name: this.name, vars: this.vars, depth: this.depth };
    this.name = t.name;
    this.vars = [{ name: '$', value: newDot }];
    this.depth++;
    this.calls.push({ name: saved.name, node: t });
    try {
      this.walk(newDot, root);
    } catch (e) {
      // JavaScript's stack ends long before Go's 100000 levels: report the call Go's limit would stop, from a
      // frame that still has room (a frame without room throws RangeError again, and the one above tries). Which
      // call that is comes from the cycle the calls so far repeat, not from where this machine's stack ended.
      if (!(e instanceof RangeError)) throw e;
      Object.assign(this, saved);
      const site = callAtDepth(this.calls, MAX_DEPTH) ?? { name: saved.name, node: t };
      this.name = site.name;
      this.at(site.node);
      this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
    } finally {
      this.calls.pop();
    }
    Object.assign(this, saved);
  }

  private printValue(node: Node, v: unknown): void {
    this.at(node);
    if (goKind(v) === 'func') this.errorf(`can't print ${nodeString(node)} of type ${goTypeName(v)}`);
    this.out += v === undefined ? '<no value>' : formatValue(v);
  }
}

/** Execute a parsed template on data; throws TemplateError (with the partial output) on failure. */
export function executeTemplate(tmpl: ParsedTemplate, data: unknown, opts: ExecOptions): string {
  const state = new State(tmpl, tmpl.name, opts);
  state.run(data);
  return state.out;
}

