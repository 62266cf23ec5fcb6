// A damaged archive, with the text Go's archive/tar (and so the Docker daemon) gives for it: docker import, load
// and cp print "Error processing tar file(exit status 1): " followed by exactly this.

/** Go's archive/tar.ErrHeader text. */
export const INVALID_HEADER = 'archive/tar: invalid tar header';
/** Go's io.ErrUnexpectedEOF text: the archive ends inside a header or a member's data. */
export const UNEXPECTED_EOF = 'unexpected EOF';

/** Thrown by readTar; `docker` is the daemon's text, `message` adds where it went wrong (for damage reports). */
export class TarFormatError extends Error {
  constructor(
    readonly docker: string,
    readonly detail: string,
  ) {
    super(`${docker} (${detail})`);
    this.name = 'TarFormatError';
  }
}
