// `drydock export github-classroom`: a starter repository for a GitHub Classroom assignment. The student writes
// submission/commands.sh (and any files it needs); on each push .github/workflows/classroom.yml installs this
// drydock from the shipped tarball, runs .drydock/grade.sh, which grades submission/ and hands the result to
// GitHub Classroom's grading reporter (classroom-resources/autograding-grading-reporter) the way its grader
// actions do: base64 JSON in a step output, read from the `<RUNNER>_RESULTS` variable, whose tests' scores the
// reporter adds up against max_score (https://github.com/classroom-resources/autograding-grading-reporter).

import { gradeAndFallback, type ExportFile } from './export-files.js';
import { NODE_MAJOR, type ExportInput } from './gradescope-export.js';

/** GitHub Classroom's extra inputs. */
export interface ClassroomInput extends ExportInput {
  studentFiles: string[];
  description?: string;
}

/** The runner id the reporter is given; its results variable is this, upper-cased, + `_RESULTS`. */
const CLASSROOM_RUNNER = 'drydock';

const FALLBACK = '{"version":1,"status":"error","max_score":0,"tests":[{"name":"drydock","status":"error","score":0,"message":"drydock ended with status %s without grading"}]}\\n';

function gradeScript(): string {
  return `#!/usr/bin/env bash
# Grades submission/ against .drydock/exercise.yaml on drydock's simulator and sets the step output \`result\`
# (base64 JSON) that the autograding reporter reads; a result file is written even when grading fails.
set -u
cd "$(dirname "\${BASH_SOURCE[0]}")/.."
results=.drydock/result.json
(
${gradeAndFallback('drydock autograde github-classroom .drydock/exercise.yaml submission --results "$results"', '$results', FALLBACK, 300)}
)
echo "result=$(base64 -w0 < "$results")" >> "\${GITHUB_OUTPUT:-/dev/stdout}"
`;
}

function workflow(input: ClassroomInput): string {
  return `# GitHub Classroom autograding with drydock: grades submission/ on drydock's Docker simulator (no Docker needed
# on the runner) and reports the points to GitHub Classroom.
name: Autograding Tests
'on':
  - push
  - repository_dispatch
  - workflow_dispatch
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
      - name: Checkout code
        uses: actions/checkout@v4
      - name: Set up Node.js
        uses: actions/setup-node@v4
        with:
          node-version: '${NODE_MAJOR}'
      - name: Install drydock ${input.tarball.version}
        run: npm install --global --no-audit --no-fund ./.drydock/${input.tarball.name}
      - name: Grade with drydock
        id: ${CLASSROOM_RUNNER}
        run: bash .drydock/grade.sh
      - name: Autograding Reporter
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
          ${CLASSROOM_RUNNER.toUpperCase()}_RESULTS: "\${{ steps.${CLASSROOM_RUNNER}.outputs.result }}"
        with:
          runners: ${CLASSROOM_RUNNER}
`;
}

function readme(input: ClassroomInput): string {
  const others = input.studentFiles.filter((f) => f !== 'commands.sh');
  return `# ${input.title}

${input.description ? `${input.description.trimEnd()}\n\n` : ''}Write your docker commands in \`submission/commands.sh\`, one a line${others.length > 0 ? `, and the files they need in \`submission/\` (${others.map((f) => `\`${f}\``).join(', ')})` : ''}. Push to be graded: the
Actions tab shows each check with its points and hints.

Check your work before pushing (Node.js ${NODE_MAJOR} or later):

\`\`\`sh
npm install --global ./.drydock/${input.tarball.name}
drydock check .drydock/exercise.yaml submission
\`\`\`
`;
}

/** The starter repository's files. */
export function classroomFiles(input: ClassroomInput): ExportFile[] {
  const starters = input.studentFiles.map((f): ExportFile => ({ path: `submission/${f}`, content: f === 'commands.sh' ? '# Your docker commands, one a line, e.g.\n# docker run -dit --name web ubuntu\n' : `# ${f}: write it here\n` }));
  return [
    { path: 'README.md', content: readme(input) },
    ...starters,
    { path: '.github/workflows/classroom.yml', content: workflow(input) },
    { path: '.drydock/exercise.yaml', content: input.exerciseYaml },
    { path: '.drydock/grade.sh', content: gradeScript(), mode: 0o755 },
    { path: `.drydock/${input.tarball.name}`, content: input.tarball.bytes },
    { path: '.gitignore', content: '.drydock/result.json\n' },
  ];
}
