// busybox hostname: the container's name; -d, -f and -i look it up as gethostbyname does (the container's
// /etc/hosts: the simulator has no DNS, so a name not there fails as a lookup with no reachable server does).

import { readPath, toText } from '../io.js';
import type { Applet } from './lib/common.js';
import { getopt } from './lib/getopt.js';

/** `hostname [-sidf] [NAME]`: setting the name needs CAP_SYS_ADMIN, which a container lacks. */
export const hostname: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'hostname', argv, { flags: 'sidfv', args: 'F' });
  if (typeof o === 'number') return o;
  // busybox's order: a lookup (-d, -f, -i), then -s, then setting the name
  if (o.has('d') || o.has('f') || o.has('i')) {
    const found = lookupHost(ctx, ctx.hostname);
    if (!found) {
      ctx.stderr(`hostname: ${ctx.hostname}: Host name lookup failure\n`);
      return 1;
    }
    const dot = found.name.indexOf('.');
    if (o.has('f')) ctx.stdout(`${found.name}\n`);
    else if (o.has('s')) ctx.stdout(`${dot < 0 ? found.name : found.name.slice(0, dot)}\n`);
    else if (o.has('d')) {
      if (dot >= 0) ctx.stdout(`${found.name.slice(dot + 1)}\n`);
    } else ctx.stdout(`${found.address}\n`);
    return 0;
  }
  if (o.has('s')) {
    ctx.stdout(`${ctx.hostname.split('.')[0] ?? ''}\n`);
    return 0;
  }
  if (o.operands.length > 0 || o.has('F')) {
    ctx.stderr('hostname: sethostname: Operation not permitted\n');
    return 1;
  }
  ctx.stdout(`${ctx.hostname}\n`);
  return 0;
};

// gethostbyname over /etc/hosts: the first line with an IPv4 address that names `name` (canonical name or
// alias, any case); its canonical name is the line's first name
function lookupHost(ctx: Parameters<Applet>[0], name: string): { name: string; address: string } | null {
  let text: string;
  try {
    text = toText(readPath(ctx, '/etc/hosts'));
  } catch {
    return null;
  }
  for (const raw of text.split('\n')) {
    const [address, ...names] = (raw.split('#')[0] ?? '').trim().split(/\s+/);
    if (!address || names.length === 0 || !/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) continue;
    if (names.some((n) => n.toLowerCase() === name.toLowerCase())) return { name: names[0] ?? name, address };
  }
  return null;
}

/** `hostname --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const hostnameUsage =
  "\nUsage: hostname [-sidf] [HOSTNAME | -F FILE]\n\nShow or set hostname or DNS domain name\n\n\t-s\tShort\n\t-i\tAddresses for the hostname\n\t-d\tDNS domain name\n\t-f\tFully qualified domain name\n\t-F FILE\tUse FILE's content as hostname\n";
