// The fidelity test: every transcript of docker-reference.md that can be replayed offline is run on the
// simulator and its stdout, stderr and exit code compared with the real engine's, after normalising IDs,
// times, names, host paths and table widths. Cases in known-mismatches.json are pending (with the reason);
// everything else must match. Transcripts that cannot run offline are pending with the reason in the title.

import assert from 'node:assert/strict';
import { KNOWN_MISMATCHES_PATH, loadKnownMismatches } from './known-mismatches.js';
import { firstDifference } from './mismatch-areas.js';
import { loadReference, referencePath } from './reference-transcripts.js';
import { pendingText, planStates, StateRunner, type CaseResult } from './replay-run.js';
import { textDiff } from './text-diff.js';

const ref = loadReference();

describe('fidelity: docker-reference.md replayed on the simulator', function () {
  if (!ref) {
    it.skip(`docker-reference.md not found at ${referencePath()} (set DRYDOCK_SHARED to the folder holding it)`);
    return;
  }
  const known = loadKnownMismatches();
  const stale: string[] = [];
  const strict = process.env.DRYDOCK_FIDELITY_STRICT === '1';

  for (const state of planStates(ref)) {
    describe(state.name, function () {
      const runner = new StateRunner(ref, state);
      before(async () => runner.start());
      for (const c of state.cases) {
        if (c.plan.kind === 'skip') {
          it.skip(`${c.key} — not replayable: ${pendingText(c.plan.reason)}`);
          continue;
        }
        const reason = known.get(c.key);
        it(reason ? `${c.key} — known mismatch: ${reason}` : c.key, async function () {
          const r = await runner.run(c);
          if (r.status === 'pending') {
            this.test!.title += ` — pending: ${pendingText(r.pending!)}`;
            this.skip();
          }
          if (r.status === 'mismatch') {
            if (reason) this.skip();
            assert.fail(describeMismatch(r));
          }
          if (reason) {
            stale.push(c.key);
            if (strict) assert.fail(`${c.key} now matches: remove it from ${KNOWN_MISMATCHES_PATH}`);
          }
        });
      }
    });
  }

  after(function () {
    if (stale.length > 0) {
      console.log(`\n${stale.length} case(s) of known-mismatches.json now match; regenerate it (npx tsx test/fidelity/write-report.ts --update-known):`);
      for (const key of stale) console.log(`  ${key}`);
    }
  });
});

/** The failure message: what ran and the normalised difference. */
function describeMismatch(r: CaseResult): string {
  const lines = [`${firstDifference(r)}`, `ran: ${r.ran ?? '(not run)'}`];
  if (r.expected && r.actual) {
    lines.push(textDiff(r.expected.stdout, r.actual.stdout, 'stdout'), textDiff(r.expected.stderr, r.actual.stderr, 'stderr'));
    if (r.expected.exitCode !== null && r.expected.exitCode !== r.actual.exitCode) {
      lines.push(`exit code: expected ${r.expected.exitCode}, got ${r.actual.exitCode}`);
    }
  }
  return lines.filter(Boolean).join('\n');
}
