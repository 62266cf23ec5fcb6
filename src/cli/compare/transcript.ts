// The transcript `drydock compare` records: each docker command a script ran, with its stdout, stderr and
// exit code, written by the `docker` shim as blocks and read back here.

import { readFileSync } from 'node:fs';

/** One docker command as it ran. */
export interface TranscriptEntry {
  argv: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The shell `docker` shim: runs `program`, keeps its output in the transcript, and passes it on. */
export function shimScript(program: string, transcript: string): string {
  return `#!/bin/sh
out=$(mktemp) err=$(mktemp)
${program} "$@" >"$out" 2>"$err"
code=$?
{
  printf '\\036argv'; for a in "$@"; do printf '\\037%s' "$a"; done; printf '\\n'
  printf '\\036stdout\\n'; cat "$out"; printf '\\036stderr\\n'; cat "$err"; printf '\\036exit %s\\n' "$code"
} >> '${transcript}'
cat "$out"; cat "$err" >&2; rm -f "$out" "$err"
exit $code
`;
}

/** Reads a transcript file the shim wrote. */
export function readTranscript(path: string): TranscriptEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const entries: TranscriptEntry[] = [];
  for (const block of text.split('\u001eargv').slice(1)) {
    const [argvLine = '', rest = ''] = splitOnce(block, '\n');
    const [, afterStdout = ''] = splitOnce(rest, '\u001estdout\n');
    const [stdout = '', afterStderr = ''] = splitOnce(afterStdout, '\u001estderr\n');
    const [stderr = '', exitLine = ''] = splitOnce(afterStderr, '\u001eexit ');
    entries.push({ argv: argvLine.split('\u001f').slice(1), stdout, stderr, exitCode: Number.parseInt(exitLine, 10) });
  }
  return entries;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
