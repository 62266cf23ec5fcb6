// Image commands that change the store: commit, tag, rmi, import, image prune (build: build.ts) — with the client's
// reference checks first and the daemon's errors framed as the 20.10 client frames them.

import { parseDockerfile } from '../../builder/dockerfile/parser.js';
import { parseInstruction } from '../../builder/dockerfile/instructions.js';
import { DockerfileError } from '../../builder/dockerfile/dockerfile-error.js';
import { expandInstruction } from '../../builder/dockerfile/expand-instruction.js';
import { applyMetadata, nextWorkdir, StepError } from '../../builder/config-dispatch.js';
import type { Daemon } from '../../daemon.js';
import { resolvePath } from '../../fs/path.js';
import { cloneConfig, emptyConfig, type ContainerConfig } from '../../image/config.js';
import { importedImage } from '../../image/base-image.js';
import { ImageConflict, RepositoryConflict } from '../../image/image-store.js';
import { makeImage } from '../../image/image.js';
import { layerFromArchive } from '../../layer/unpack-layer.js';
import { Layer, MAX_LAYER_DEPTH } from '../../layer/layer.js';
import { committedDiff } from '../../layer/tar-layer.js';
import { familiarRef, lookupImage, tagRefusal } from '../image-ref.js';
import { flagBool, flagList, flagString, Output, type CommandContext, type ParsedCommand } from '../command-io.js';
import { followHostPath } from '../../fs/host-path.js';

const VALID_COMMIT_COMMANDS = ['cmd', 'entrypoint', 'healthcheck', 'env', 'expose', 'label', 'onbuild', 'user', 'volume', 'workdir'];

/** `docker commit`. */
export function commit(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const [ref = '', repo] = cmd.args;
  let tag: string | null = null;
  if (repo !== undefined) {
    const r = familiarRef(repo);
    if ('error' in r) return out.err(`${r.error}\n`);
    tag = r.ref;
  }
  const c = daemon.findContainer(ref);
  if (!c) return out.daemon(`No such container: ${ref}`);
  const config = cloneConfig(c.config);
  const bad = applyChanges(config, flagList(cmd, 'change'));
  if (bad !== null) return out.daemon(bad);
  // CommitImage reads the parent's config from the image store: an image rmi -f deleted under a stopped
  // container is gone from it (observed on 20.10)
  if (!daemon.images.get(c.imageId)) {
    const hex = c.imageId.replace(/^sha256:/, '');
    return out.daemon(`failed to get digest ${c.imageId}: open /var/lib/docker/image/overlay2/imagedb/content/sha256/${hex}: no such file or directory`);
  }
  const entries = committedDiff(c.rw.snapshot());
  if (entries.size > 0 && (c.layer?.depth ?? 0) >= MAX_LAYER_DEPTH) return out.daemon('max depth exceeded');
  const layer = entries.size > 0 ? new Layer(c.layer, entries) : c.layer;
  const parent = daemon.images.get(c.imageId);
  const created = daemon.clock.now();
  const image = daemon.images.add(
    makeImage({
      parent: c.imageId,
      comment: flagString(cmd, 'message') ?? '',
      created,
      container: c.id,
      containerConfig: cloneConfig(c.config),
      author: flagString(cmd, 'author') ?? '',
      config,
      layer,
      history: [
        ...(parent?.history ?? []),
        { created, createdBy: [c.path, ...c.args].join(' '), comment: flagString(cmd, 'message') ?? '', author: flagString(cmd, 'author') ?? '', emptyLayer: layer === c.layer },
      ],
    }),
  );
  if (tag) daemon.images.tag(tag, image.id, daemon.clock.now());
  return out.out(`${image.id}\n`);
}

/**
 * dockerfile.BuildFromConfig, shared by commit and import: the changes are parsed as one Dockerfile, every
 * keyword is checked against validCommitCommands, then each is dispatched onto `config` (STOPSIGNAL,
 * MAINTAINER, … refused; observed on 20.10). Returns the daemon's error text, or null.
 */
function applyChanges(config: ContainerConfig, changes: readonly string[]): string | null {
  const state = { shell: ['/bin/sh', '-c'], cmdSet: true, author: '' };
  try {
    const nodes = changes.length ? parseDockerfile(changes.join('\n')).nodes : [];
    for (const node of nodes) {
      const keyword = node.keyword.toLowerCase();
      if (!VALID_COMMIT_COMMANDS.includes(keyword)) return `${keyword} is not a valid change command`;
    }
    for (const node of nodes) {
      const instr = expandInstruction(parseInstruction(node), config.Env ?? []);
      if (instr.kind === 'WORKDIR') config.WorkingDir = nextWorkdir(config.WorkingDir, instr.path);
      else applyMetadata(config, instr, state);
    }
  } catch (error) {
    if (error instanceof DockerfileError || error instanceof StepError) return error.message;
    throw error;
  }
  return null;
}

/** `docker tag SOURCE TARGET`. */
export function tag(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const [source = '', target = ''] = cmd.args;
  const t = familiarRef(target);
  if ('error' in t) return out.err(`Error parsing reference: "${target}" is not a valid repository/tag: ${t.error}\n`);
  // the client refuses a digest reference itself; the daemon refuses a name it would read as an ID, after
  // it has found the image
  const refusal = tagRefusal(target);
  if (refusal !== null && target.includes('@')) return out.err(`${refusal}\n`);
  const image = lookupImage(daemon, source);
  if (!image) {
    const s = familiarRef(source);
    return out.daemon(`No such image: ${'ref' in s ? s.ref : source}`);
  }
  if (refusal !== null) return out.daemon(refusal);
  daemon.images.tag(t.ref, image.id, daemon.clock.now());
  return out;
}

/** `docker rmi` / `docker image rm`. */
export function rmi(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const force = flagBool(cmd, 'force');
  for (const name of cmd.args) {
    // the route refuses a blank name before any lookup; an empty one asks for /images/ and finds nothing
    if (name !== '' && name.trim() === '') {
      out.daemon('image name cannot be blank');
      continue;
    }
    const ref = familiarRef(name);
    const image = lookupImage(daemon, name);
    if (!image) {
      if ('error' in ref && !/^[0-9a-f]*$/.test(name)) out.daemon(ref.error);
      else out.err(`Error: No such image: ${name}\n`, force ? 0 : 1);
      if (!force) out.exitCode = 1;
      continue;
    }
    const byName = 'ref' in ref && daemon.images.byRef(ref.ref)?.id === image.id ? ref.ref : null;
    try {
      for (const record of daemon.images.remove(image, byName, force, !flagBool(cmd, 'no-prune'), daemon.imageUsers(), name)) {
        out.out('untagged' in record ? `Untagged: ${record.untagged}\n` : `Deleted: ${record.deleted}\n`);
      }
    } catch (error) {
      if (error instanceof ImageConflict || error instanceof RepositoryConflict) out.daemon(error.message);
      else throw error;
    }
  }
  return out;
}

/** `docker import FILE|- [REPOSITORY[:TAG]]`: a root filesystem tarball becomes a one-layer image. */
export function importImage(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const [source = '', repo] = cmd.args;
  let tagRef: string | null = null;
  if (repo !== undefined) {
    const r = familiarRef(repo);
    if ('error' in r) return out.err(`${r.error}\n`);
    tagRef = r.ref;
  }
  // the daemon applies the changes to an empty config before it reads the archive
  const config = emptyConfig();
  const bad = applyChanges(config, flagList(cmd, 'change'));
  if (bad !== null) return out.daemon(bad);
  let data: Uint8Array;
  if (source === '-') data = ctx.stdin;
  else if (/^https?:\/\//.test(source)) {
    return out.err(`drydock: docker import of a URL needs a network, which the simulator does not have; use --engine docker\n`, 1);
  } else {
    const entry = daemon.host.get(followHostPath(daemon.host, resolvePath(ctx.cwd, source)));
    // the client opens the file itself and prints os.Open's error as is (the path as typed, no "Error: ")
    if (!entry || entry.kind !== 'file') return out.err(`open ${source}: no such file or directory\n`);
    data = entry.data;
  }
  const unpacked = layerFromArchive(data);
  if ('error' in unpacked) return out.daemon(unpacked.error);
  const { entries } = unpacked;
  // the client uploads a file as the request body, so the daemon's source is `-` for a file as for stdin
  const comment = flagString(cmd, 'message') || 'Imported from -';
  const image = daemon.images.add(importedImage(new Layer(null, entries), daemon.clock.now(), comment, config));
  if (tagRef) daemon.images.tag(tagRef, image.id, daemon.clock.now());
  return out.out(`${image.id}\n`);
}

/** `docker image prune`: dangling images (all unused ones with -a) that no container uses. */
export function imagePrune(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const all = flagBool(cmd, 'all');
  const used = new Set([...daemon.containers.values()].map((c) => c.imageId));
  const deleted: string[] = [];
  let reclaimed = 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const image of daemon.images.all()) {
      const tagged = daemon.images.refsOf(image.id).length > 0;
      if (used.has(image.id) || daemon.images.children(image.id).length > 0 || (tagged && !all)) continue;
      for (const r of daemon.images.remove(image, null, true, false, daemon.imageUsers())) {
        if ('untagged' in r) deleted.push(`untagged: ${r.untagged}`);
        else deleted.push(`deleted: ${r.deleted}`);
      }
      reclaimed += image.layer?.size ?? 0;
      changed = true;
    }
  }
  if (deleted.length) out.out(`Deleted Images:\n${deleted.join('\n')}\n\n`);
  return out.out(`Total reclaimed space: ${reclaimed === 0 ? '0B' : `${reclaimed}B`}\n`);
}
