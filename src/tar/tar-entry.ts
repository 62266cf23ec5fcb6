// The unit the tar reader and writer trade in: one archive member as plain data, with the header fields moby's
// archive package (go-archive) reads and writes for layers and `docker cp`.

/** What a member is; the simulator's trees only hold file, dir, symlink and char (whiteouts), the rest is for reading. */
export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

/** One tar member. */
export interface TarEntry {
  /** as stored, without the trailing "/" of directories ("bin", "./etc/passwd", "usr/bin/[") */
  path: string;
  type: TarEntryType;
  /** permission bits with setuid, setgid and sticky (0o1777), never the file-type bits */
  mode: number;
  uid: number;
  gid: number;
  /** milliseconds since the epoch, as Stat has it */
  mtime: number;
  /** file contents; empty for every other type */
  data: Uint8Array;
  /** symlink target, or for a hardlink the path of the member it links to */
  linkname?: string;
  uname?: string;
  gname?: string;
  /** device numbers of char and block devices (a whiteout is a char device 0/0) */
  devmajor?: number;
  devminor?: number;
  /** PAX records that have no field above (SCHILY.xattr.*, …), kept so a round trip does not lose them */
  pax?: Record<string, string>;
}

/** What the writer needs: path and type, everything else has a default (see tar-writer.ts). */
export type TarEntryInput = Pick<TarEntry, 'path' | 'type'> & Partial<Omit<TarEntry, 'path' | 'type'>>;
