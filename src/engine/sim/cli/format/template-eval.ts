// text/template's evaluation (Go 1.19): pipelines, commands, fields, method and function calls and their
// arguments, with Go's error texts; the executor (template-exec.ts) walks the tree and calls into it. The order
// of the `at(node)` calls matters: Go reports an error at the node it last visited.

import { goQuote } from '../../../../go/quote.js';
import { GoFloat, GoNil, NIL_INTERFACE, goKind, goTypeName, goTypeOf, isTrue, utf8Bytes } from './go-value.js';
import { GoCallError, TemplateError } from './template-error.js';
import type { FuncMap, GoFunc, ParamType } from './template-funcs.js';
import { nodeString, type ArgNode, type ChainNode, type CommandNode, type FieldNode, type IdentifierNode, type Node, type NumberNode, type PipeNode, type VariableNode } from './template-nodes.js';
import type { ParsedTemplate } from './template-parser.js';

/** What a missing map key gives: `<no value>` (Go's default), the element's zero value, or an error. */
export type MissingKey = 'default' | 'zero' | 'error';

/** How to execute: the function map (names must match the parse) and the missingkey option. */
export interface ExecOptions {
  funcs: FuncMap;
  missingKey?: MissingKey;
}

const MISSING = Symbol('missingVal'); // "no final argument", distinct from any value

function isNilInterface(v: unknown): boolean {
  return v instanceof GoNil && v.kind === 'interface';
}

/** A nil pointer (range and if treat it as empty). */
export function isNilPointer(v: unknown): boolean {
  return v instanceof GoNil && v.kind === 'ptr';
}

/** The evaluation half of the executor: variables, pipelines, commands, fields, calls, arguments. */
export class Evaluator {
  out = '';
  protected node: Node | undefined;
  protected vars: { name: string; value: unknown }[] = [];

  constructor(
    protected readonly tmpl: ParsedTemplate,
    protected name: string,
    protected readonly opts: ExecOptions,
  ) {}


  protected at(node: Node): void {
    this.node = node;
  }

  protected errorf(message: string): never {
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

  protected varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]?.name === name) return this.vars[i]?.value;
    this.errorf(`undefined variable: ${name}`);
  }

  protected setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v?.name === name) return void (v.value = value);
    }
    this.errorf(`undefined variable: ${name}`);
  }

  protected evalPipeline(dot: unknown, pipe: PipeNode | undefined): unknown {
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
}
