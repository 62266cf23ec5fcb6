// `npm run bench`: the speed and memory targets of the simulator, measured, printed, never asserted in tests.
// Run with node --expose-gc for the heap figures (the npm script does).

import { benchDeepImage } from './sim-deep-image.js';
import { benchNotesSequence } from './notes-sequence.js';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

// `compare <git-ref> [rounds] [benches…]`: another commit's in-process figures beside this tree's, interleaved
if (only[0] === 'compare') {
  await (await import('./compare.js')).benchCompare(only[1], only[2] ? Number(only[2]) : undefined, only.slice(3));
  process.exit(0);
}

if (want('notes')) await benchNotesSequence();
if (want('layers')) benchDeepImage();
// The scenario benchmark measures the built CLI as a process: `npm run build` first for the dist figures.
if (want('scenarios')) await import('./scenarios.js');
if (want('grading')) await (await import('./grading.js')).benchGrading();
if (want('validate')) (await import('./validate-many.js')).benchValidateMany();
if (want('real')) await (await import('./real-engine.js')).benchRealEngine();
// drydock as a process beside /usr/bin/docker (the built bundle; `npm run build` first)
if (want('cli')) (await import('./cli.js')).benchCli();
// the browser playground in Debian's chromium (issue 16's targets)
if (want('playground')) await (await import('./playground.js')).benchPlayground();
