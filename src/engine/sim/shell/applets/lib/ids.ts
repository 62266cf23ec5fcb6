// What id, whoami and groups share: users and groups by name or number.

import type { ProcessContext } from '../../process.js';
import { groupEntries, groupName, passwdEntries, userName } from '../../users.js';
import { getopt } from './getopt.js';
import { showUsage } from './usage.js';
import { errorMsg } from './common.js';

/** groups is id -Gn inside busybox, with its own applet name in the messages. */
export function idAs(ctx: ProcessContext, argv: string[], applet: string): number {
  const o = getopt(ctx, 'id', argv, { flags: 'ugGnrZ' });
  if (typeof o === 'number') return o;
  const picks = ['u', 'g', 'G'].filter((f) => o.has(f));
  if (picks.length > 1 || ((o.has('n') || o.has('r')) && picks.length === 0)) return showUsage(ctx, 'id');
  let uid = ctx.uid;
  let gid = ctx.gid;
  let groups = ctx.groups ?? [ctx.gid];
  const user = o.operands[0];
  if (user !== undefined) {
    const e = passwdEntries(ctx.fs).find((p) => p.name === user) ?? (/^\d+$/.test(user) ? undefined : undefined);
    if (!e) {
      errorMsg(ctx, applet, `unknown user ${user}`);
      return 1;
    }
    uid = e.uid;
    gid = e.gid;
    groups = [gid, ...groupEntries(ctx.fs).filter((g) => g.members.includes(user) && g.gid !== e.gid).map((g) => g.gid)];
  }
  const uname = userName(ctx.fs, uid);
  const gname = (g: number): string | undefined => groupName(ctx.fs, g);
  let status = 0;
  if (picks.length === 1) {
    const values = picks[0] === 'u' ? [uid] : picks[0] === 'g' ? [gid] : groups;
    if (o.has('n')) {
      const names: string[] = [];
      for (const v of values) {
        const n = picks[0] === 'u' ? userName(ctx.fs, v) : gname(v);
        if (n === undefined) status = 1;
        names.push(n ?? String(v));
        if (n === undefined) errorMsg(ctx, applet, `unknown ID ${v}`);
      }
      ctx.stdout(`${names.join(' ')}\n`);
      return status;
    } else ctx.stdout(`${values.join(' ')}\n`);
    return 0;
  }
  const fmt = (n: number, name: string | undefined): string => (name === undefined ? String(n) : `${n}(${name})`);
  let line = `uid=${fmt(uid, uname)} gid=${fmt(gid, gname(gid))}`;
  if (groups.length > 0) line += ` groups=${groups.map((g) => fmt(g, gname(g))).join(',')}`;
  ctx.stdout(`${line}\n`);
  return 0;
}
