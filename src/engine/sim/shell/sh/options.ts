// The shell's options (`set -e`, `sh -x`, `set -o pipefail`): their names, letters and listing order, shared by
// the shell's state, `sh`'s option parsing and the `set` builtin.

/** Shell options (`set -e` …), in ash's `$-` order reversed. */
export interface ShellOptions {
  errexit: boolean;
  noglob: boolean;
  ignoreeof: boolean;
  monitor: boolean;
  noexec: boolean;
  xtrace: boolean;
  verbose: boolean;
  noclobber: boolean;
  allexport: boolean;
  notify: boolean;
  nounset: boolean;
  errtrace: boolean;
  vi: boolean;
  pipefail: boolean;
}

/** `set -o` names in ash's listing order. */
export const OPTION_ORDER: (keyof ShellOptions)[] = [
  'errexit', 'noglob', 'ignoreeof', 'monitor', 'noexec', 'xtrace', 'verbose', 'noclobber', 'allexport', 'notify',
  'nounset', 'errtrace', 'vi', 'pipefail',
];

/** Option letters of `sh -e`, `set -x` …. */
export const OPTION_LETTERS: Record<string, keyof ShellOptions> = {
  e: 'errexit', f: 'noglob', I: 'ignoreeof', m: 'monitor', n: 'noexec', x: 'xtrace', v: 'verbose', C: 'noclobber',
  a: 'allexport', b: 'notify', u: 'nounset', E: 'errtrace',
};
