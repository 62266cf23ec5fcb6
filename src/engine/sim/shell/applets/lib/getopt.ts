// Option parsing as busybox's getopt32 over glibc's getopt: bundled short flags, options anywhere among the
// operands (GNU permutation) unless told to stop at the first operand, `--` ends options, and glibc's error
// texts ("invalid option -- 'z'") followed by the applet's usage.

import { BUSYBOX_BANNER } from '../../busybox-applets.js';
import type { ProcessContext } from '../../process.js';
import { showUsage } from './usage.js';
import { errorMsg } from './common.js';

/** Which options an applet accepts. */
export interface OptSpec {
  /** letters of flags without an argument */
  flags?: string;
  /** letters of options with an argument */
  args?: string;
  /** long options → the key they are stored under, and whether they take an argument */
  long?: Record<string, { key: string; arg?: boolean }>;
  /** stop at the first operand (getopt's leading "+") */
  stopAtOperand?: boolean;
  /** exit status for usage errors (busybox: 1; grep: 2) */
  usageStatus?: number;
}

/** The options found, in order, and the operands. */
export class Opts {
  readonly list: [string, string | true][] = [];
  readonly operands: string[] = [];

  has(key: string): boolean {
    return this.list.some(([k]) => k === key);
  }

  count(key: string): number {
    return this.list.filter(([k]) => k === key).length;
  }

  /** The last value given for an option with an argument. */
  value(key: string): string | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const [k, v] = this.list[i] ?? ['', true];
      if (k === key && typeof v === 'string') return v;
    }
    return undefined;
  }

  values(key: string): string[] {
    return this.list.filter(([k, v]) => k === key && typeof v === 'string').map(([, v]) => v as string);
  }

  /** Which of several keys came last (for flags that override each other, like -1/-l). */
  last(...keys: string[]): string | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const k = this.list[i]?.[0];
      if (k !== undefined && keys.includes(k)) return k;
    }
    return undefined;
  }
}

/** Parses argv (argv[0] is the program); on a usage error prints it and returns the exit status. */
export function getopt(ctx: ProcessContext, applet: string, argv: string[], spec: OptSpec): Opts | number {
  const opts = new Opts();
  const prog = argv[0] ?? applet;
  const usageStatus = spec.usageStatus ?? 1;
  // busybox prints the usage for --help on stderr and exits 0
  const usage = argv[1] === '--help' ? ctx.programs.usage(applet) : undefined;
  if (usage !== undefined) {
    ctx.stderr(`${BUSYBOX_BANNER} multi-call binary.\n${usage}`);
    return 0;
  }
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      opts.operands.push(...argv.slice(i + 1));
      return opts;
    }
    if (a.startsWith('--') && !spec.long) {
      errorMsg(ctx, prog, `unrecognized option '${a}'`);
      return showUsage(ctx, applet, undefined, usageStatus);
    }
    if (a.startsWith('--') && spec.long) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq === -1 ? undefined : eq);
      const matches = Object.keys(spec.long).filter((n) => n.startsWith(name));
      const exact = spec.long[name] ? name : matches.length === 1 ? matches[0] : undefined;
      if (exact === undefined) {
        errorMsg(ctx, prog, `${matches.length > 1 ? 'option' : 'unrecognized option'} '${a}'${matches.length > 1 ? ' is ambiguous' : ''}`);
        return showUsage(ctx, applet, undefined, usageStatus);
      }
      const def = spec.long[exact] ?? { key: exact };
      if (def.arg) {
        const value = eq !== -1 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) {
          errorMsg(ctx, prog, `option '--${exact}' requires an argument`);
          return showUsage(ctx, applet, undefined, usageStatus);
        }
        opts.list.push([def.key, value]);
      } else opts.list.push([def.key, true]);
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] ?? '';
        if (spec.args?.includes(c)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (value === undefined) {
            errorMsg(ctx, prog, `option requires an argument -- '${c}'`);
            return showUsage(ctx, applet, undefined, usageStatus);
          }
          opts.list.push([c, value]);
          break;
        }
        if (!spec.flags?.includes(c)) {
          errorMsg(ctx, prog, `invalid option -- '${c}'`);
          return showUsage(ctx, applet, undefined, usageStatus);
        }
        opts.list.push([c, true]);
      }
      continue;
    }
    if (spec.stopAtOperand) {
      opts.operands.push(...argv.slice(i));
      return opts;
    }
    opts.operands.push(a);
  }
  return opts;
}
