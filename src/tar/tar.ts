// The archive format every layer, `docker import`, `docker save`/`load`, `ADD x.tar` and `docker cp` speak.
// One import point for the simulator and the real engine (which parses `docker cp … -` output with it).

/** Entry shapes. */
export type { TarEntry, TarEntryInput } from './tar-entry.js';
/** Reading plain or gzipped archives. */
export { isGzip, readTar } from './tar-reader.js';
/** Deterministic writing. */
export { writeTar } from './tar-writer.js';
/** A damaged archive, with the daemon's text for it. */
export { TarFormatError } from './tar-error.js';
