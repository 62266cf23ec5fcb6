// `docker cp` in both directions, step by step as the 20.10 client and daemon do it: docker's rules for "dir/.",
// existing and new destinations, symbolic links copied as links, read-only targets refused. The host side is the
// daemon's sandbox host, seen through the same Vfs as a container.

import type { TarEntryInput } from '../../../../tar/tar.js';
import { untarInto, UntarError } from '../../archive/untar.js';
import type { Daemon } from '../../daemon.js';
import { basename, dirname, resolvePath } from '../../fs/path.js';
import { FsError, type Vfs } from '../../fs/vfs.js';
import { goQuote } from '../../../../go/quote.js';
import { ensureMountPoints } from '../../container/create.js';
import { archiveView } from '../../container/tmpfs-mounts.js';
import { flagBool, Output, type CommandContext, type ParsedCommand } from '../command-io.js';
import { dockerTar, hostFs, latin1 } from './tar-output.js';

function splitContainerPath(arg: string): { container: string; path: string } | null {
  const i = arg.indexOf(':');
  if (i <= 0 || arg.startsWith('/') || arg.startsWith('.')) return null;
  return { container: arg.slice(0, i), path: arg.slice(i + 1) };
}

/** `docker cp SRC DEST` where exactly one side is CONTAINER:PATH, step by step as the 20.10 client does it. */
export function cp(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const [srcArg = '', dstArg = ''] = cmd.args;
  const src = splitContainerPath(srcArg);
  const dst = splitContainerPath(dstArg);
  // the client's own errors are printed bare; the API client's "not found" reads "Error: No such container:path"
  if (src && dst) return out.err('copying between containers is not supported\n', 1);
  if (!src && !dst) return out.err('must specify at least one container source\n', 1);
  const host = hostFs(daemon);
  const follow = flagBool(cmd, 'follow-link');
  try {
    if (src) return copyFromContainer(daemon, out, host, src, hostPath(ctx.cwd, dstArg), dstArg, follow);
    return copyToContainer(daemon, out, host, dst as ContainerPath, srcArg === '-' ? null : hostPath(ctx.cwd, srcArg), ctx, follow, flagBool(cmd, 'archive'));
  } catch (error) {
    if (error instanceof CopyError || error instanceof ExtractError) return out.err(`${error.message}\n`, 1);
    throw error;
  }
}

interface ContainerPath {
  container: string;
  path: string;
}

class CopyError extends Error {}

/** resolveLocalPath: absolute, keeping a trailing "/" or "/." the user typed (they assert a directory). */
function hostPath(cwd: string, typed: string): string {
  const abs = resolvePath(cwd, typed);
  if (/\/\.$/.test(typed) || typed === '.') return `${abs === '/' ? '' : abs}/.`;
  return typed.endsWith('/') && abs !== '/' ? `${abs}/` : abs;
}

function assertsDirectory(path: string): boolean {
  return path.endsWith('/') || /\/\.$/.test(path) || path === '.';
}

/** A container path: relative to the container's root (not its working directory), as docker cp reads it. */
function containerAbs(path: string): string {
  return resolvePath('/', path);
}

function notFound(side: ContainerPath, path: string): CopyError {
  return new CopyError(`Error: No such container:path: ${side.container}:${path}`);
}

function copyFromContainer(daemon: Daemon, out: Output, host: Vfs, side: ContainerPath, dst: string, dstArg: string, follow: boolean): Output {
  if (dstArg !== '-') {
    // command.ValidateOutputPath: the parent must exist, and the path itself must stat (or not exist)
    const dir = dirname(resolvePath('/', dst));
    const parent = host.stat(dir);
    if (!parent) throw new CopyError(`invalid output path: directory ${goQuote(dir)} does not exist`);
    const existing = host.stat(resolvePath('/', dst));
    if (parent.kind !== 'dir' || (existing && existing.kind !== 'dir' && assertsDirectory(dst))) throw new CopyError(`stat ${dst}: not a directory`);
  }
  const c = daemon.findContainer(side.container);
  if (c) ensureMountPoints(daemon, c);
  // what the daemon mounts for an archive request: the root, binds and volumes, not the --tmpfs mounts
  const cfs = c ? archiveView(c.fs, c.host.tmpfs, () => ({ uid: 0, gid: 0, now: daemon.clock.now() })) : null;
  let srcPath = side.path;
  if (c && follow) {
    const st = cfs!.lstat(containerAbs(srcPath));
    if (st?.kind === 'symlink') {
      const target = cfs!.readlink(containerAbs(srcPath));
      srcPath = target.startsWith('/') ? target : resolvePath(dirname(containerAbs(srcPath)), target);
    }
  }
  if (c && side.path === '') return out.daemon('bad parameter: pathcannot be empty');
  let from = containerAbs(srcPath);
  // container.ResolvePath resolves the directory part in the container's scope and appends the last element:
  // a path ending in / or /. has no last element, so a link to a directory is followed
  if (c && assertsDirectory(srcPath) && cfs!.lstat(from)?.kind === 'symlink' && cfs!.stat(from)) from = cfs!.realpath(from);
  if (!c || !cfs!.lstat(from)) throw notFound(side, srcPath);
  const name = basename(containerAbs(side.path)) || '.';
  if (dstArg === '-') return out.out(latin1(dockerTar(collect(cfs!, from, name, false))));
  const srcIsDir = cfs!.lstat(from)?.kind === 'dir';
  const contentsOnly = srcIsDir && /(^|\/)\.$/.test(side.path);
  placeCopy(cfs!, from, name, srcIsDir, contentsOnly, host, destinationInfo(host, dst), true);
  return out;
}

function copyToContainer(
  daemon: Daemon,
  out: Output,
  host: Vfs,
  side: ContainerPath,
  src: string | null,
  ctx: CommandContext,
  follow: boolean,
  keepOwner: boolean,
): Output {
  const c = daemon.findContainer(side.container);
  if (c) ensureMountPoints(daemon, c);
  // what the daemon mounts for an archive request: the root, binds and volumes, not the --tmpfs mounts
  const cfs = c ? archiveView(c.fs, c.host.tmpfs, () => ({ uid: 0, gid: 0, now: daemon.clock.now() })) : null;
  // ContainerStatPath; a symbolic link is followed once, relative to its directory
  let dstPath = containerAbs(side.path);
  let dstStat = c ? statTyped(cfs!, dstPath, side.path) : null;
  if (c && dstStat?.kind === 'symlink') {
    const target = cfs!.readlink(dstPath);
    dstPath = target.startsWith('/') ? resolvePath('/', target) : resolvePath(dirname(dstPath), target);
    dstStat = cfs!.lstat(dstPath);
  }
  const dstInfo = { path: assertsDirectory(side.path) ? `${dstPath === '/' ? '' : dstPath}/` : dstPath, exists: dstStat !== null, isDir: dstStat?.kind === 'dir' };
  try {
    if (src === null) {
      if (!dstInfo.isDir) throw new CopyError(`destination "${side.container}:${side.path}" must be a directory`);
      untarInto(cfs!, dstPath, ctx.stdin, { keepOwner });
      return out;
    }
    const clean = resolvePath('/', src);
    const srcStat = follow ? host.stat(clean) : host.lstat(clean);
    if (!srcStat) throw new CopyError(`lstat ${src.replace(/\/\.?$/, '') || '/'}: no such file or directory`);
    const srcIsDir = srcStat.kind === 'dir';
    const contentsOnly = srcIsDir && /(^|\/)\.$/.test(src);
    // PrepareArchiveCopy decides where the archive is extracted; the daemon then needs that directory
    const extractAt = dstInfo.exists && dstInfo.isDir ? dstPath : dirname(dstPath);
    checkCopyShape(srcIsDir, dstInfo);
    if (!c || !cfs!.stat(extractAt)) throw notFound(side, extractAt);
    if (cfs!.stat(extractAt)?.kind !== 'dir') return out.daemon('extraction point is not a directory');
    const name = basename(clean);
    placeCopy(host, clean, name, srcIsDir, contentsOnly, cfs!, dstInfo, keepOwner, follow);
  } catch (error) {
    if (error instanceof FsError && error.code === 'EROFS' && c) {
      return out.daemon(c.host.readonlyRootfs ? 'container rootfs is marked read-only' : 'mounted volume is marked read-only');
    }
    if (error instanceof ExtractError || error instanceof UntarError) return out.daemon(`Error processing tar file(exit status 1): ${error.message}`);
    throw error;
  }
  return out;
}

/** The daemon's stat of a container path: "dir/" of a non-directory is an error (no such path). */
function statTyped(fs: Vfs, abs: string, typed: string) {
  const st = fs.lstat(abs);
  if (st && assertsDirectory(typed) && fs.stat(abs)?.kind !== 'dir') return null;
  return st;
}

/** archive.CopyInfoDestinationPath on the host: symbolic links followed, a missing path needs its parent. */
function destinationInfo(host: Vfs, typed: string): { path: string; exists: boolean; isDir: boolean } {
  let path = resolvePath('/', typed);
  for (let i = 0; i < 10; i++) {
    const st = host.lstat(path);
    if (st?.kind !== 'symlink') break;
    const target = host.readlink(path);
    path = target.startsWith('/') ? resolvePath('/', target) : resolvePath(dirname(path), target);
  }
  const st = host.lstat(path);
  if (!st && !host.stat(dirname(path))) throw new CopyError(`stat ${dirname(path)}: no such file or directory`);
  return { path: assertsDirectory(typed) && !st ? `${path}/` : path, exists: st !== null, isDir: st?.kind === 'dir' };
}

/** PrepareArchiveCopy's refusals. */
function checkCopyShape(srcIsDir: boolean, dst: { path: string; exists: boolean; isDir: boolean }): void {
  if (dst.exists && !dst.isDir && srcIsDir) throw new CopyError('cannot copy directory');
  if (!dst.exists && !srcIsDir && assertsDirectory(dst.path)) throw new CopyError('no such directory');
}

class ExtractError extends Error {}

/** Copies `src` (named `name` in the archive) to the destination, with docker cp's rules for each case. */
function placeCopy(
  from: Vfs,
  src: string,
  name: string,
  srcIsDir: boolean,
  contentsOnly: boolean,
  to: Vfs,
  dst: { path: string; exists: boolean; isDir: boolean },
  keepOwner: boolean,
  follow = false,
): void {
  checkCopyShape(srcIsDir, dst);
  const dstPath = resolvePath('/', dst.path);
  if (dst.exists && dst.isDir) {
    if (contentsOnly) {
      for (const child of from.readdir(src)) copyTree(from, `${src === '/' ? '' : src}/${child}`, to, `${dstPath === '/' ? '' : dstPath}/${child}`, false, keepOwner);
      return;
    }
    const target = `${dstPath === '/' ? '' : dstPath}/${name}`;
    checkOverwrite(to, target, srcIsDir, dstPath);
    copyTree(from, src, to, target, follow, keepOwner);
    return;
  }
  // the archive is renamed to the destination's name and extracted in its parent (NoOverwriteDirNonDir)
  checkOverwrite(to, dstPath, srcIsDir, dirname(dstPath));
  copyTree(from, src, to, dstPath, follow, keepOwner);
}

function checkOverwrite(to: Vfs, target: string, srcIsDir: boolean, extractAt: string): void {
  const existing = to.lstat(target);
  if (!existing) return;
  if (srcIsDir && existing.kind !== 'dir') throw new ExtractError(`cannot overwrite non-directory ${goQuote(target)} with directory ${goQuote(extractAt)}`);
  if (!srcIsDir && existing.kind === 'dir') throw new ExtractError(`cannot overwrite directory ${goQuote(target)} with non-directory ${goQuote(extractAt)}`);
}

function copyTree(from: Vfs, src: string, to: Vfs, dst: string, follow: boolean, keepOwner: boolean): void {
  const st = (follow ? from.stat(src) : from.lstat(src)) as NonNullable<ReturnType<Vfs['lstat']>>;
  const owner = keepOwner ? { uid: st.uid, gid: st.gid } : null;
  if (st.kind === 'dir') {
    writeEntry(to, dst, null, null, true, st.mode, owner);
    for (const name of from.readdir(src)) copyTree(from, `${src === '/' ? '' : src}/${name}`, to, `${dst === '/' ? '' : dst}/${name}`, false, keepOwner);
  } else if (st.kind === 'symlink') {
    writeEntry(to, dst, null, from.readlink(src), false, st.mode, owner);
  } else {
    writeEntry(to, dst, from.readFile(src), null, false, st.mode, owner);
  }
}

function writeEntry(to: Vfs, path: string, data: Uint8Array | null, link: string | null, dir: boolean, mode: number, owner: { uid: number; gid: number } | null): void {
  const existing = to.lstat(path);
  if (dir) {
    if (!existing) to.mkdir(path, mode);
    else if (existing.kind !== 'dir') {
      to.unlink(path);
      to.mkdir(path, mode);
    }
  } else {
    if (existing && existing.kind !== 'dir' && (link !== null || existing.kind === 'symlink')) to.unlink(path);
    if (link !== null) to.symlink(link, path);
    else {
      to.writeFile(path, data ?? new Uint8Array(0), { mode });
      to.chmod(path, mode);
    }
  }
  if (owner && link === null) to.chown(path, owner.uid, owner.gid);
}

function collect(fs: Vfs, path: string, name: string, follow: boolean): TarEntryInput[] {
  const out: TarEntryInput[] = [];
  // a second name of an inode is a hard link to the first name written (moby's archive keeps them)
  const seen = new Map<number, string>();
  const walk = (p: string, rel: string, first: boolean) => {
    const st = (first && follow ? fs.stat(p) : fs.lstat(p)) as NonNullable<ReturnType<Vfs['lstat']>>;
    const meta = { mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime };
    const linked = st.ino === undefined ? undefined : seen.get(st.ino);
    if (st.ino !== undefined && linked === undefined) seen.set(st.ino, rel);
    if (linked !== undefined) out.push({ path: rel, type: 'hardlink', linkname: linked, ...meta });
    else if (st.kind === 'dir') {
      out.push({ path: rel, type: 'dir', ...meta });
      for (const child of fs.readdir(p)) walk(`${p === '/' ? '' : p}/${child}`, `${rel}/${child}`, false);
    } else if (st.kind === 'symlink') out.push({ path: rel, type: 'symlink', linkname: fs.readlink(p), ...meta });
    else out.push({ path: rel, type: 'file', data: fs.readFile(p), ...meta });
  };
  walk(path, name, true);
  return out;
}

