// Moving images and filesystems out and in as tarballs: `docker export` and `docker load` (`docker cp` is in
// cp.ts, `docker save` in save.ts).

import type { TarEntryInput } from '../../../../tar/tar.js';
import type { Daemon } from '../../daemon.js';
import { resolvePath } from '../../fs/path.js';
import { Layer } from '../../layer/layer.js';
import { HardLinks } from '../../layer/tar-layer.js';
import { layerFromArchive } from '../../layer/unpack-layer.js';
import { readLoadArchive } from './load-archive.js';
import type { Image } from '../../image/image.js';
import { flagString, Output, type CommandContext, type ParsedCommand } from '../command-io.js';
import { followHostPath } from '../../fs/host-path.js';
import { dockerTar, writeOutput } from './tar-output.js';

/** `docker export`: the container's filesystem as one tarball (volumes not included, as on a real engine). */
export function exportContainer(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const ref = cmd.args[0] ?? '';
  const c = daemon.findContainer(ref);
  if (!c) return out.daemon(`No such container: ${ref}`);
  const members: TarEntryInput[] = [];
  const links = new HardLinks();
  const walk = (dir: string) => {
    for (const name of c.rw.list(dir)) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const entry = c.rw.get(path);
      if (!entry) continue;
      members.push(links.member(path.slice(1), entry));
      if (entry.kind === 'dir') walk(path);
    }
  };
  walk('/');

  return writeOutput(daemon, ctx, flagString(cmd, 'output'), dockerTar(members), out);
}


/** `docker load`: reads what `docker save` wrote (stdin or -i FILE). */
export function load(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const file = flagString(cmd, 'input');
  let data = ctx.stdin;
  if (file) {
    const entry = daemon.host.get(followHostPath(daemon.host, resolvePath(ctx.cwd, file)));
    // the client's own os.Open error, printed bare and with the path as typed (cli/command/image)
    if (!entry || entry.kind !== 'file') return out.err(`open ${file}: no such file or directory\n`);
    data = entry.data;
  }
  // the client refuses a terminal on stdin; an empty one that is not a terminal reaches the daemon
  if (!file && ctx.stdinIsTerminal === true) return out.err('requested load from stdin, but stdin is empty\n', 1);
  const archive = readLoadArchive(data);
  // the daemon's errors come back in the progress stream, which the client prints bare
  if ('error' in archive) return out.err(`${archive.error}\n`, 1);
  const { files, manifest } = archive;
  const loaded: { image: Image; parent: string }[] = [];
  for (const item of manifest) {
    const config = item.config;
    let layer: Layer | null = null;
    for (const l of item.Layers) {
      const unpacked = layerFromArchive(files.get(l) ?? new Uint8Array());
      if ('error' in unpacked) return out.err(`${unpacked.error}\n`, 1);
      layer = new Layer(layer, unpacked.entries);
    }
    const history = (Array.isArray(config.history) ? (config.history as { created: string; created_by?: string; comment?: string; empty_layer?: boolean }[]) : []).map((h) => ({
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
    loaded.push({ image: daemon.images.get(image.id) ?? image, parent: item.Parent ?? '' });
    if (item.RepoTags?.length) for (const t of item.RepoTags) {
      const before = daemon.images.byRef(t);
      if (before && before.id !== image.id) out.out(`The image ${t} already exists, renaming the old one with ID ${before.id} to empty string\n`);
      daemon.images.tag(t, image.id, daemon.clock.now());
      out.out(`Loaded image: ${t}\n`);
    }
    else out.out(`Loaded image ID: ${image.id}\n`);
  }

  // after every image is in: a manifest's Parent is kept when that image came in the same archive and its
  // layers begin this one's (moby's validatedParentLinks, then setParentID)
  for (const { image, parent } of loaded) {
    const p = loaded.find((l) => l.image.id === parent && l.image.id !== image.id)?.image;
    if (p && isLayerPrefix(p, image)) image.parent = p.id;
  }
  return out;
}

// moby's checkValidParent: the parent's diff IDs are the first of the child's
function isLayerPrefix(parent: Image, child: Image): boolean {
  const ids = (i: Image) => (i.layer ? i.layer.chain().map((l) => l.diffId) : []);
  const p = ids(parent);
  const c = ids(child);
  return p.length <= c.length && p.every((d, i) => c[i] === d);
}
