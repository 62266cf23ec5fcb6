// Moving files in and out: `docker cp` (both directions, docker's rules for "dir/.", existing and new
// destinations, symlinks copied as links, read-only targets refused), `docker export`, `docker save` and
// `docker load`. The host side is the daemon's sandbox host, seen through the same Vfs as a container.

import { readTar, writeTar, type TarEntryInput } from '../../archive/tar.js';
import type { Daemon } from '../../daemon.js';
import { MountedFs } from '../../fs/mounted-fs.js';
import { basename, dirname, resolvePath } from '../../fs/path.js';
import { FsError, type Vfs } from '../../fs/vfs.js';

import { sha256Hex } from '../../layer/digest.js';
import { Layer } from '../../layer/layer.js';
import { entriesFromTar, memberOf, tarFromEntries } from '../../layer/tar-layer.js';
import { imageConfigBlob, type Image } from '../../image/image.js';
import { familiarRef, lookupImage } from '../image-ref.js';
import { flagBool, flagString, Output, type CommandContext, type ParsedCommand } from '../command-io.js';

function hostFs(daemon: Daemon): MountedFs {
  return new MountedFs(daemon.host, false, () => ({ uid: 0, gid: 0, now: daemon.clock.now() }));
}

function splitContainerPath(arg: string): { container: string; path: string } | null {
  const i = arg.indexOf(':');
  if (i <= 0 || arg.startsWith('/') || arg.startsWith('.')) return null;
  return { container: arg.slice(0, i), path: arg.slice(i + 1) };
}

/** `docker cp SRC DEST` where exactly one side is CONTAINER:PATH. */
export function cp(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const [srcArg = '', dstArg = ''] = cmd.args;
  const src = splitContainerPath(srcArg);
  const dst = splitContainerPath(dstArg);
  if (src && dst) return out.local('copying between containers is not supported');
  if (!src && !dst) return out.local('must specify at least one container source');
  const side = (src ?? dst) as { container: string; path: string };
  const c = daemon.findContainer(side.container);
  if (!c) return out.local(`No such container:path: ${side.container}:${side.path}`);
  const host = hostFs(daemon);
  const follow = flagBool(cmd, 'follow-link');
  const keepOwner = flagBool(cmd, 'archive');
  try {
    if (src) {
      const from = resolvePath(c.config.WorkingDir || '/', src.path);
      if (!c.fs.lstat(from)) return out.local(`Could not find the file ${src.path} in container ${side.container}`);
      if (dstArg === '-') return out.out(latin1(writeTar(collect(c.fs, from, basename(from) || '.', follow))));
      copyBetween(c.fs, from, src.path, host, resolvePath(ctx.cwd, dstArg), dstArg, follow, true);
    } else {
      const to = resolvePath(c.config.WorkingDir || '/', (dst as { path: string }).path);
      if (srcArg === '-') {
        const dir = c.fs.stat(to);
        if (!dir || dir.kind !== 'dir') return out.local(`Could not find the file ${to} in container ${side.container}`);
        for (const [path, entry] of entriesFromTar(readTar(ctx.stdin))) {
          if (path === '/' || entry.kind === 'whiteout') continue;
          writeEntry(c.fs, `${to === '/' ? '' : to}${path}`, entry.kind === 'file' ? entry.data : null, entry.kind === 'symlink' ? entry.target : null, entry.kind === 'dir', entry.mode, keepOwner ? entry : null);
        }
        return out;
      }
      const from = resolvePath(ctx.cwd, srcArg);
      if (!host.lstat(from)) return out.local(`lstat ${from}: no such file or directory`);
      copyBetween(host, from, srcArg, c.fs, to, (dst as { path: string }).path, follow, keepOwner);
    }
  } catch (error) {
    if (error instanceof CopyError) return error.daemon ? out.daemon(error.message) : out.local(error.message);
    if (error instanceof FsError && error.code === 'EROFS') {
      return out.daemon(c.host.readonlyRootfs ? 'container rootfs is marked read-only' : 'mounted volume is marked read-only');
    }
    throw error;
  }
  return out;
}

class CopyError extends Error {
  constructor(
    message: string,
    readonly daemon = false,
  ) {
    super(message);
  }
}

/** docker cp's destination rules (see `docker cp --help`). */
function copyBetween(from: Vfs, src: string, srcTyped: string, to: Vfs, dst: string, dstTyped: string, follow: boolean, keepOwner: boolean): void {
  const srcStat = follow ? from.stat(src) : from.lstat(src);
  if (!srcStat) throw new CopyError(`Could not find the file ${srcTyped}`);
  const contentsOnly = /\/\.$/.test(srcTyped);
  const dstStat = to.stat(dst);
  if (srcStat.kind !== 'dir') {
    if (dstTyped.endsWith('/') && !dstStat) throw new CopyError(`destination directory ${dstTyped} must exist`);
    const target = dstStat?.kind === 'dir' ? `${dst === '/' ? '' : dst}/${basename(src)}` : dst;
    if (!to.stat(dirname(target))) throw new CopyError(`Could not find the file ${dirname(target)}`, true);
    copyTree(from, src, to, target, follow, keepOwner);
    return;
  }
  if (dstStat && dstStat.kind !== 'dir') throw new CopyError(`cannot copy a directory to a file: ${dstTyped}`);
  if (!dstStat) {
    if (!to.stat(dirname(dst))) throw new CopyError(`Could not find the file ${dirname(dst)}`, true);
    copyTree(from, src, to, dst, follow, keepOwner);
    return;
  }
  if (contentsOnly) {
    for (const name of from.readdir(src)) copyTree(from, `${src === '/' ? '' : src}/${name}`, to, `${dst === '/' ? '' : dst}/${name}`, false, keepOwner);
    return;
  }
  copyTree(from, src, to, `${dst === '/' ? '' : dst}/${basename(src)}`, follow, keepOwner);
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
  const walk = (p: string, rel: string, first: boolean) => {
    const st = (first && follow ? fs.stat(p) : fs.lstat(p)) as NonNullable<ReturnType<Vfs['lstat']>>;
    const meta = { mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime };
    if (st.kind === 'dir') {
      out.push({ path: rel, type: 'dir', ...meta });
      for (const child of fs.readdir(p)) walk(`${p === '/' ? '' : p}/${child}`, `${rel}/${child}`, false);
    } else if (st.kind === 'symlink') out.push({ path: rel, type: 'symlink', linkname: fs.readlink(p), ...meta });
    else out.push({ path: rel, type: 'file', data: fs.readFile(p), ...meta });
  };
  walk(path, name, true);
  return out;
}

/** Binary output travels as a latin-1 string (one char per byte) through CommandResult.stdout. */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

function writeOutput(daemon: Daemon, ctx: CommandContext, file: string | undefined, bytes: Uint8Array, out: Output): Output {
  if (!file) return out.out(latin1(bytes));
  const host = hostFs(daemon);
  try {
    host.writeFile(resolvePath(ctx.cwd, file), bytes);
  } catch (error) {
    if (error instanceof FsError) return out.local(`open ${resolvePath(ctx.cwd, file)}: no such file or directory`);
    throw error;
  }
  return out;
}

/** `docker export`: the container's filesystem as one tarball (volumes not included, as on a real engine). */
export function exportContainer(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const ref = cmd.args[0] ?? '';
  const c = daemon.findContainer(ref);
  if (!c) return out.daemon(`No such container: ${ref}`);
  const members: TarEntryInput[] = [];
  const walk = (dir: string) => {
    for (const name of c.rw.list(dir)) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const entry = c.rw.get(path);
      if (!entry) continue;
      members.push(memberOf(path.slice(1), entry));
      if (entry.kind === 'dir') walk(path);
    }
  };
  walk('/');

  return writeOutput(daemon, ctx, flagString(cmd, 'output'), writeTar(members), out);
}

/** `docker save`: images as a tarball in the docker-archive format (manifest.json, config, layer.tar). */
export function save(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const members: TarEntryInput[] = [];
  const manifest: { Config: string; RepoTags: string[] | null; Layers: string[] }[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  for (const name of cmd.args) {
    const image = lookupImage(daemon, name);
    if (!image) return out.daemon(`No such image: ${name}`);
    const configName = `${image.id.slice(7)}.json`;
    members.push({ path: configName, type: 'file', data: new TextEncoder().encode(JSON.stringify(imageConfigBlob(image))), mode: 0o644 });
    const layers: string[] = [];
    for (const layer of image.layer ? image.layer.chain() : []) {
      const dir = sha256Hex(layer.chainId);
      if (!members.some((m) => m.path === `${dir}/layer.tar`)) {
        members.push({ path: dir, type: 'dir', mode: 0o755 });
        members.push({ path: `${dir}/layer.tar`, type: 'file', data: writeTar(tarFromEntries(layer.entries)), mode: 0o644 });
      }
      layers.push(`${dir}/layer.tar`);
    }
    const r = familiarRef(name);
    const tags = 'ref' in r && daemon.images.byRef(r.ref)?.id === image.id ? [r.ref] : daemon.images.refsOf(image.id);
    manifest.push({ Config: configName, RepoTags: tags.length ? tags : null, Layers: layers });
    for (const t of tags) {
      const colon = t.lastIndexOf(':');
      (repositories[t.slice(0, colon)] ??= {})[t.slice(colon + 1)] = layers.length ? (layers[layers.length - 1] as string).split('/')[0] as string : '';
    }
  }
  members.push({ path: 'manifest.json', type: 'file', data: new TextEncoder().encode(JSON.stringify(manifest)), mode: 0o644 });
  members.push({ path: 'repositories', type: 'file', data: new TextEncoder().encode(JSON.stringify(repositories)), mode: 0o644 });
  return writeOutput(daemon, ctx, flagString(cmd, 'output'), writeTar(members), out);
}

/** `docker load`: reads what `docker save` wrote (stdin or -i FILE). */
export function load(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const file = flagString(cmd, 'input');
  let data = ctx.stdin;
  if (file) {
    const entry = daemon.host.get(resolvePath(ctx.cwd, file));
    if (!entry || entry.kind !== 'file') return out.local(`open ${resolvePath(ctx.cwd, file)}: no such file or directory`);
    data = entry.data;
  }
  if (data.length === 0) return out.err('requested load from stdin, but stdin is empty\n', 1);
  const files = new Map(readTar(data).filter((m) => m.type === 'file').map((m) => [m.path.replace(/^\.\//, ''), m.data]));
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) return out.daemon('drydock: this archive has no manifest.json (only docker save archives are simulated)');
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as { Config: string; RepoTags: string[] | null; Layers: string[] }[];
  for (const item of manifest) {
    const config = JSON.parse(new TextDecoder().decode(files.get(item.Config) ?? new Uint8Array())) as Record<string, unknown>;
    let layer: Layer | null = null;
    for (const l of item.Layers) layer = new Layer(layer, entriesFromTar(readTar(files.get(l) ?? new Uint8Array())));
    const history = ((config.history as { created: string; created_by?: string; comment?: string; empty_layer?: boolean }[]) ?? []).map((h) => ({
      created: Date.parse(h.created),
      createdBy: h.created_by ?? '',
      comment: h.comment ?? '',
      author: '',
      emptyLayer: h.empty_layer === true,
    }));
    const image: Image = {
      id: `sha256:${item.Config.replace(/\.json$/, '')}`,
      parent: '',
      comment: (config.comment as string) ?? '',
      created: Date.parse(config.created as string),
      container: (config.container as string) ?? '',
      containerConfig: (config.container_config as Image['containerConfig']) ?? (config.config as Image['config']),
      author: (config.author as string) ?? '',
      config: config.config as Image['config'],
      layer,
      history,
    };
    daemon.images.add(image);
    if (item.RepoTags?.length) for (const t of item.RepoTags) {
      daemon.images.tag(t, image.id, daemon.clock.now());
      out.out(`Loaded image: ${t}\n`);
    }
    else out.out(`Loaded image ID: ${image.id}\n`);
  }

  return out;
}
