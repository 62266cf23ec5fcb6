// Differential property test of the simulated busybox's POSIX regular expressions against the real busybox
// (busybox-static, whose sed runs glibc's regcomp/regexec): random small EREs and BREs (posix-random.ts) with
// alternatives whose leftmost-longest choice differs from JavaScript's first, bounded and unbounded repetitions
// of groups, and back-references, each run by `sed` over six random subjects on both sides, so the match,
// where it is, every capture and every error must be the same. Skipped, saying why, without /bin/busybox.
// Kinds of pattern where glibc's captures follow rules the simulator does not copy (a repeated group that
// can match nothing, anchors inside groups) are counted, not required: docs/security-limits.md lists them.
// Budget: about 40 s on a loaded 2-core machine (one busybox process per pattern, 700 patterns).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runArgv } from '../engine/sim/shell/helpers.js';
import { BUSYBOX, describeDifference, real, simulated, trials, type PatternKinds, type Trial } from './posix-random.js';

interface Outcome {
  compared: number;
  stopped: number;
  differences: string[];
}

function compare(list: Trial[]): Outcome {
  const out: Outcome = { compared: 0, stopped: 0, differences: [] };
  for (const trial of list) {
    const got = simulated(trial);
    if (got === undefined) {
      out.stopped++;
      continue;
    }
    const want = real(trial);
    out.compared++;
    if (want !== got) out.differences.push(describeDifference(trial, want, got));
  }
  return out;
}

describe('POSIX regular expressions against the real busybox (glibc regexec), differentially', function () {
  this.timeout(300_000);
  const seed = Number(process.env.DRYDOCK_SEED ?? 1);

  before(function () {
    if (!existsSync(BUSYBOX)) {
      console.log(`      (skipped: ${BUSYBOX} not found; install busybox-static to compare with glibc's regexec)`);
      this.skip();
    }
  });

  const required: [string, PatternKinds, number][] = [
    ['without back-references: leftmost-longest matches, {m,n} copies, captures of repeated groups', { refs: false, anchors: false, emptyLoops: false }, 300],
    ['with back-references (and glibc\'s "Invalid back reference" for a group not closed before)', { refs: true, anchors: false, emptyLoops: false }, 200],
  ];
  for (const [what, kinds, count] of required) {
    it(`${count} random EREs and BREs ${what}: the same output as busybox's sed`, () => {
      const s = kinds.refs ? seed + 1000 : seed;
      const r = compare(trials(s, count, kinds));
      assert.ok(r.compared >= count * 0.9, `only ${r.compared} of ${count} compared (${r.stopped} ran past the step budget)`);
      assert.deepEqual(r.differences, [], `${r.differences.length} of ${r.compared} differ (DRYDOCK_SEED=${seed}):\n${r.differences.slice(0, 8).join('\n')}`);
    });
  }

  it('repeated groups that can match nothing, anchors inside groups: most agree (the rest are documented)', () => {
    const r = compare(trials(seed + 2000, 200, { refs: false, anchors: true, emptyLoops: true }));
    console.log(`      ${r.differences.length} of ${r.compared} differ from glibc${r.differences.length > 0 ? `, e.g.\n      ${r.differences[0]?.replaceAll('\n', '\n      ')}` : ''}`);
    assert.ok(r.differences.length <= r.compared * 0.15, `${r.differences.length} of ${r.compared} differ:\n${r.differences.slice(0, 8).join('\n')}`);
  });

  it('refuses what glibc refuses, with its text: references to groups not closed before, unmatched parentheses', () => {
    const cases = [
      ['sed', '-E', 's/(a)|\\1/x/'],
      ['sed', 's/\\(a\\)\\|b\\1/x/'],
      ['sed', '-E', 's/(a\\1)/x/'],
      ['sed', '-E', 's/a\\1/x/'],
      ['sed', '-E', 's/((a)|b\\2)/x/'],
      ['sed', '-E', 's/(a)(b|\\1)/x/'],
      ['sed', 's/a\\)/x/'],
      ['sed', '-E', 's/((a)/x/'],
      ['sed', '-E', 's/a)/x/'],
      ['expr', 'a', ':', '\\(a\\)\\|\\1'],
      ['expr', 'a', ':', '\\('],
      ['find', '/tmp', '-regex', '\\(a\\)\\|\\1'],
      ['grep', '-E', '(a)|\\1'],
    ];
    for (const argv of cases) {
      const r = spawnSync(BUSYBOX, argv, { input: 'a)\n' });
      const sim = runArgv(['/bin/busybox', ...argv], { stdin: 'a)\n' });
      assert.deepEqual({ out: sim.stdout + sim.stderr, status: sim.status }, { out: r.stdout.toString() + r.stderr.toString(), status: r.status }, argv.join(' '));
    }
  });
});
