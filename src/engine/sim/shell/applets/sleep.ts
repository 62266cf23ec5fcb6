// busybox 1.35 sleep (FANCY and FLOAT): durations with s/m/h/d suffixes, on the virtual clock (the main process's
// sleep goes through its gate, so a container keeps running while it sleeps). Its parsing is busybox's own,
// checked against busybox 1.35: a first argument starting with "inf" sleeps for ever; an argument with a dot is
// read as strtod of its leading digits and dots times the suffix, by writing '1' over the last of those
// characters and parsing the rest with xatoul_sfx, so "1.5x" is refused as '1x', and a dot-argument with no
// leading digits writes that '1' one byte before the argument (into the applet's name when it comes right after
// it: "sleep1x.5: invalid number '1x.5'").

import type { Applet } from './lib/common.js';
import { sleepFor, FOREVER_MS } from './lib/sleep-for.js';
import { showUsage } from './lib/usage.js';
import { errorMsg } from './lib/common.js';

const ULONG_MAX = 2n ** 64n - 1n;
const SUFFIXES: Record<string, bigint> = { '': 1n, s: 1n, m: 60n, h: 3600n, d: 86400n };
/** what busybox caps a duration to: LONG_MAX seconds */
const LONG_MAX_SECONDS = 2 ** 63 - 1;

type Parsed = { seconds: number } | { error: string } | 'usage';

/** xatoul_sfx: decimal digits, then one suffix; the error busybox dies with otherwise. */
function xatoulSfx(s: string): { value: bigint } | { error: string } {
  const m = /^(\d+)(.*)$/.exec(s);
  const mult = m ? SUFFIXES[m[2] as string] : undefined;
  if (!m || mult === undefined || BigInt(m[1] as string) > ULONG_MAX) return { error: `invalid number '${s}'` };
  const value = BigInt(m[1] as string) * mult;
  if (value > ULONG_MAX) return { error: `number ${s} is not in 0..${ULONG_MAX} range` };
  return { value };
}

/** One argument's seconds, as sleep_main reads it. */
function parseArgument(arg: string): Parsed | { error: string; beforeArg: true } {
  if (!arg.includes('.')) {
    const r = xatoulSfx(arg);
    return 'error' in r ? r : { seconds: Number(r.value) };
  }
  const len = /^[0-9.]*/.exec(arg)?.[0].length ?? 0;
  const number = arg.slice(0, len);
  // strtod must take all of the digits and dots (one dot at most, a digit somewhere); nothing at all reads 0
  if (number !== '' && !/^(\d+\.?\d*|\.\d+)$/.test(number)) return 'usage';
  const rest = `1${arg.slice(len)}`;
  const r = xatoulSfx(rest);
  if ('error' in r) return len === 0 ? { error: r.error, beforeArg: true } : r;
  return { seconds: Number(number || '0') * Number(r.value) };
}

/** `sleep N[smhd]...` */
export const sleep: Applet = (ctx, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) return showUsage(ctx, 'sleep');
  // GNU sleep's "inf", "infinity" (busybox looks at the first argument's first three letters only)
  if ((args[0] as string).slice(0, 3).toLowerCase() === 'inf') {
    sleepFor(ctx, FOREVER_MS);
    return 0;
  }
  let seconds = 0;
  for (const [i, arg] of args.entries()) {
    const parsed = parseArgument(arg);
    if (parsed === 'usage') return showUsage(ctx, 'sleep');
    if ('error' in parsed) {
      // the '1' written before the first argument lands on the end of the applet's own name
      const name = 'beforeArg' in parsed && i === 0 ? `sleep1${arg}` : 'sleep';
      errorMsg(ctx, name, parsed.error);
      return 1;
    }
    seconds += parsed.seconds;
  }
  sleepFor(ctx, seconds >= 0 && seconds < LONG_MAX_SECONDS ? seconds * 1000 : FOREVER_MS);
  return 0;
};

/** `sleep --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const sleepUsage =
  "\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n";
