// busybox uname: the simulated kernel (the host's in real Docker) and machine.

import { DEFAULT_KERNEL } from '../process.js';
import type { Applet } from './lib/common.js';
import { getopt } from './lib/getopt.js';

/** `uname [-amnrspvio]` */
export const uname: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'uname', argv, { flags: 'amnrspvio', long: { all: { key: 'a' } } });
  if (typeof o === 'number') return o;
  const fields: [string, string][] = [
    ['s', 'Linux'],
    ['n', ctx.hostname],
    ['r', ctx.kernel ?? DEFAULT_KERNEL],
    ['v', '#1 SMP PREEMPT_DYNAMIC @0'],
    ['m', 'x86_64'],
    ['p', 'unknown'],
    ['i', 'unknown'],
    ['o', 'GNU/Linux'],
  ];
  const all = o.has('a');
  let chosen = fields.filter(([k]) => (all ? k !== 'p' && k !== 'i' : o.has(k)));
  if (chosen.length === 0) chosen = [fields[0] ?? ['s', 'Linux']];
  ctx.stdout(`${chosen.map(([, v]) => v).join(' ')}\n`);
  return 0;
};

/** `uname --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const unameUsage =
  "\nUsage: uname [-amnrspvio]\n\nPrint system information\n\n\t-a\tPrint all\n\t-m\tMachine (hardware) type\n\t-n\tHostname\n\t-r\tKernel release\n\t-s\tKernel name (default)\n\t-p\tProcessor type\n\t-v\tKernel version\n\t-i\tHardware platform\n\t-o\tOS name\n";
