// The syntax tree of a shell script, as the parser produces it and the interpreter walks it. Words keep their
// quoting per part, because expansion (field splitting, globbing) depends on what was quoted.

/** One piece of a word; `q` marks parts inside quotes (not split, not globbed). */
export type WordPart =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'tilde'; user: string }
  | { t: 'param'; name: string; op?: ParamOp; arg?: Word; repl?: Word; q: boolean }
  | { t: 'length'; name: string; q: boolean }
  | { t: 'substr'; name: string; offset: Word; length?: Word; q: boolean }
  | { t: 'cmd'; body: Command | null; q: boolean }
  | { t: 'arith'; expr: Word; q: boolean };

/** Operators of `${name OP arg}`. */
export type ParamOp =
  | '-' | ':-' | '=' | ':=' | '?' | ':?' | '+' | ':+'
  | '#' | '##' | '%' | '%%' | '/' | '//' | '/#' | '/%';

/** A word: the parts are concatenated before splitting. */
export interface Word {
  parts: WordPart[];
}

/** Redirection operators. */
export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '<<' | '<<-';

/** One redirection; for here-documents `body` holds the text (filled in after the line is read). */
export interface Redir {
  fd: number;
  op: RedirOp;
  target: Word;
  heredoc?: { body: Word; quoted: boolean };
}

/** `name=value`. */
export interface Assign {
  name: string;
  value: Word;
}

/** Every kind of command node. */
export type Command =
  | { t: 'simple'; assigns: Assign[]; words: Word[]; redirs: Redir[]; line: number }
  | { t: 'pipeline'; cmds: Command[]; bang: boolean }
  | { t: 'andor'; op: '&&' | '||'; left: Command; right: Command }
  | { t: 'list'; items: { cmd: Command; async: boolean }[] }
  | { t: 'subshell'; body: Command; redirs: Redir[] }
  | { t: 'group'; body: Command; redirs: Redir[] }
  | { t: 'if'; clauses: { cond: Command; body: Command }[]; elseBody?: Command; redirs: Redir[] }
  | { t: 'for'; name: string; items: Word[] | null; body: Command; redirs: Redir[]; line: number }
  | { t: 'loop'; until: boolean; cond: Command; body: Command; redirs: Redir[] }
  | { t: 'case'; word: Word; arms: { patterns: Word[]; body: Command | null; fallthrough: boolean }[]; redirs: Redir[]; line: number }
  | { t: 'func'; name: string; body: Command; line: number }
  | { t: 'empty' };
