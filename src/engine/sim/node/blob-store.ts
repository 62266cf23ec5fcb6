// Content-addressed files (a folder of `<sha256>` blobs) for the state directory and the fixture cache: a blob is
// written once under the digest of its bytes (to a temporary name, then renamed, so a reader never sees half of
// one) and checked against that digest whenever it is read, so a truncated or altered file is found, never
// loaded. Unchanged content is never written twice: a save writes only what changed.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A blob as a saved file names it: the sha256 of its bytes and their length. */
export interface BlobRef {
  sha256: string;
  size: number;
}

/** Thrown when a blob is missing, of the wrong length or does not hash to its name. */
export class BlobError extends Error {}

const HEX64 = /^[0-9a-f]{64}$/;

/** The sha256 of bytes, hex. */
export function sha256Of(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One folder of blobs. */
export class BlobStore {
  private made = false;

  constructor(readonly dir: string) {}

  /** Stores `data` (unless a blob with its digest is already there) and returns its reference. */
  put(data: Uint8Array): BlobRef {
    const ref = { sha256: sha256Of(data), size: data.length };
    const path = join(this.dir, ref.sha256);
    if (this.has(ref)) return ref;
    if (!this.made) mkdirSync(this.dir, { recursive: true });
    this.made = true;
    writeAtomically(path, data);
    return ref;
  }

  /** Whether a blob of that digest and length is present (its bytes are checked when read). */
  has(ref: BlobRef): boolean {
    try {
      return statSync(join(this.dir, ref.sha256)).size === ref.size;
    } catch {
      return false;
    }
  }

  /** The bytes of a blob, checked against its digest; throws BlobError naming what is wrong. */
  get(ref: BlobRef): Uint8Array {
    if (!HEX64.test(ref.sha256)) throw new BlobError(`${JSON.stringify(ref.sha256)} is not a sha256 digest`);
    const name = `${this.dir.split(/[\\/]/).pop()}/${ref.sha256}`;
    let data: Uint8Array;
    try {
      data = new Uint8Array(readFileSync(join(this.dir, ref.sha256)));
    } catch (error) {
      throw new BlobError(`${name} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (data.length !== ref.size) throw new BlobError(`${name} has ${data.length} bytes, ${ref.size} were saved (truncated or altered)`);
    if (sha256Of(data) !== ref.sha256) throw new BlobError(`${name} does not match its sha256 digest (altered)`);
    return data;
  }

  /** Checks that every blob is there with its length (one stat each), before anything is loaded. */
  checkPresent(refs: Iterable<BlobRef>): void {
    for (const ref of refs) {
      if (!HEX64.test(ref.sha256)) throw new BlobError(`${JSON.stringify(ref.sha256)} is not a sha256 digest`);
      let size: number;
      try {
        size = statSync(join(this.dir, ref.sha256)).size;
      } catch {
        throw new BlobError(`${this.dir.split(/[\\/]/).pop()}/${ref.sha256} is missing`);
      }
      if (size !== ref.size) throw new BlobError(`${this.dir.split(/[\\/]/).pop()}/${ref.sha256} has ${size} bytes, ${ref.size} were saved (truncated or altered)`);
    }
  }

  /** Removes the blobs not in `keep` (after a save has made them unreferenced); other names are left alone. */
  sweep(keep: ReadonlySet<string>): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) if (HEX64.test(name) && !keep.has(name)) rmSync(join(this.dir, name), { force: true });
  }
}

/** Writes a file so that it is either absent or whole (a temporary name, then rename). */
export function writeAtomically(path: string, data: Uint8Array | string): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
