// Decides, for each transcript, how the replay runs it: a docker command (optionally with `$(docker …)`
// substitutions and emulated filters after it), a script on the sandbox host, an input file shown with `cat`,
// or nothing, with the reason why it cannot be replayed offline.

import { isEmulatedFilter } from './pipeline-filters.js';
import type { Transcript } from './reference-transcripts.js';
import { literalArgv, parseShellLine, type ShellWord } from './shell-line.js';

/** Why a transcript is not replayed (the report counts them by this key). */
export type SkipReason =
  | 'tty'
  | 'daemon-storage'
  | 'host-tools'
  | 'host-kernel'
  | 'registry'
  | 'privileged'
  | 'gnu-fixture'
  | 'not-modelled'
  | 'excerpt'
  | 'no-command'
  | 'global-state';

/** Human text for each skip reason. */
export const SKIP_REASONS: Record<SkipReason, string> = {
  tty: 'needs a pseudo-TTY (the reference ran it through `script`)',
  'daemon-storage': 'reads /var/lib/docker on the daemon host (no such host directory in the simulator)',
  'host-tools': "output of the reference host's GNU tools (jq, tar, GNU ls), not of docker",
  'host-kernel': 'shows the host kernel or its mount table (uname -r, block devices in mountinfo)',
  registry: 'needs registry access (pull)',
  privileged: 'privileged containers could not start in the reference sandbox (unable to apply caps)',
  'gnu-fixture': 'uses cv-gnu (host GNU bash/coreutils copied in; not reproducible)',
  'not-modelled': 'the reference says this result should not be modelled',
  excerpt: 'the transcript is an excerpt (rows left out)',
  'no-command': 'the command itself is not shown in the reference',
  'global-state': 'lists objects of the whole reference run, including cv-gnu (not reproducible)',
};

/** One word of a docker argv: literal, or the field-split stdout of a docker command. */
export type ArgPart = { kind: 'literal'; text: string } | { kind: 'subst'; argv: string[] };

/** How to replay one transcript. */
export type Plan =
  | { kind: 'docker'; argv: ArgPart[]; filters: string[][] }
  | { kind: 'host'; script: string }
  | { kind: 'input'; path: string }
  | { kind: 'skip'; reason: SkipReason };

/** Skip rules checked before the shape of the command: first match wins. */
const SKIP_RULES: Array<[SkipReason, (t: Transcript) => boolean]> = [
  ['no-command', (t) => t.command === ''],
  ['tty', (t) => /\bscript -q/.test(t.command)],
  ['gnu-fixture', (t) => /\bcv-gnu\b/.test(t.command)],
  ['daemon-storage', (t) => t.command.includes('/var/lib/docker/')],
  ['host-kernel', (t) => /\buname -r\b|\/proc\/self\/mountinfo'$/.test(t.command) && !t.command.includes('grep -o')],
  ['host-tools', (t) => /^(jq|tar) /.test(t.command) || /^ls -(ld|d) /.test(t.command)],
  ['registry', (t) => t.stderr.includes('registry-1.docker.io')],
  ['privileged', (t) => /^docker run .*--privileged/.test(t.command) && t.stderr.includes('unable to apply caps')],
  ['not-modelled', (t) => /^docker run .* -v '' /.test(t.command)],
  ['excerpt', (t) => t.comment === '(excerpt)'],
];

const HOSTDIR_TOKEN = '@@HOSTDIR@@';

/** The plan of one transcript. */
export function planTranscript(t: Transcript): Plan {
  for (const [reason, applies] of SKIP_RULES) if (applies(t)) return { kind: 'skip', reason };
  // `<HOSTDIR>` is not a redirection: hide it from the shell parser, put it back in the words
  const line = parseShellLine(t.command.replaceAll('<HOSTDIR>', HOSTDIR_TOKEN));
  for (const words of line.pipeline) {
    for (const w of words) {
      if (w.kind === 'literal') w.text = w.text.replaceAll(HOSTDIR_TOKEN, '<HOSTDIR>');
      else w.script = w.script.replaceAll(HOSTDIR_TOKEN, '<HOSTDIR>');
    }
  }
  const [first, ...rest] = line.pipeline;
  const head = first?.[0];
  const isDocker = head?.kind === 'literal' && head.text === 'docker';
  if (isDocker && !line.complex) {
    const filters = rest.map((words) => literalArgv(words));
    if (filters.every((f): f is string[] => f !== null && isEmulatedFilter(f))) {
      const argv = dockerArgv(first!.slice(1));
      if (argv) return { kind: 'docker', argv, filters };
    }
  }
  if (isDocker || t.command.includes('docker ')) throw new Error(`line ${t.line}: no replay plan for: ${t.command}`);
  const cat = /^cat (\S*Dockerfile\S*)$/.exec(t.command);
  if (cat && t.exitCode === 0 && t.stderr === '') return { kind: 'input', path: cat[1]! };
  return { kind: 'host', script: t.command };
}

/** A docker argv, with `$(docker …)` words turned into substitutions (null for any other substitution). */
function dockerArgv(words: readonly ShellWord[]): ArgPart[] | null {
  const out: ArgPart[] = [];
  for (const w of words) {
    if (w.kind === 'literal') {
      out.push(w);
      continue;
    }
    const inner = parseShellLine(w.script);
    const argv = inner.pipeline.length === 1 && !inner.complex ? literalArgv(inner.pipeline[0]!) : null;
    if (!argv || argv[0] !== 'docker') return null;
    out.push({ kind: 'subst', argv: argv.slice(1) });
  }
  return out;
}
