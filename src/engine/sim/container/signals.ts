// The daemon's view of a signal given to `docker kill -s`: moby's signal.ParseSignal (a number, or a name from
// the Linux SignalMap with or without SIG, any case) and ValidSignalForPlatform, with their error texts.

const NAMES: Record<string, number> = {
  ABRT: 6, ALRM: 14, BUS: 7, CHLD: 17, CLD: 17, CONT: 18, FPE: 8, HUP: 1, ILL: 4, INT: 2, IO: 29, IOT: 6, KILL: 9,
  PIPE: 13, POLL: 29, PROF: 27, PWR: 30, QUIT: 3, SEGV: 11, STKFLT: 16, STOP: 19, SYS: 31, TERM: 15, TRAP: 5,
  TSTP: 20, TTIN: 21, TTOU: 22, UNUSED: 31, URG: 23, USR1: 10, USR2: 12, VTALRM: 26, WINCH: 28, XCPU: 24, XFSZ: 25,
  RTMIN: 34, RTMAX: 64,
};
for (let i = 1; i <= 15; i++) {
  NAMES[`RTMIN+${i}`] = 34 + i;
  NAMES[`RTMAX-${i}`] = 64 - i;
}
const VALID = new Set(Object.values(NAMES));

/** A parsed signal number, or the daemon's error text. */
export type ParsedSignal = { signal: number } | { error: string };

/** signal.ParseSignal, as the kill route calls it (an empty value means SIGKILL). */
export function parseDaemonSignal(raw: string): ParsedSignal {
  if (raw === '') return { signal: 9 };
  if (/^[+-]?\d+$/.test(raw)) {
    const n = Number(raw);
    return n === 0 ? { error: `Invalid signal: ${raw}` } : { signal: n };
  }
  const n = NAMES[raw.toUpperCase().replace(/^SIG/, '')];
  return n === undefined ? { error: `Invalid signal: ${raw}` } : { signal: n };
}

const NAME_OF = new Map<number, string>();
for (const [name, n] of Object.entries(NAMES)) if (!NAME_OF.has(n)) NAME_OF.set(n, name);

/** The signal's name without SIG (the first of its aliases), as `trap` keys it; undefined for an unknown number. */
export function signalName(signal: number): string | undefined {
  return NAME_OF.get(signal);
}

/** signal.ValidSignalForPlatform: a number the Linux map has. */
export function isLinuxSignal(signal: number): boolean {
  return VALID.has(signal);
}
