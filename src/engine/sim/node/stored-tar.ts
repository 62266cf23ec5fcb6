// Layers whose tar is already a checked blob somewhere (the fixture cache, a state directory): a save copies
// those bytes instead of reading the layer's entries and writing them out again.

import type { Layer } from '../layer/layer.js';
import type { BlobRef } from './blob-store.js';

/** Layer → its stored tar (reference and a reader that checks the digest). */
export const storedTar = new WeakMap<Layer, { ref: BlobRef; read: () => Uint8Array }>();
