// Moving images and filesystems out and in as tarballs: `docker export`, `docker save` and `docker load`
// (`docker cp` is in cp.ts).

import { writeTar, type TarEntryInput } from '../../../../tar/tar.js';
import type { Daemon } from '../../daemon.js';
import { resolvePath } from '../../fs/path.js';
import { sha256Hex } from '../../layer/digest.js';
import { Layer } from '../../layer/layer.js';
import { memberOf, tarFromEntries } from '../../layer/tar-layer.js';
import { layerFromArchive } from '../../layer/unpack-layer.js';
import { readLoadArchive } from './load-archive.js';
import { imageConfigBlob, type Image } from '../../image/image.js';
import { familiarRef, lookupImage } from '../image-ref.js';
import { parseAnyReference } from '../../../../docker-cli/index.js';
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

  return writeOutput(daemon, ctx, flagString(cmd, 'output'), dockerTar(members), out);
}


/** `docker save`: images as a tarball in the docker-archive format (manifest.json, config, layer.tar). */
export function save(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const members: TarEntryInput[] = [];
  const manifest: { Config: string; RepoTags: string[] | null; Layers: string[] }[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  for (const name of cmd.args) {
    const image = lookupImage(daemon, name);
    if (!image) return out.daemon(saveMissing(name));
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

/**
 * What the daemon's image exporter says of a name it cannot find (moby image/tarexport parseNames): a tagged
 * or digested name is looked up in the reference store only ("reference does not exist"); a name alone, or an
 * ID, falls back to the image store's search ("No such image: x").
 */
function saveMissing(name: string): string {
  const parsed = parseAnyReference(name);
  const tagged = parsed.ok && parsed.ref.kind === 'named' && (parsed.ref.tag !== undefined || parsed.ref.digest !== undefined);
  return tagged ? 'reference does not exist' : `No such image: ${name}`;
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
    if (item.RepoTags?.length) for (const t of item.RepoTags) {
      daemon.images.tag(t, image.id, daemon.clock.now());
      out.out(`Loaded image: ${t}\n`);
    }
    else out.out(`Loaded image ID: ${image.id}\n`);
  }

  return out;
}
