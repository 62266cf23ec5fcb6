// The demo exercise under test/grading/fixtures/demo (alice: full marks, bob: partial, carol.sh: broken), and
// a fresh output folder to grade it into; an exercise with hidden and after_due_date checks, written inline.

import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo fixture folder. */
export const DEMO = fileURLToPath(new URL('./fixtures/demo', import.meta.url));

/** A copy of the demo folder (so a test may change a submission), with an empty `out/`. */
export function demoCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-grade-'));
  cpSync(DEMO, dir, { recursive: true });
  return dir;
}

/** Words that only the withheld checks of `secretsExercise()` (and the step one of them reads) hold. */
export const SECRETS = { hiddenTitle: 'zanzibar', hiddenExpected: 'quetzalcoatl', hiddenHint: 'gribblefrotz', probe: 'xyzzy-probe', laterTitle: 'marmalade', laterHint: 'pumpernickel' };

/**
 * A folder with an exercise whose checks are visible, hidden (one of them reads the exercise step `probe`) and
 * after_due_date, and two submissions: `right` passes everything, `wrong` only the visible check.
 */
export function secretsExercise(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-secrets-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const s = SECRETS;
  write(
    'exercise.yaml',
    `name: secrets
exercise:
  title: Labels
  timeLimit: 10s
files:
  motd.txt: "welcome\\n"
steps:
  - submission: true
  - name: probe
    docker: run --rm demo/app cat /${s.probe}
checks:
  - name: the image demo/app exists
    images: { present: [demo/app] }
    hint: build it with docker build -t demo/app .
  - name: ${s.hiddenTitle} label on the image
    inspect: { image: demo/app, path: Config.Labels.flavour, equals: ${s.hiddenExpected} }
    points: 2
    visibility: hidden
    hint: ${s.hiddenHint}
  - name: the probe file holds the label
    inspect: { image: demo/app, path: Config.Labels.flavour, equals: "\${{ steps.probe.stdout }}" }
    visibility: hidden
  - name: ${s.laterTitle} file in the image
    file: { image: demo/app, path: /motd.txt, exists: true }
    visibility: after_due_date
    hint: ${s.laterHint}
`,
  );
  write('submissions/right/commands.sh', 'docker build -t demo/app .\n');
  write('submissions/right/Dockerfile', `FROM drydock/busybox:1.35\nLABEL flavour=${s.hiddenExpected}\nCOPY motd.txt /motd.txt\nCOPY probe /${s.probe}\n`);
  write('submissions/right/probe', `${s.hiddenExpected}\n`);
  write('submissions/right/motd.txt', 'hi\n');
  write('submissions/wrong/commands.sh', 'docker build -t demo/app .\n');
  write('submissions/wrong/Dockerfile', 'FROM drydock/busybox:1.35\n');
  return dir;
}
