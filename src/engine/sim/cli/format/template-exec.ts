// text/template's executor (Go 1.19): walks the parse tree over template values. The order of its `at(node)`
// calls matters: Go reports an error at the node it last visited, and docker users see that node and its
// line:column (`template: :1:9: executing "" at <.Config.Nope>: map has no entry for key "Nope"`).

import { formatValue } from './go-fmt.js';
import { goQuote } from '../../../../go/quote.js';
import { GoFloat, GoNil, NIL_INTERFACE, goKind, goTypeName, goTypeOf, isTrue, mapEntries, sliceItems, utf8Bytes } from './go-value.js';
import { GoCallError, TemplateError } from './template-error.js';
import type { FuncMap, GoFunc, ParamType } from './template-funcs.js';
import { nodeString, type ArgNode, type BranchNode, type ChainNode, type CommandNode, type FieldNode, type IdentifierNode, type Node, type NumberNode, type PipeNode, type TemplateNode, type VariableNode } from './template-nodes.js';
import type { ParsedTemplate } from './template-parser.js';

/** What a missing map key gives: `<no value>` (Go's default), the element's zero value, or an error. */
export type MissingKey = 'default' | 'zero' | 'error';

/** How to execute: the function map (names must match the parse) and the missingkey option. */
export interface ExecOptions {
  funcs: FuncMap;
  missingKey?: MissingKey;
}

const MISSING = Symbol('missingVal'); // "no final argument", distinct from any value
type Signal = 'none' | 'break' | 'continue';
const MAX_DEPTH = 100000;

function isNilInterface(v: unknown): boolean {
  return v instanceof GoNil && v.kind === 'interface';
}

function isNilPointer(v: unknown): boolean {
  return v instanceof GoNil && v.kind === 'ptr';
}

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

class State {
  out = '';
  private node: Node | undefined;
  private vars: { name: string; value: unknown }[] = [];
  private depth = 0;
  /** the {{template}} calls on the way to the one running: which template made each, and where */
  private readonly calls: TemplateCall[] = [];

  constructor(
    private readonly tmpl: ParsedTemplate,
    private name: string,
    private readonly opts: ExecOptions,
  ) {}

  run(data: unknown): void {
    const root = this.tmpl.trees.get(this.name);
    if (!root) this.errorf(`${goQuote(this.name)} is an incomplete or empty template`);
    this.vars = [{ name: '$', value: data }];
    this.walk(data, root);
  }

  private at(node: Node): void {
    this.node = node;
  }

  private errorf(message: string): never {
    let text = `template: ${this.name}: ${message}`;
    if (this.node) {
      const before = this.tmpl.text.slice(0, this.node.pos);
      const nl = before.lastIndexOf('\n');
      const line = before.split('\n').length;
      const col = utf8Bytes(before.slice(nl + 1)).length;
      const where = `${this.tmpl.name}:${line}:${col}`;
      text = `template: ${where}: executing ${goQuote(this.name)} at <${nodeString(this.node)}>: ${message}`;
    }
    throw new TemplateError(text, 'exec', this.out);
  }

  private varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]?.name === name) return this.vars[i]?.value;
    this.errorf(`undefined variable: ${name}`);
  }

  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v?.name === name) return void (v.value = value);
    }
    this.errorf(`undefined variable: ${name}`);
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

  private evalPipeline(dot: unknown, pipe: PipeNode | undefined): unknown {
    if (!pipe) return undefined;
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (isNilInterface(value)) value = undefined; // Go digs the value out of an interface{}
    }
    for (const v of pipe.decl) {
      const name = v.ident[0] ?? '';
      if (pipe.isAssign) this.setVar(name, value);
      else this.vars.push({ name, value });
    }
    return value;
  }

  private notAFunction(args: readonly ArgNode[], final: unknown): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0] as Node)}`);
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: unknown): unknown {
    const first = cmd.args[0] as ArgNode;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      // falls through: errorf never returns
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  private idealConstant(c: NumberNode): unknown {
    this.at(c);
    const hexInt = /^0[xX]/.test(c.text) && !/[pP]/.test(c.text);
    if (c.isFloat && !hexInt && !c.text.startsWith("'") && /[.eEpP]/.test(c.text)) return new GoFloat(c.float);
    if (c.isInt) return Number.isSafeInteger(Number(c.int)) ? Number(c.int) : c.int;
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: unknown, field: FieldNode, args: readonly ArgNode[] | undefined, final: unknown): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: unknown, chain: ChainNode, args: readonly ArgNode[] | undefined, final: unknown): unknown {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, 'any', chain.node, true);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: unknown, v: VariableNode, args: readonly ArgNode[] | undefined, final: unknown): unknown {
    this.at(v);
    const value = this.varValue(v.ident[0] ?? '');
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: unknown, receiver: unknown, node: Node, ident: string[], args: readonly ArgNode[] | undefined, final: unknown): unknown {
    for (const name of ident.slice(0, -1)) receiver = this.evalField(dot, name, node, undefined, MISSING, receiver);
    return this.evalField(dot, ident[ident.length - 1] ?? '', node, args, final, receiver);
  }

  private evalFunction(dot: unknown, node: IdentifierNode, cmd: Node, args: readonly ArgNode[] | undefined, final: unknown): unknown {
    this.at(node);
    const fn = this.opts.funcs[node.ident];
    if (!fn) this.errorf(`${goQuote(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, true, cmd, node.ident, args, final);
  }

  private evalField(dot: unknown, name: string, node: Node, args: readonly ArgNode[] | undefined, final: unknown, receiver: unknown): unknown {
    if (receiver === undefined) {
      if (this.opts.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(name)}`);
      return undefined;
    }
    const typ = goTypeName(receiver);
    if (isNilInterface(receiver)) this.errorf(`nil pointer evaluating interface {}.${name}`);
    const info = goTypeOf(receiver);
    const method = info?.methods?.[name];
    if (method) {
      const fn: GoFunc = { params: Array<ParamType>(method.length).fill('any'), call: method };
      return this.evalCall(dot, fn, false, node, name, args, final);
    }
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
    const own = typeof receiver === 'object' && receiver !== null && Object.prototype.hasOwnProperty.call(receiver, name);
    const value = own ? (receiver as Record<string, unknown>)[name] : undefined;
    switch (goKind(receiver)) {
      case 'struct':
        if (!own) break;
        if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
        return value;
      case 'map':
      case 'nil':
        if (info?.keyName !== undefined && info.keyName !== 'string') break; // a name is not a nat.Port
        if (isNilPointer(receiver)) this.errorf(`nil pointer evaluating ${typ}.${name}`);
        if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
        if (own) return value;
        if (this.opts.missingKey === 'error') this.errorf(`map has no entry for key ${goQuote(name)}`);
        if (this.opts.missingKey === 'zero') return info?.zero ?? NIL_INTERFACE;
        return undefined;
    }
    this.errorf(`can't evaluate field ${name} in type ${typ}`);
  }

  private evalCall(dot: unknown, fn: GoFunc, builtin: boolean, node: Node, name: string, args: readonly ArgNode[] | undefined, final: unknown): unknown {
    const argNodes = args ? args.slice(1) : [];
    const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
    let numFixed = argNodes.length;
    if (fn.variadic !== undefined) {
      numFixed = fn.params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${argNodes.length}`);
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    }
    if (builtin && (name === 'and' || name === 'or')) {
      let v: unknown;
      for (const arg of argNodes) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(v) === (name === 'or')) return v;
      }
      return final !== MISSING ? this.validateType(final, 'value') : v;
    }
    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < argNodes.length; i++) argv.push(this.evalArg(dot, fn.params[i] ?? 'any', argNodes[i] as ArgNode));
    for (; i < argNodes.length; i++) argv.push(this.evalArg(dot, fn.variadic ?? 'any', argNodes[i] as ArgNode));
    if (final !== MISSING) {
      let t = fn.params[fn.params.length - 1] ?? 'any';
      if (fn.variadic !== undefined) t = numIn - 1 < numFixed ? (fn.params[numIn - 1] ?? 'any') : fn.variadic;
      argv.push(this.validateType(final, t));
    }
    try {
      return fn.call(...argv);
    } catch (e) {
      if (!(e instanceof GoCallError)) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  private validateType(value: unknown, typ: ParamType): unknown {
    const label = typ === 'strings' ? '[]string' : typ;
    if (value === undefined) {
      if (typ === 'value') return undefined;
      if (typ === 'any') return null;
      if (typ === 'strings') return new GoNil('slice', '[]string');
      this.errorf(`invalid value; expected ${label}`);
    }
    if (typ === 'any' || typ === 'value') return value;
    const got = value === null || isNilInterface(value) ? 'interface {}' : goTypeName(value);
    if (got !== label) this.errorf(`wrong type for value; expected ${label}; got ${got}`);
    return value;
  }

  private evalArg(dot: unknown, typ: ParamType, n: ArgNode, untyped = false): unknown {
    this.at(n);
    const check = (v: unknown) => (untyped ? v : this.validateType(v, typ));
    switch (n.type) {
      case 'dot':
        return check(dot);
      case 'nil':
        if (typ === 'value') return undefined; // reflect.Zero(reflect.Value): the invalid value
        if (typ === 'any') return null;
        if (typ === 'strings') return new GoNil('slice', '[]string');
        this.errorf(`cannot assign nil to ${typ}`);
      // falls through: errorf never returns
      case 'field':
        return check(this.evalFieldNode(dot, n, [n], MISSING));
      case 'variable':
        return check(this.evalVariableNode(dot, n, undefined, MISSING));
      case 'pipe':
        return check(this.evalPipeline(dot, n));
      case 'identifier':
        return check(this.evalFunction(dot, n, n, undefined, MISSING));
      case 'chain':
        return check(this.evalChainNode(dot, n, undefined, MISSING));
    }
    switch (typ) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        this.errorf(`expected bool; found ${nodeString(n)}`);
      // falls through: errorf never returns
      case 'int':
        if (n.type === 'number' && n.isInt) return Number.isSafeInteger(Number(n.int)) ? Number(n.int) : n.int;
        this.errorf(`expected integer; found ${nodeString(n)}`);
      // falls through: errorf never returns
      case 'string':
        if (n.type === 'string') return n.text;
        this.errorf(`expected string; found ${nodeString(n)}`);
      // falls through: errorf never returns
      case 'strings':
        this.errorf(`can't handle ${nodeString(n)} for arg of type []string`);
      // falls through: errorf never returns
      default:
        if (n.type === 'number') return this.idealConstant(n);
        return n.type === 'string' ? n.text : n.value;
    }
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
