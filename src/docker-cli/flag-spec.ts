// The vocabulary of the command table: a flag and a command as docker 20.10 defines them with cobra/pflag.
// Kept as plain data so the table can be checked against `docker X --help` and rendered back as help text.

/**
 * pflag's value type of a flag. It decides how a value is checked when the flag is set, what help prints after
 * the flag name, and which JavaScript type holds the value.
 */
export type FlagType =
  | 'bool'
  | 'string'
  | 'int'
  | 'int64'
  | 'uint16'
  | 'uint64'
  | 'duration'
  | 'stringSlice'
  | 'stringArray'
  | 'list'
  | 'filter'
  | 'bytes'
  | 'decimal'
  | 'mount'
  | 'ulimit'
  | 'map'
  | 'gpu-request'
  | 'network'
  // swarm and context flags (refused commands: parsed for their usage errors, values only loosely checked)
  | 'uint32'
  | 'pem-file'
  | 'external-ca'
  | 'node-addr'
  | 'ipNetSlice'
  | 'stringToString';

/** A value check docker runs when a list flag is set (opts.ValidateEnv, ValidateLabel, …). */
export type ValueCheck =
  | 'env'
  | 'label'
  | 'attach'
  | 'ip'
  | 'dns-search'
  | 'extra-host'
  | 'link'
  | 'device-cgroup-rule'
  | 'sysctl'
  | 'weight-device'
  | 'throttle-bps'
  | 'throttle-iops'
  | 'tag'
  | 'memswap';

/** One flag of one command. */
export interface FlagSpec {
  /** long name, without dashes; also the key of the parsed value */
  name: string;
  /** one-letter shorthand */
  short?: string;
  type: FlagType;
  /** check applied to each value as it is set */
  check?: ValueCheck;
  /** pflag's default (DefValue) when it is not the type's zero value: 'true', '10', 'missing' */
  def?: string;
  /** what help prints as "(default …)" when it cannot be derived from type and def */
  shownDefault?: string;
  usage: string;
  /** accepted but not listed by help (MarkHidden, or a BuildKit-only or experimental flag on this daemon) */
  hidden?: boolean;
  /** this flag is an alias writing into another flag's value (--net → --network) */
  shares?: string;
  /** using the flag fails before the command runs: the daemon is Linux and not experimental */
  onlyOn?: 'windows' | 'experimental';
}

/** How many positional arguments a command accepts (cli.NoArgs, cli.ExactArgs(n), …). */
export type ArgRule =
  | { kind: 'none' }
  | { kind: 'exact'; n: number }
  | { kind: 'min'; n: number }
  | { kind: 'max'; n: number }
  | { kind: 'range'; min: number; max: number }
  /** cobra's own ExactArgs (not docker's cli.ExactArgs): "accepts 1 arg(s), received 0" */
  | { kind: 'cobra-exact'; n: number }
  /** no Args at all: cobra accepts anything under a leaf command */
  | { kind: 'any' };

/** One runnable docker command (a cobra leaf command). */
export interface CommandSpec {
  /** cobra's Use line without the parent path: "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]" */
  use: string;
  /** one-line description, as in the command lists */
  short: string;
  /** longer description shown by --help instead of short */
  long?: string;
  example?: string;
  args: ArgRule;
  /** false: flag parsing stops at the first positional argument (run, create, exec, commit, top, tag) */
  interspersed: boolean;
  flags: readonly FlagSpec[];
}
