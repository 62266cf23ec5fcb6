// The notes' sequence timed run by run in one fresh process, in three phases. A short process sees V8 optimise
// the engine's code while it runs: the first run pays for compiling everything, runs 2–250 pay for tiering up
// (when the optimising compiler finishes moves by hundreds of runs from process to process), and only after about
// a thousand runs is the figure steady. A single "median of 200 after 50" mixes the last two and moved by 1.5×
// between processes of the same code, so each phase is its own figure.

/** Wall milliseconds of the three phases of `runs` sequences (at least 1,000). */
export interface NotesPhases {
  /** the first run: module code compiled, nothing optimised */
  first: number;
  /** median of runs 2–250: the optimising compilers at work */
  warming: number;
  /** median of the second half of the runs: the optimised code */
  steady: number;
  runs: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

export function timeNotesPhases(run: () => void, runs = 2000): NotesPhases {
  if (!Number.isInteger(runs) || runs < 1000) throw new Error(`notes phases: runs must be a whole number of at least 1,000 (the steady phase is the second half), not ${runs}`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return { first: times[0] as number, warming: median(times.slice(1, 250)), steady: median(times.slice(Math.floor(runs / 2))), runs };
}

/** The line `compare` and people read; the steady figure first, as "simulator in process". */
export function describeNotesPhases(p: NotesPhases): string {
  return (
    `notes sequence (dc01/dc02/dc03), simulator in process: ${p.steady.toFixed(2)} ms (median of runs ${Math.floor(p.runs / 2) + 1}–${p.runs} in one process)\n` +
    `  warming up in that process: first run ${p.first.toFixed(1)} ms, median of runs 2–250 ${p.warming.toFixed(2)} ms`
  );
}
