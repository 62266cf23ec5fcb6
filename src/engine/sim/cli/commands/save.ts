// `docker save`: images as the docker-archive tarball moby's image/tarexport writes. The daemon builds the
// archive in a temporary directory and tars it, so members come in directory-walk order (names sorted per
// folder) with the times it set: each layer folder (VERSION, json, layer.tar) and each config carry the image's
// creation time, manifest.json and repositories the epoch. A layer folder is named by its legacy v1 ID, which
// differs per image for the top layer; a layer already written under another folder becomes a symlink.

import { writeTar, type TarEntryInput } from '../../../../tar/tar.js';
import type { Daemon } from '../../daemon.js';
import { imageConfigBlob, type Image } from '../../image/image.js';
import { sha256Hex } from '../../layer/digest.js';
import { tarFromEntries } from '../../layer/tar-layer.js';
import { familiarName, parseAnyReference, parseNormalizedNamed } from '../../../../docker-cli/index.js';
import { familiarRef, lookupImage } from '../image-ref.js';
import { flagString, Output, type CommandContext, type ParsedCommand } from '../command-io.js';
import { writeOutput } from './tar-output.js';

interface Described {
  image: Image;
  /** familiar "name:tag" references named on the command line, in the order given */
  refs: string[];
}

/** `docker save [-o FILE] IMAGE…` */
export function save(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const chosen = new Map<string, Described>();
  const add = (image: Image, ref: string | null) => {
    const d = chosen.get(image.id) ?? { image, refs: [] };
    chosen.set(image.id, d);
    if (ref !== null && !d.refs.includes(ref)) d.refs.push(ref);
  };
  for (const name of cmd.args) {
    // an ID (full, `sha256:…`, or a name that is the digest algorithm) saves the image without a tag
    const any = parseAnyReference(name);
    const byId = any.ok && (any.ref.kind === 'digest' || familiarName(any.ref) === 'sha256');
    const named = parseNormalizedNamed(name);
    const nameOnly = !byId && named.ok && named.ref.tag === undefined && named.ref.digest === undefined;
    const tagged = !byId && named.ok && named.ref.tag !== undefined && named.ref.digest === undefined;
    if (nameOnly) {
      // every tag of the repository (the reference store's ReferencesByName), else an ID prefix
      const repo = familiarName(named.ref);
      const refs = allRefs(daemon).filter((r) => r.name === repo);
      for (const r of refs) add(daemon.images.byRef(r.ref)!, r.ref);
      if (refs.length > 0) continue;
    }
    const image = lookupImage(daemon, name);
    if (!image) return out.daemon(saveMissing(name));
    const r = familiarRef(name);
    add(image, tagged && 'ref' in r ? r.ref : null);
  }

  const members: TarEntryInput[] = [];
  const manifest: Record<string, unknown>[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  const layerPaths = new Map<string, string>();
  const written = new Set<string>();
  for (const { image, refs } of chosen.values()) {
    const created = image.created;
    const chain = image.layer ? image.layer.chain() : [];
    const folders: string[] = [];
    let parent = '';
    chain.forEach((layer, i) => {
      const top = i === chain.length - 1;
      const v1 = legacyImage(image, top, parent, layer.chainId);
      if (!written.has(v1.id)) {
        written.add(v1.id);
        members.push({ path: v1.id, type: 'dir', mode: 0o755, mtime: created });
        members.push({ path: `${v1.id}/VERSION`, type: 'file', data: text('1.0'), mode: 0o644, mtime: created });
        members.push({ path: `${v1.id}/json`, type: 'file', data: text(JSON.stringify(v1.json)), mode: 0o644, mtime: created });
        const seen = layerPaths.get(layer.diffId);
        if (seen) {
          members.push({ path: `${v1.id}/layer.tar`, type: 'symlink', linkname: `../${seen}`, mode: 0o777, mtime: created });
        } else {
          layerPaths.set(layer.diffId, `${v1.id}/layer.tar`);
          members.push({ path: `${v1.id}/layer.tar`, type: 'file', data: writeTar(tarFromEntries(layer.entries)), mode: 0o644, mtime: created });
        }
      }
      folders.push(v1.id);
      parent = v1.id;
    });
    const configName = `${image.id.slice(7)}.json`;
    members.push({ path: configName, type: 'file', data: text(JSON.stringify(imageConfigBlob(image))), mode: 0o644, mtime: created });
    const top = folders[folders.length - 1] ?? '';
    for (const t of refs) {
      const colon = t.lastIndexOf(':');
      (repositories[t.slice(0, colon)] ??= {})[t.slice(colon + 1)] = top;
    }
    const parentSaved = image.parent !== '' && chosen.has(image.parent);
    manifest.push({
      Config: configName,
      RepoTags: refs.length ? refs : null,
      Layers: folders.map((f) => `${f}/layer.tar`),
      ...(parentSaved ? { Parent: image.parent } : {}),
    });
  }
  // json.Encoder: keys of a map sorted, a newline after the value
  if (Object.keys(repositories).length > 0) {
    members.push({ path: 'repositories', type: 'file', data: text(`${JSON.stringify(sortedKeys(repositories))}\n`), mode: 0o644, mtime: 0 });
  }
  members.push({ path: 'manifest.json', type: 'file', data: text(`${JSON.stringify(manifest)}\n`), mode: 0o644, mtime: 0 });
  return writeOutput(daemon, ctx, flagString(cmd, 'output'), writeTar(walkOrder(members)), out);
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

function allRefs(daemon: Daemon): { ref: string; name: string }[] {
  const out: { ref: string; name: string }[] = [];
  for (const image of daemon.images.all()) {
    for (const ref of daemon.images.refsOf(image.id)) {
      if (ref.includes('@')) continue;
      out.push({ ref, name: ref.slice(0, ref.lastIndexOf(':')) });
    }
  }
  return out.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
}

// the zero container.Config as Go marshals it (the legacy json of a layer below the top)
const ZERO_CONFIG = {
  Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false,
  OpenStdin: false, StdinOnce: false, Env: null, Cmd: null, Image: '', Volumes: null, WorkingDir: '', Entrypoint: null,
  OnBuild: null, Labels: null,
};

/** A layer's legacy v1 image: its ID hashes its config with the chain ID and parent (moby's v1.CreateID). */
function legacyImage(image: Image, top: boolean, parent: string, chainId: string): { id: string; json: Record<string, unknown> } {
  let base: Record<string, unknown>;
  if (top) {
    const { rootfs: _rootfs, history: _history, parent: _parent, ...v1 } = imageConfigBlob(image);
    base = v1;
  } else {
    base = { created: '1970-01-01T00:00:00Z', container_config: ZERO_CONFIG, os: 'linux' };
  }
  const id = sha256Hex(JSON.stringify({ ...base, layer_id: chainId, ...(parent ? { parent: `sha256:${parent}` } : {}) }));
  return { id, json: { id, ...(parent ? { parent } : {}), ...base } };
}

function sortedKeys(repos: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  const sort = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return sort(Object.fromEntries(Object.entries(repos).map(([k, v]) => [k, sort(v)])));
}

// filepath.Walk's order: names sorted within each folder, a folder's members right after it
function walkOrder(members: TarEntryInput[]): TarEntryInput[] {
  const key = (p: string) => p.split('/');
  return [...members].sort((a, b) => {
    const x = key(a.path);
    const y = key(b.path);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
    }
    return x.length - y.length;
  });
}

function text(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
