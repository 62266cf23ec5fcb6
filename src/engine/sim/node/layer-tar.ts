// A layer's diff as the tar the state directory and the fixture cache store. Docker's layer tars carry no
// member for the root, but an imported layer's diff has one ('/', from the archive's `./`) and it counts in
// the layer's digest; stored here as a `./` member, so reading the tar back gives the very diff it came from.

import { readTar, writeTar } from '../../../tar/tar.js';
import type { Entry } from '../layer/entry.js';
import { entriesFromTar, memberOf, tarFromEntries } from '../layer/tar-layer.js';

/** The diff → tar bytes that read back to the same diff. */
export function layerTar(entries: ReadonlyMap<string, Entry>): Uint8Array {
  const members = tarFromEntries(entries);
  const root = entries.get('/');
  if (root && root.kind === 'dir' && !root.opaque && !members.some((m) => m.path === './' || m.path === '.')) members.unshift(memberOf('./', root));
  return writeTar(members);
}

/** Tar bytes → the diff. */
export function layerEntries(tar: Uint8Array, whiteouts = true): Map<string, Entry> {
  return entriesFromTar(readTar(tar), { whiteouts });
}
