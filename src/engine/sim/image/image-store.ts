// The daemon's image and reference stores together: images by ID, tags by familiar name ("tomcat:latest",
// "cv-xpu/tomcat_02:1.2"), parent/child links, and layer reference counts so that deleting an image reports
// the layers it frees. Deletion follows moby's daemon/images/image_delete.go rule for rule.

import type { Layer } from '../layer/layer.js';
import type { Image } from './image.js';
import { truncateId } from '../../../docker-cli/index.js';

/** One line of `docker rmi` output. */
export type DeleteRecord = { untagged: string } | { deleted: string };

/** A refused deletion, in moby's words. */
export class ImageConflict extends Error {
  constructor(
    readonly imageId: string,
    readonly hard: boolean,
    readonly reason: string,
    readonly used = false,
  ) {
    super(`conflict: unable to delete ${truncateId(imageId)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${reason}`);
  }
}

/** How a container uses an image, for deletion conflicts. */
export interface ImageUser {
  id: string;
  imageId: string;
  running: boolean;
}

/** Images, tags and layer references of one simulator state. */
export class ImageStore {
  private readonly images = new Map<string, Image>();
  private readonly tags = new Map<string, { id: string; time: number }>();
  // by chain ID, as moby's layer store: two imports of one archive make two Layer objects of one layer
  private readonly layerRefs = new Map<string, number>();

  /** Stores an image (idempotent: the same content gives the same ID). */
  add(image: Image): Image {
    const existing = this.images.get(image.id);
    if (existing) return existing;
    this.images.set(image.id, image);
    if (image.layer) this.retain(image.layer);
    return image;
  }

  get(id: string): Image | undefined {
    return this.images.get(id);
  }

  all(): Image[] {
    return [...this.images.values()];
  }

  /** The image a familiar reference ("repo:tag") points at. */
  byRef(ref: string): Image | undefined {
    const tag = this.tags.get(ref);
    return tag ? this.images.get(tag.id) : undefined;
  }

  /** The image whose hex ID starts with `prefix` (with or without "sha256:"), when exactly one does. */
  byIdPrefix(prefix: string): Image | undefined {
    const hex = prefix.startsWith('sha256:') ? prefix.slice(7) : prefix;
    if (!/^[0-9a-f]{1,64}$/.test(hex)) return undefined;
    let found: Image | undefined;
    for (const image of this.images.values()) {
      if (image.id.startsWith(`sha256:${hex}`)) {
        if (found) return undefined;
        found = image;
      }
    }
    return found;
  }

  /** Points a tag at an image, moving it from any other image. */
  tag(ref: string, id: string, time: number): void {
    this.tags.set(ref, { id, time });
  }

  /** Removes a tag; true when it existed. */
  untag(ref: string): boolean {
    return this.tags.delete(ref);
  }

  /** The tags of an image in the reference store's order (sorted by full name, docker.io/library/ first). */
  refsOf(id: string): string[] {
    const out: string[] = [];
    for (const [ref, tag] of this.tags) if (tag.id === id) out.push(ref);
    return out.sort((a, b) => (fullName(a) < fullName(b) ? -1 : fullName(a) > fullName(b) ? 1 : 0));
  }

  lastTagTime(id: string): number | undefined {
    let time: number | undefined;
    for (const tag of this.tags.values()) if (tag.id === id && (time === undefined || tag.time > time)) time = tag.time;
    return time;
  }

  children(id: string): Image[] {
    return this.all().filter((image) => image.parent === id);
  }

  /** True for an image with no tag and no child (moby's imageIsDangling). */
  isDangling(id: string): boolean {
    return this.refsOf(id).length === 0 && this.children(id).length === 0;
  }

  /** A container's read-only layers stay referenced while the container exists. */
  retain(layer: Layer): void {
    this.layerRefs.set(layer.chainId, (this.layerRefs.get(layer.chainId) ?? 0) + 1);
    if (layer.parent && this.layerRefs.get(layer.chainId) === 1) this.retain(layer.parent);
  }

  /** Drops one reference; returns the layers freed, top first. */
  release(layer: Layer): Layer[] {
    const refs = (this.layerRefs.get(layer.chainId) ?? 0) - 1;
    if (refs > 0) {
      this.layerRefs.set(layer.chainId, refs);
      return [];
    }
    this.layerRefs.delete(layer.chainId);
    return [layer, ...(layer.parent ? this.release(layer.parent) : [])];
  }

  /**
   * `docker rmi`: `name` is the familiar reference when the user typed a name (null for an ID prefix);
   * `users` are all containers. Throws ImageConflict; returns the Untagged/Deleted records otherwise.
   */
  remove(image: Image, name: string | null, force: boolean, prune: boolean, users: ImageUser[], typed = name ?? ''): DeleteRecord[] {
    const records: DeleteRecord[] = [];
    const id = image.id;
    let quiet = false;
    if (name !== null) {
      const refs = this.refsOf(id);
      const user = users.find((c) => c.imageId === id);
      if (user && isSingleReference(refs) && !force) {
        throw new RepositoryConflict(typed, user.id, id);
      }
      this.untag(name);
      records.push({ untagged: name });
      if (this.refsOf(id).length > 0) return records;
      quiet = true;
    } else {
      const refs = this.refsOf(id);
      // an ID removes every reference only when they are one repository with at most one tag
      if (isSingleReference(refs)) {
        this.check(id, force ? HARD : HARD | STOPPED, users);
        for (const ref of refs) {
          this.untag(ref);
          records.push({ untagged: ref });
        }
      }
    }
    this.deleteHelper(id, records, force, prune, quiet, users);
    return records;
  }

  private deleteHelper(id: string, records: DeleteRecord[], force: boolean, prune: boolean, quiet: boolean, users: ImageUser[]): void {
    try {
      this.check(id, force ? HARD : HARD | SOFT, users);
    } catch (error) {
      if (quiet && error instanceof ImageConflict && (!this.isDangling(id) || error.used)) return;
      throw error;
    }
    const image = this.images.get(id) as Image;
    for (const ref of this.refsOf(id)) {
      this.untag(ref);
      records.push({ untagged: ref });
    }
    this.images.delete(id);
    records.push({ deleted: id });
    if (image.layer) for (const layer of this.release(image.layer)) records.push({ deleted: layer.chainId });
    if (prune && image.parent && this.images.has(image.parent)) {
      this.deleteHelper(image.parent, records, false, true, true, users);
    }
  }

  private check(id: string, mask: number, users: ImageUser[]): void {
    if (mask & CHILD && this.children(id).length > 0) throw new ImageConflict(id, true, 'image has dependent child images');
    const running = users.find((c) => c.imageId === id && c.running);
    if (mask & RUNNING && running) {
      throw new ImageConflict(id, true, `image is being used by running container ${truncateId(running.id)}`, true);
    }
    if (mask & REFERENCE && this.refsOf(id).length > 0) {
      throw new ImageConflict(id, false, 'image is referenced in multiple repositories');
    }
    const stopped = users.find((c) => c.imageId === id && !c.running);
    if (mask & STOPPED && stopped) {
      throw new ImageConflict(id, false, `image is being used by stopped container ${truncateId(stopped.id)}`, true);
    }
  }
}

/** `rmi <name>` refused because a container uses the image and this is its last tag. */
export class RepositoryConflict extends Error {
  constructor(name: string, containerId: string, imageId: string) {
    super(
      `conflict: unable to remove repository reference "${name}" (must force) - container ${truncateId(containerId)} is using its referenced image ${truncateId(imageId)}`,
    );
  }
}

const CHILD = 1;
const RUNNING = 2;
const REFERENCE = 4;
const STOPPED = 8;
const HARD = CHILD | RUNNING;
const SOFT = REFERENCE | STOPPED;

/** 12 hex characters, without "sha256:" (docker's stringid.TruncateID). */


/** moby's isSingleReference: all references in one repository, at most one of them a tag (not for none). */
export function isSingleReference(refs: readonly string[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: string | null = null;
  const canonical = new Set<string>();
  for (const ref of refs) {
    if (ref.includes('@')) canonical.add(repositoryOf(ref));
    else if (single === null) single = ref;
    else return false;
  }
  return canonical.size === 1 && canonical.has(repositoryOf(single ?? refs[0]!));
}

/** "repo:tag" → "repo". */
function repositoryOf(ref: string): string {
  const at = ref.indexOf('@');
  const base = at === -1 ? ref : ref.slice(0, at);
  const colon = base.lastIndexOf(':');
  return colon > base.lastIndexOf('/') ? base.slice(0, colon) : base;
}

function fullName(ref: string): string {
  const repo = repositoryOf(ref);
  const first = repo.split('/')[0] as string;
  const hasDomain = repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasDomain) return ref;
  return repo.includes('/') ? `docker.io/${ref}` : `docker.io/library/${ref}`;
}
