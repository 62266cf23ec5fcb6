// busybox hostname: the container's name (-s short, -i/-d/-f as a container answers them).

import type { Applet } from './lib/common.js';
import { getopt } from './lib/getopt.js';

/** `hostname [-s] [NAME]`: setting the name needs CAP_SYS_ADMIN, which a container lacks. */
export const hostname: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'hostname', argv, { flags: 'sidfv', args: 'F' });
  if (typeof o === 'number') return o;
  if (o.operands.length > 0 || o.has('F')) {
    ctx.stderr('hostname: sethostname: Operation not permitted\n');
    return 1;
  }
  const name = o.has('s') ? (ctx.hostname.split('.')[0] ?? '') : ctx.hostname;
  ctx.stdout(`${name}\n`);
  return 0;
};

/** `hostname --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const hostnameUsage =
  "\nUsage: hostname [-sidf] [HOSTNAME | -F FILE]\n\nShow or set hostname or DNS domain name\n\n\t-s\tShort\n\t-i\tAddresses for the hostname\n\t-d\tDNS domain name\n\t-f\tFully qualified domain name\n\t-F FILE\tUse FILE's content as hostname\n";
