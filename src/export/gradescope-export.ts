// `drydock export gradescope`: the zip Gradescope's autograder takes
// (https://gradescope-autograders.readthedocs.io/en/latest/specs/). Gradescope unpacks it into /autograder/source,
// runs setup.sh once when it builds the autograder image, then /autograder/run_autograder (a copy of ours) for
// each submission, which must leave /autograder/results/results.json. setup.sh installs Node.js and the drydock
// tarball shipped in the zip; run_autograder runs the `drydock` on PATH, so the same script runs in a test here
// with a local drydock, under a temporary root (DRYDOCK_PLATFORM_ROOT) standing in for `/`.

import { gradeAndFallback, type ExportFile } from './export-files.js';

/** The Node.js major version the platforms install (drydock needs 20 or later). */
export const NODE_MAJOR = 20;

/** What an export of one exercise is made from. */
export interface ExportInput {
  /** the exercise file's text, shipped as it is */
  exerciseYaml: string;
  title: string;
  /** the drydock tarball */
  tarball: { name: string; version: string; bytes: Uint8Array };
}

function setupScript(tarball: ExportInput['tarball']): string {
  return `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image: it installs Node.js ${NODE_MAJOR} and
# drydock ${tarball.version} from the tarball in this zip, so that \`drydock\` is on PATH for run_autograder.
# DRYDOCK_SETUP_OFFLINE=1 (tests, no network) installs nothing and only checks the drydock already on PATH.
set -euo pipefail
here="$(cd "$(dirname "\${BASH_SOURCE[0]}")" && pwd)"
version=${tarball.version}
if [ "\${DRYDOCK_SETUP_OFFLINE:-}" = 1 ]; then
  drydock --version | grep -qx "drydock $version" || { echo "setup: the drydock on PATH is not $version" >&2; exit 1; }
  exit 0
fi
if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt ${NODE_MAJOR} ]; then
  apt-get update -qq
  apt-get install -y -qq ca-certificates curl gnupg >/dev/null
  curl -fsSL https://deb.nodesource.com/setup_${NODE_MAJOR}.x | bash -
  apt-get install -y -qq nodejs >/dev/null
fi
npm install --global --no-audit --no-fund "$here/${tarball.name}"
drydock --version
`;
}

const FALLBACK = '{"score":0,"output":"The autograder could not grade this submission (drydock ended with status %s). Please tell your instructor.","stdout_visibility":"hidden","tests":[]}\\n';

function runScript(): string {
  return `#!/usr/bin/env bash
# Gradescope runs this for each submission: grades /autograder/submission against the exercise on drydock's
# simulator (no Docker needed) and writes /autograder/results/results.json, always, even when grading fails.
set -u
root="\${DRYDOCK_PLATFORM_ROOT:-}"
cd "$root/autograder" 2>/dev/null || true
${gradeAndFallback('drydock autograde gradescope "$root/autograder/source/exercise.yaml" "$root/autograder/submission" --results "$root/autograder/results/results.json"', '$root/autograder/results/results.json', FALLBACK, 300)}`;
}

/** The zip's files. */
export function gradescopeFiles(input: ExportInput): ExportFile[] {
  return [
    { path: 'setup.sh', content: setupScript(input.tarball), mode: 0o755 },
    { path: 'run_autograder', content: runScript(), mode: 0o755 },
    { path: 'exercise.yaml', content: input.exerciseYaml },
    { path: input.tarball.name, content: input.tarball.bytes },
  ];
}
