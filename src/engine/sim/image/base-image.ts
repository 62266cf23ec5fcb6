// The built-in base image: the busybox-static root filesystem of fixtures/base/rootfs.json as one imported
// layer, the same tree the real engine gets from `docker import`. The busybox binary itself is a stand-in of
// the same size (an ELF magic and a marker the shell recognises), because the simulator runs no binaries.

import { rootfsEntries, type RootfsManifest } from '../../../tar/rootfs-manifest.js';
import { entriesFromTar } from '../layer/tar-layer.js';
import { Layer } from '../layer/layer.js';
import { emptyConfig } from './config.js';
import { makeImage, type Image } from './image.js';

const layers = new WeakMap<RootfsManifest, Layer>();

/** The bytes standing in for /bin/busybox: "\x7fELF", a marker, the version, zeros up to the real size. */
export function busyboxStandIn(manifest: RootfsManifest): Uint8Array {
  const bytes = new Uint8Array(manifest.busybox.size);
  const head = new TextEncoder().encode(`\x7fELF DRYDOCK-BUSYBOX ${manifest.busybox.version}\n`);
  bytes.set(head.subarray(0, Math.min(head.length, bytes.length)));
  return bytes;
}

/** The base layer, built once per manifest and shared by every simulator state. */
export function baseLayer(manifest: RootfsManifest): Layer {
  let layer = layers.get(manifest);
  if (!layer) {
    const members = rootfsEntries(manifest, busyboxStandIn(manifest)).map((m) => ({
      mode: 0,
      uid: 0,
      gid: 0,
      mtime: 0,
      data: new Uint8Array(0),
      ...m,
    }));
    const entries = entriesFromTar(members);
    entries.set('/', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: Date.parse(manifest.mtime) });
    layer = new Layer(null, entries);
    layers.set(manifest, layer);
  }
  return layer;
}

/** An image made by `docker import` of a layer: empty config, one history row "Imported from -". */
export function importedImage(layer: Layer, created: number, comment = 'Imported from -', config = emptyConfig()): Image {
  return makeImage({
    parent: '',
    comment,
    created,
    container: '',
    containerConfig: emptyConfig(),
    author: '',
    config,
    layer,
    history: [{ created, createdBy: '', comment, author: '', emptyLayer: false }],
  });
}
