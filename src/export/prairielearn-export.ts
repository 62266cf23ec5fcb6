// `drydock export prairielearn`: an externally graded PrairieLearn question
// (https://prairielearn.readthedocs.io/en/latest/externalGrading/) and the grader image it runs in. The
// question's tests/ folder (PrairieLearn mounts it at /grade/tests) holds the exercise and run.sh, the
// entrypoint; the student's files arrive in /grade/student; run.sh writes /grade/results/results.json, always.
// The image is an official Node.js image with this drydock installed from the shipped tarball: one image serves
// every drydock question, since each question brings its own exercise.

import { createHash } from 'node:crypto';
import { gradeAndFallback, type ExportFile } from './export-files.js';
import { NODE_MAJOR, type ExportInput } from './gradescope-export.js';

/** PrairieLearn's extra inputs. */
export interface PrairieLearnInput extends ExportInput {
  /** the grader image's name as PrairieLearn pulls it */
  image: string;
  /** the files a student writes (commands.sh first), each given an editor */
  studentFiles: string[];
  description?: string;
}

/** Seconds PrairieLearn gives a grading job (its maximum is 600). */
const TIMEOUT_S = 60;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A stable UUID for the question, from its title: exporting again gives the same question. */
function questionUuid(title: string): string {
  const h = createHash('sha256').update(`drydock question ${title}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16] as string, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const FALLBACK = '{"gradable":false,"score":0,"message":"The autograder could not grade this submission (drydock ended with status %s). Please tell your instructor.","format_errors":["drydock did not finish grading"]}\\n';

function runScript(): string {
  return `#!/usr/bin/env bash
# PrairieLearn's entrypoint for this question: grades /grade/student against the exercise on drydock's simulator
# and writes /grade/results/results.json, always, even when grading fails.
set -u
root="\${DRYDOCK_PLATFORM_ROOT:-}"
${gradeAndFallback('drydock autograde prairielearn "$root/grade/tests/exercise.yaml" "$root/grade/student" --results "$root/grade/results/results.json"', '$root/grade/results/results.json', FALLBACK, TIMEOUT_S - 10)}`;
}

function dockerfile(input: ExportInput): string {
  return `# The grader image for drydock questions: Node.js ${NODE_MAJOR} and drydock ${input.tarball.version}, nothing else (drydock's
# simulator grades without Docker). Build it, push it where your PrairieLearn pulls images from, and name it in
# each question's info.json (externalGradingOptions.image).
FROM node:${NODE_MAJOR}-bookworm-slim
COPY ${input.tarball.name} /tmp/${input.tarball.name}
RUN npm install --global --no-audit --no-fund /tmp/${input.tarball.name} && rm /tmp/${input.tarball.name} && drydock --version
`;
}

function questionHtml(input: PrairieLearnInput): string {
  const editors = input.studentFiles.map((f) => `<pl-file-editor file-name="${escapeHtml(f)}" ace-mode="ace/mode/${f.endsWith('.sh') ? 'sh' : 'dockerfile'}"></pl-file-editor>`);
  return `<pl-question-panel>
  <p><strong>${escapeHtml(input.title)}</strong></p>
${input.description ? `  <pre>${escapeHtml(input.description.trimEnd())}</pre>\n` : ''}  <p>Write your docker commands in <code>commands.sh</code>, one a line (<code>#</code> comments, <code>\\</code> continuations). They run on drydock's Docker simulator.</p>
</pl-question-panel>
${editors.join('\n')}
<pl-submission-panel>
  <pl-external-grader-results></pl-external-grader-results>
  <pl-file-preview></pl-file-preview>
</pl-submission-panel>
`;
}

/** The export's files: question/ (copy it into your course's questions/) and grader-image/. */
export function prairieLearnFiles(input: PrairieLearnInput): ExportFile[] {
  const info = {
    uuid: questionUuid(input.title),
    title: input.title,
    topic: 'Docker',
    tags: ['drydock'],
    type: 'v3',
    singleVariant: true,
    gradingMethod: 'External',
    externalGradingOptions: { enabled: true, image: input.image, entrypoint: '/grade/tests/run.sh', timeout: TIMEOUT_S },
  };
  return [
    { path: 'question/info.json', content: `${JSON.stringify(info, null, 2)}\n` },
    { path: 'question/question.html', content: questionHtml(input) },
    { path: 'question/tests/exercise.yaml', content: input.exerciseYaml },
    { path: 'question/tests/run.sh', content: runScript(), mode: 0o755 },
    { path: 'grader-image/Dockerfile', content: dockerfile(input) },
    { path: `grader-image/${input.tarball.name}`, content: input.tarball.bytes },
  ];
}
