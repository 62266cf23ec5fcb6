// The outer archive of `docker load`, read as the 20.10 daemon reads it (image/tarexport/load.go): untarred into
// a temporary directory, then manifest.json, or the legacy loader when there is none. Every failure is the text
// the daemon streams back (recorded on 20.10, see docs/archives.md), never an exception.

import { readTar, TarFormatError } from '../../../../tar/tar.js';
import { sha256Hex } from '../../layer/digest.js';
import { resolvePath } from '../../fs/path.js';

/** One manifest.json item with its config already parsed. */
export interface LoadItem {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
  /** the parent image's ID, when it was saved with it */
  Parent?: string;
  config: Record<string, unknown>;
}

/** The files of the archive by name and its manifest, or the daemon's error text. */
export function readLoadArchive(data: Uint8Array): { files: Map<string, Uint8Array>; manifest: LoadItem[] } | { error: string } {
  let members;
  try {
    members = readTar(data);
  } catch (error) {
    if (error instanceof TarFormatError) return { error: `Error processing tar file(exit status 1): ${error.docker}` };
    throw error;
  }
  const files = new Map(members.filter((m) => m.type === 'file').map((m) => [m.path.replace(/^(\.\/)+/u, ''), m.data]));
  // docker save writes a layer met twice as a symlink to the first copy (../<v1 id>/layer.tar)
  for (const m of members) {
    if (m.type !== 'symlink' || !m.linkname) continue;
    const at = m.path.replace(/^(\.\/)+/u, '');
    const target = resolvePath(`/${at.slice(0, at.lastIndexOf('/') + 1)}`, m.linkname).slice(1);
    const data = files.get(target);
    if (data) files.set(at, data);
  }
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) {
    // the legacy loader takes one image per directory, then reads "repositories"; ioutil.TempDir names the
    // directory with a random uint32 (here one taken from the archive, so a replay prints the same)
    const tmp = `/var/lib/docker/tmp/docker-import-${parseInt(sha256Hex(data).slice(0, 8), 16)}`;
    const dirs = topDirectories(members.map((m) => ({ path: m.path, dir: m.type === 'dir' })));
    const first = dirs[0];
    if (first === undefined) return { error: `open ${tmp}/repositories: no such file or directory` };
    if (!files.has(`${first}/json`)) return { error: `open ${tmp}/${first}/json: no such file or directory` };
    return { error: 'drydock: docker load of an archive without manifest.json (the pre-1.10 format) is not simulated; use --engine docker' };
  }
  const manifest = parseJson(manifestBytes);
  if (!Array.isArray(manifest) || !manifest.every(isItem)) {
    return { error: 'drydock: docker load: manifest.json is not what docker save writes (this archive is not simulated); use --engine docker' };
  }
  const items: LoadItem[] = [];
  for (const item of manifest) {
    const configBytes = files.get(item.Config);
    const config = configBytes ? parseJson(configBytes) : undefined;
    if (config === undefined || config === null || typeof config !== 'object' || Array.isArray(config)) {
      return { error: `drydock: docker load: ${item.Config} is missing or is not an image config (this archive is not simulated); use --engine docker` };
    }
    items.push({ ...item, config: config as Record<string, unknown> });
  }
  return { files, manifest: items };
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function isItem(value: unknown): value is Omit<LoadItem, 'config'> {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  return typeof v.Config === 'string' && (v.RepoTags === null || v.RepoTags === undefined || strings(v.RepoTags)) && strings(v.Layers);
}

// the directories ioutil.ReadDir finds at the top of the untarred archive, in its (byte) order
function topDirectories(members: readonly { path: string; dir: boolean }[]): string[] {
  const out = new Set<string>();
  for (const m of members) {
    const parts = m.path.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0 || parts[0] === '..') continue;
    if (parts.length > 1 || m.dir) out.add(parts[0] as string);
  }
  return [...out].sort();
}
