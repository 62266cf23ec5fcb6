// What chmod, chown, chgrp and du share: walking a tree (-R) and changing owners by name or number.

import { FsError } from '../../../fs/vfs.js';
import { strerror } from '../../io.js';
import type { ProcessContext } from '../../process.js';
import { groupEntries, passwdEntries } from '../../users.js';
import type { Applet } from './common.js';
import { abs, chargeStep, errorMsg, missingError } from './common.js';
import { getopt } from './getopt.js';
import { showUsage } from './usage.js';

/** Visits a path and, with -R, everything below it (symlinks are not followed below the top). */
export function walk(ctx: ProcessContext, path: string, recursive: boolean, visit: (p: string) => void): void {
  chargeStep(ctx);
  visit(path);
  if (!recursive) return;
  const st = ctx.fs.lstat(abs(ctx, path));
  if (st?.kind !== 'dir') return;
  for (const name of ctx.fs.readdir(abs(ctx, path))) walk(ctx, path.endsWith('/') ? path + name : `${path}/${name}`, true, visit);
}

/** Thrown where a bad user, group or mode ends the applet with status 1 (its message already printed). */
export class Invalid {}

/** Runs an applet that may throw Invalid, turning it into status 1. */
export function withInvalid(fn: Applet): Applet {
  return (ctx, argv) => {
    try {
      return fn(ctx, argv);
    } catch (e) {
      if (e instanceof Invalid) return 1;
      throw e;
    }
  };
}

/** A user by number or by name in /etc/passwd. */
function lookupUser(ctx: ProcessContext, name: string): number | null {
  if (/^\d+$/.test(name)) return Number(name);
  return passwdEntries(ctx.fs).find((e) => e.name === name)?.uid ?? null;
}

/** A group by number or by name in /etc/group. */
function lookupGroup(ctx: ProcessContext, name: string): number | null {
  if (/^\d+$/.test(name)) return Number(name);
  return groupEntries(ctx.fs).find((e) => e.name === name)?.gid ?? null;
}

/** chown and chgrp: one implementation, the applet's name deciding what its operand names. */
export function chownLike(applet: 'chown' | 'chgrp'): Applet {
  return (ctx, argv) => {
    const o = getopt(ctx, applet, argv, { flags: 'RhcvfLHP' });
    if (typeof o === 'number') return o;
    const [spec, ...files] = o.operands;
    if (spec === undefined || files.length === 0) return showUsage(ctx, applet);
    let uid: number | null = -1;
    let gid: number | null = -1;
    if (applet === 'chgrp') {
      gid = lookupGroup(ctx, spec);
      if (gid === null) {
        errorMsg(ctx, 'chgrp', `unknown group ${spec}`);
        return 1;
      }
    } else {
      // "user", ":group", "user:group", "user:" (the user's login group); "." works like ":".
      const m = /^([^:.]*)(?:[:.](.*))?$/.exec(spec);
      const user = m?.[1] ?? '';
      const group = m?.[2];
      if (group === undefined) {
        uid = lookupUser(ctx, user);
        if (uid === null) {
          errorMsg(ctx, 'chown', `unknown user ${user}`);
          return 1;
        }
      } else if (user === '') {
        gid = lookupGroup(ctx, group);
        if (gid === null) {
          errorMsg(ctx, 'chown', `unknown group ${group}`);
          return 1;
        }
      } else {
        uid = lookupUser(ctx, user);
        const login = passwdEntries(ctx.fs).find((e) => e.uid === uid)?.gid;
        gid = group === '' ? (login ?? uid) : lookupGroup(ctx, group);
        if (uid === null || gid === null) {
          errorMsg(ctx, 'chown', `unknown user/group ${spec}`);
          return 1;
        }
      }
    }
    let status = 0;
    for (const file of files) {
      if (!ctx.fs.lstat(abs(ctx, file))) {
        if (!o.has('f')) errorMsg(ctx, applet, `${file}: ${missingError(ctx, file)}`);
        status = 1;
        continue;
      }
      walk(ctx, file, o.has('R'), (p) => {
        const st = ctx.fs.stat(abs(ctx, p)) ?? ctx.fs.lstat(abs(ctx, p));
        if (!st) return;
        try {
          ctx.fs.chown(abs(ctx, p), uid === -1 || uid === null ? st.uid : uid, gid === -1 || gid === null ? st.gid : gid);
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          if (!o.has('f')) errorMsg(ctx, applet, `${p}: ${strerror(e.code)}`);
          status = 1;
        }
      });
    }
    return status;
  };
}
