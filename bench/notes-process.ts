// `node --import tsx bench/notes-process.ts <tree> [runs]`: the notes' sequence of another tree's sources, timed in
// phases by this tree's harness, in a process of its own; prints them as notes-sequence.ts does (compare.ts reads the lines).

import { loadNotesSequence } from './notes-tree.js';
import { describeNotesPhases, timeNotesPhases } from './notes-phases.js';

const [tree, runs] = process.argv.slice(2);
if (!tree) throw new Error('usage: node --import tsx bench/notes-process.ts <tree> [runs]');
if (runs !== undefined && !/^\d+$/.test(runs)) throw new Error(`usage: node --import tsx bench/notes-process.ts <tree> [runs]: runs '${runs}' is not a whole number`);
const run = await loadNotesSequence(tree);
console.log(describeNotesPhases(timeNotesPhases(run, runs ? Number(runs) : undefined)));
