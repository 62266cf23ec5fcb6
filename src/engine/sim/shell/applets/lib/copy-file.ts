// copy_file, busybox's copy of one operand (cp, and mv across filesystems): files, directories with -r/-a,
// symlinks kept under -R/-d/-a, attributes kept with -p/-a, and busybox's texts ("omitting directory 'X'",
// "can't stat 'X'", "can't create 'X': …", "recursion detected, omitting directory 'X'").

import { FsError } from '../../../fs/vfs.js';
import { readPath, strerror } from '../../io.js';
import type { ProcessContext } from '../../process.js';
import { abs, chargeStep, errorMsg, missingError, perrorMsg } from './common.js';
import { joinPath } from './paths.js';

/** What copyFile does. */
export interface CopyFlags {
  recursive: boolean;
  /** follow symlinks in sources (-L; the default without -R) */
  deref: boolean;
  /** keep mode, owner and mtime (-p, -a; mv) */
  preserve: boolean;
  force: boolean;
  noClobber: boolean;
  /** directories created by this copy, to detect copying a directory into itself */
  created: Set<string>;
}

function perror(ctx: ProcessContext, applet: string, msg: string, e: unknown): false {
  perrorMsg(ctx, applet, msg, e);
  return false;
}

/** Copies one source to one destination path; prints errors; returns false on failure. */
export function copyFile(ctx: ProcessContext, applet: string, src: string, dest: string, f: CopyFlags): boolean {
  chargeStep(ctx);
  const fs = ctx.fs;
  const sp = abs(ctx, src);
  const dp = abs(ctx, dest);
  let sst;
  let why: string | undefined;
  try {
    sst = f.deref ? fs.stat(sp) : fs.lstat(sp);
  } catch (e) {
    // stat(2) itself failed (ELOOP of a symlink loop): busybox reports it like a missing source
    if (!(e instanceof FsError)) throw e;
    why = strerror(e.code);
  }
  if (!sst) {
    why ??= missingError(ctx, src);
    // busybox's cp words ENOTDIR its own way
    errorMsg(ctx, applet, `can't stat '${src}': ${why === strerror('ENOTDIR') ? 'Path has non-directory component' : why}`);
    return false;
  }
  const dst = fs.lstat(dp);
  // busybox's copy_file stats the destination first: a folder it may not search stops it there
  if (!dst && missingError(ctx, dest) === strerror('EACCES')) {
    errorMsg(ctx, applet, `can't stat '${dest}': ${strerror('EACCES')}`);
    return false;
  }
  if (dst && sameFile(ctx, sp, dp)) {
    errorMsg(ctx, applet, `'${src}' and '${dest}' are the same file`);
    return false;
  }
  const umask = ctx.umask ?? 0o022;
  if (sst.kind === 'dir') {
    if (!f.recursive) {
      errorMsg(ctx, applet, `omitting directory '${src}'`);
      return false;
    }
    if (f.created.has(sp)) {
      errorMsg(ctx, applet, `recursion detected, omitting directory '${src}'`);
      return false;
    }
    const dstDir = fs.stat(dp);
    if (dstDir && dstDir.kind !== 'dir') {
      errorMsg(ctx, applet, `target '${dest}' is not a directory`);
      return false;
    }
    if (!dstDir) {
      try {
        fs.mkdir(dp, (sst.mode & ~umask) | 0o700);
      } catch (e) {
        return perror(ctx, applet, `can't create directory '${dest}'`, e);
      }
      f.created.add(dp);
    }
    let ok = true;
    for (const name of fs.readdir(sp)) {
      if (!copyFile(ctx, applet, joinPath(src, name), joinPath(dest, name), { ...f, deref: false })) ok = false;
    }
    try {
      if (!dstDir || f.preserve) fs.chmod(dp, f.preserve ? sst.mode : sst.mode & ~umask);
    } catch (e) {
      return perror(ctx, applet, `can't preserve permissions of '${dest}'`, e);
    }
    if (f.preserve) preserve(ctx, dp, sst.uid, sst.gid, sst.mtime);
    return ok;
  }
  if (dst && f.noClobber) return true;
  if (sst.kind === 'symlink') {
    try {
      if (dst) fs.unlink(dp);
      fs.symlink(sst.target ?? fs.readlink(sp), dp);
    } catch (e) {
      return perror(ctx, applet, `can't create symlink '${dest}'`, e);
    }
    return true;
  }
  let data: Uint8Array;
  try {
    data = readPath(ctx, src);
  } catch (e) {
    return perror(ctx, applet, `can't open '${src}'`, e);
  }
  const existing = fs.stat(dp);
  try {
    if (existing?.kind === 'dir' || dest.endsWith('/')) throw new FsError('EISDIR', dest);
    fs.writeFile(dp, data, { mode: sst.mode & ~umask & 0o777 });
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    if (!(f.force && existing && existing.kind !== 'dir')) return perror(ctx, applet, `can't create '${dest}'`, e);
    try {
      fs.unlink(dp);
      fs.writeFile(dp, data, { mode: sst.mode & ~umask & 0o777 });
    } catch (e2) {
      return perror(ctx, applet, `can't create '${dest}'`, e2);
    }
  }
  if (f.preserve) {
    try {
      fs.chmod(dp, sst.mode);
    } catch {
      // reported by a real cp only in rare cases (a read-only target already failed above)
    }
    preserve(ctx, dp, sst.uid, sst.gid, sst.mtime);
  }
  return true;
}

function preserve(ctx: ProcessContext, path: string, uid: number, gid: number, mtime: number): void {
  try {
    ctx.fs.utimes(path, mtime);
    if (ctx.uid === 0) ctx.fs.chown(path, uid, gid);
  } catch {
    // preserving is best effort, as in busybox (which prints a warning we do not model)
  }
}

function sameFile(ctx: ProcessContext, a: string, b: string): boolean {
  try {
    return ctx.fs.realpath(a) === ctx.fs.realpath(b);
  } catch {
    return false;
  }
}
