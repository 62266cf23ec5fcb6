// The parse tree of a Go template (text/template/parse's node types) and Go's String() of each node, which
// execution errors quote verbatim: `executing "" at <index .RepoTags 5>: …`.

import { goQuote } from '../../../../go/quote.js';

interface At {
  /** Index of the node's first token in the template text. */
  pos: number;
}

/** Literal text between actions. */
export interface TextNode extends At {
  type: 'text';
  text: string;
}

/** `{{pipeline}}`, printed unless it declares variables. */
export interface ActionNode extends At {
  type: 'action';
  line: number;
  pipe: PipeNode;
}

/** A sequence of nodes. */
export interface ListNode extends At {
  type: 'list';
  nodes: Node[];
}

/** `{{if}}`, `{{range}}` or `{{with}}`. */
export interface BranchNode extends At {
  type: 'if' | 'range' | 'with';
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList?: ListNode;
}

/** `{{template "name" pipeline}}`. */
export interface TemplateNode extends At {
  type: 'template';
  line: number;
  name: string;
  pipe?: PipeNode;
}

/** `{{break}}` / `{{continue}}` inside a range, and the `{{end}}` / `{{else}}` markers while parsing. */
export interface MarkerNode extends At {
  type: 'break' | 'continue' | 'end' | 'else';
  line: number;
}

/** Declarations and commands joined by `|`. */
export interface PipeNode extends At {
  type: 'pipe';
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}

/** One command: an operand or a function followed by its arguments. */
export interface CommandNode extends At {
  type: 'command';
  args: ArgNode[];
}

/** `.A.B` on dot. */
export interface FieldNode extends At {
  type: 'field';
  ident: string[];
}

/** `$x` or `$x.A.B`. */
export interface VariableNode extends At {
  type: 'variable';
  ident: string[];
}

/** `(pipeline).A.B`. */
export interface ChainNode extends At {
  type: 'chain';
  node: ArgNode;
  field: string[];
}

/** A function name. */
export interface IdentifierNode extends At {
  type: 'identifier';
  ident: string;
}

/** `.`, `nil`, `true`/`false`. */
export interface SimpleNode extends At {
  type: 'dot' | 'nil' | 'bool';
  value?: boolean;
}

/** A number constant with every interpretation Go's parser found valid. */
export interface NumberNode extends At {
  type: 'number';
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  int: bigint;
  float: number;
}

/** A quoted string constant. */
export interface StringNode extends At {
  type: 'string';
  quoted: string;
  text: string;
}

/** Nodes that can be command arguments. */
export type ArgNode =
  | FieldNode
  | VariableNode
  | ChainNode
  | IdentifierNode
  | SimpleNode
  | NumberNode
  | StringNode
  | PipeNode;

/** Any node. */
export type Node = TextNode | ActionNode | ListNode | BranchNode | TemplateNode | MarkerNode | CommandNode | ArgNode;

/** Go's Node.String(): the source form of a node, as error messages print it. */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'text':
      return n.text;
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'if':
    case 'range':
    case 'with': {
      const head = `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}`;
      return n.elseList ? `${head}{{else}}${nodeString(n.elseList)}{{end}}` : `${head}{{end}}`;
    }
    case 'template':
      return n.pipe ? `{{template ${goQuote(n.name)} ${nodeString(n.pipe)}}}` : `{{template ${goQuote(n.name)}}}`;
    case 'break':
    case 'continue':
    case 'end':
    case 'else':
      return `{{${n.type}}}`;
    case 'pipe': {
      const decl = n.decl.length > 0 ? n.decl.map(nodeString).join(', ') + ' := ' : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'field':
      return n.ident.map((id) => '.' + id).join('');
    case 'variable':
      return n.ident.join('.');
    case 'chain': {
      const base = n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node);
      return base + n.field.map((f) => '.' + f).join('');
    }
    case 'identifier':
      return n.ident;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
  }
}
