// What every export is made of: files with their modes, written into a folder or a zip, and the pieces the
// three platforms share (the exercise as a student's platform gets it, the fallback results line of an entry
// script).

import { mkdir, writeFile, chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/** One file of an export. */
export interface ExportFile {
  path: string;
  content: string | Uint8Array;
  /** 0o755 for scripts */
  mode?: number;
}

function bytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

/** Writes the files under `dir` (made if missing). */
export async function writeExportDir(dir: string, files: readonly ExportFile[]): Promise<void> {
  for (const f of files) {
    const path = join(dir, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes(f.content));
    await chmod(path, f.mode ?? 0o644);
  }
}

/** The files as a zip with their modes (Gradescope's runner needs run_autograder executable). */
export function zipExport(files: readonly ExportFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) {
    // Unix modes go in the high bits of the external attributes, with the zip made "on Unix" (os 3).
    tree[f.path] = [bytes(f.content), { os: 3, attrs: ((0o100000 | (f.mode ?? 0o644)) << 16) >>> 0, mtime: new Date(Date.UTC(1985, 9, 26, 8, 15)) }];
  }
  return zipSync(tree, { level: 9 });
}

/** Quotes a value for a single-quoted bash string. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The lines of an entry script that run drydock and, whatever happens to it (missing from PATH, killed by the
 * time limit, crashed), leave a results file: `fallback` is a printf format with one %s, the exit status.
 */
export function gradeAndFallback(command: string, results: string, fallback: string, limitSeconds: number): string {
  return `mkdir -p "$(dirname "${results}")"
rm -f "${results}"
status=0
if ! command -v drydock >/dev/null 2>&1; then
  echo "drydock is not on PATH: was setup run?" >&2
  status=127
elif command -v timeout >/dev/null 2>&1; then
  timeout --kill-after=5 ${limitSeconds} ${command} || status=$?
else
  ${command} || status=$?
fi
if [ ! -s "${results}" ]; then
  # drydock wrote nothing (not installed, killed, crashed): the platform still gets results that say so.
  printf ${shellQuote(fallback)} "$status" > "${results}"
fi
exit 0
`;
}
