// The parsed form of one Dockerfile instruction, before it is given a type: what buildkit's parser.Node holds
// for a child of the root, flattened (its `Next` chain becomes `args`).

/** One instruction as the line parser sees it: keyword, flags, and arguments split by that keyword's rules. */
export interface DockerfileNode {
  /** The instruction word as written (`from`, `FROM`, even `FORM`); compare it lower-cased. */
  readonly keyword: string;
  /** Leading `--name=value` words, in order (`["--from=build"]`). */
  readonly flags: readonly string[];
  /**
   * The arguments, split the way buildkit splits them for this keyword. ENV and LABEL come as triples
   * `key, value, separator` (separator `=` for `k=v`, empty for the legacy `ENV k v` form); unknown keywords
   * have the single argument `""`, as buildkit's dump shows them.
   */
  readonly args: readonly string[];
  /** ONBUILD's nested instruction (absent for every other keyword, and for an ONBUILD without arguments). */
  readonly trigger?: DockerfileNode;
  /** True when the arguments came from a JSON array (exec form). */
  readonly json: boolean;
  /** The logical line as read: continuations joined, comment lines dropped, leading whitespace removed. */
  readonly original: string;
  /** 1-based line of the instruction's first physical line. */
  readonly startLine: number;
  /** 1-based line of its last physical line (comment and blank lines inside a continuation count). */
  readonly endLine: number;
}
