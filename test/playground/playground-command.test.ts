// `drydock playground build` from the command line: a folder of exercises becomes a site (start page, a page per
// exercise with the exercise as JSON, free play, the three assets); hidden checks reach the page only as their
// points; bad input is exit 2 with the file and position.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, writeFolder } from '../cli/helpers.js';

const EXERCISE = `name: make a volume
description: |
  Create the volume \`appdata\`:

  \`\`\`
  docker volume create appdata
  \`\`\`
exercise: { title: A volume }
steps:
  - submission: true
checks:
  - name: appdata exists
    volumes: { present: [appdata] }
    points: 2
  - name: zanzibar secret
    volumes: { present: [quetzalcoatl] }
    visibility: hidden
    hint: gribblefrotz
`;

describe('drydock playground build', function () {
  this.timeout(60_000);

  it('writes the start page, the exercise page, free play and the assets', async () => {
    const dir = writeFolder({ 'course/vol/exercise.yaml': EXERCISE, 'course/vol/submissions/ref/commands.sh': 'docker volume create appdata\n' });
    const r = await runCli(['playground', 'build', 'course', '--out', 'site'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /vol\/index\.html {2}A volume \(3 points\)/);
    for (const f of ['index.html', 'vol/index.html', 'free-play/index.html', 'assets/playground.js', 'assets/playground.css', 'assets/worker.js']) assert.ok(existsSync(join(dir, 'site', f)), f);
    const start = readFileSync(join(dir, 'site', 'index.html'), 'utf8');
    assert.match(start, /data-testid="exercise" data-slug="vol" href="vol\/index.html">A volume<\/a>/);
    assert.match(start, /data-testid="free-play"/);
    const page = readFileSync(join(dir, 'site', 'vol', 'index.html'), 'utf8');
    assert.match(page, /<pre><code class="run">docker volume create appdata<\/code><\/pre>/);
    assert.match(page, /appdata exists/);
    for (const secret of ['zanzibar', 'quetzalcoatl', 'gribblefrotz']) assert.doesNotMatch(page, new RegExp(secret), secret);
  });

  it('an exercise with a problem, or a path with none: exit 2, naming the file and position', async () => {
    const dir = writeFolder({ 'bad/exercise.yaml': 'name: x\nsteps:\n  - submission: true\nchecks:\n  - volumes: { present: [a] }\n    pionts: 2\n' });
    const bad = await runCli(['playground', 'build', 'bad', '--out', 'site'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\/exercise\.yaml:6:5: /);
    const none = await runCli(['playground', 'build', 'nowhere'], dir);
    assert.deepEqual([none.code, none.stderr], [2, 'drydock playground build: no exercise found at nowhere\n']);
    assert.equal(existsSync(resolve(dir, 'site')), false);
  });
});
