// Archives for the archive target: small tars written by the simulator's own writer with hostile member names
// (`../x`, `/abs`, through a symlink), then truncated or with bytes flipped, or plain random bytes.

import { writeTar, type TarEntryInput } from '../../../src/tar/tar.js';
import type { Rng } from '../../../src/cli/fuzz-diff/rng.js';

const NAMES = ['a', 'dir/', 'dir/f', '../x', '../../x', '/abs/x', './.', 'link', 'link/file', 'manifest.json', 'repositories', 'Dockerfile', 'x'.repeat(300), 'é/ü'];

/** One archive-like input. */
export function randomArchive(rng: Rng): Uint8Array {
  if (rng.chance(0.1)) return Uint8Array.from({ length: rng.below(2048) }, () => rng.below(256));
  const entries: TarEntryInput[] = [];
  for (let i = 1 + rng.below(5); i > 0; i--) {
    const path = rng.pick(NAMES);
    const kind = rng.below(4);
    if (kind === 0) entries.push({ path, type: 'dir', mode: 0o755 });
    else if (kind === 1) entries.push({ path, type: 'symlink', linkname: rng.pick(['/', '..', '../../etc', 'dir', '/tmp']) });
    else if (path === 'manifest.json') entries.push({ path, type: 'file', data: new TextEncoder().encode(rng.pick(['[]', '{}', 'null', '[{"Config":"x","Layers":["../y"]}]', '[{"Config":1}]', 'not json'])) });
    else entries.push({ path, type: 'file', data: new TextEncoder().encode('data'), mode: 0o644 });
  }
  let bytes: Uint8Array;
  try {
    bytes = writeTar(entries);
  } catch {
    return new Uint8Array(0); // the writer refused the entries: an empty stdin is an input too
  }
  if (rng.chance(0.3)) bytes = bytes.subarray(0, rng.below(bytes.length));
  if (rng.chance(0.3)) {
    bytes = Uint8Array.from(bytes);
    for (let i = 1 + rng.below(8); i > 0 && bytes.length > 0; i--) bytes[rng.below(bytes.length)] = rng.below(256);
  }
  return bytes;
}
