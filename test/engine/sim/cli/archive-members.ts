// Hostile and damaged archives for `docker import`, `docker load` and `docker cp - CONTAINER:DIR`, with what the
// 20.10 engine printed for each. Recorded on 20.10.24 (/usr/bin/docker against the local dockerd) with the
// archives below written by Python's tarfile (USTAR) into a container of a busybox-static image, each
// extracted into its own fresh directory /t/<name>; the simulator test and the real-engine test share them.

import { writeTar, type TarEntryInput } from '../../../../src/tar/tar.js';

const file = (path: string): TarEntryInput => ({ path, type: 'file', data: new TextEncoder().encode('x\n'), mtime: 1_000_000_000_000 });

/** One recorded case: the archive, and for each command its exit code and stderr (with DIR the target). */
export interface ArchiveCase {
  name: string;
  archive: Uint8Array;
  /** `docker cp - c:/t/<name>`; what is listed under /t afterwards (`find /t/<name> /tmp | sort`) */
  cp: { code: number; stderr: string; left: string[] };
  /** `docker import FILE` (null: succeeds) */
  import: string | null;
}

/** The cases of issue 12 items 2-3, recorded on 20.10. */
export const ARCHIVE_CASES: ArchiveCase[] = [
  {
    name: 'dotdot',
    archive: writeTar([file('a'), file('../../x')]),
    cp: { code: 1, stderr: 'Error response from daemon: Error processing tar file(exit status 1): "../../x" is outside of "/t/dotdot"\n', left: ['/t/dotdot', '/t/dotdot/a', '/tmp'] },
    import: null,
  },
  {
    name: 'abs',
    archive: writeTar([file('a'), file('/abs/x')]),
    cp: { code: 0, stderr: '', left: ['/t/abs', '/t/abs/a', '/t/abs/abs', '/t/abs/abs/x', '/tmp'] },
    import: null,
  },
  {
    name: 'symdir',
    archive: writeTar([{ path: 'link', type: 'symlink', linkname: '/tmp/h11a-outside', mtime: 1_000_000_000_000 }, file('link/file')]),
    cp: { code: 1, stderr: 'Error response from daemon: Error processing tar file(exit status 1): open /t/symdir/link/file: no such file or directory\n', left: ['/t/symdir', '/t/symdir/link', '/tmp'] },
    import: 'Error response from daemon: Error processing tar file(exit status 1): open /link/file: no such file or directory\n',
  },
  {
    name: 'symdir2',
    archive: writeTar([{ path: 'link', type: 'symlink', linkname: '../../../../h11a-out', mtime: 1_000_000_000_000 }, file('link/file')]),
    cp: { code: 1, stderr: 'Error response from daemon: Error processing tar file(exit status 1): invalid symlink "/t/symdir2/link" -> "../../../../h11a-out"\n', left: ['/t/symdir2', '/tmp'] },
    import: 'Error response from daemon: Error processing tar file(exit status 1): open /link/file: no such file or directory\n',
  },
  {
    // a hard link to a symbolic link is one more name of the link; moby neither chmods nor chtimes it (the
    // property test of archive-members.test.ts found this one: the simulator followed it to a missing target)
    name: 'hardsym',
    archive: writeTar([{ path: 'a', type: 'symlink', linkname: 'proc', mode: 0 }, { path: 'tmp', type: 'hardlink', linkname: 'a', mode: 0 }]),
    cp: { code: 0, stderr: '', left: ['/t/hardsym', '/t/hardsym/a', '/t/hardsym/tmp', '/tmp'] },
    import: null,
  },
  {
    // a hard link whose target runs through a symbolic-link loop: os.Link's ELOOP (found by the property test)
    name: 'hardloop',
    archive: writeTar([{ path: 'l', type: 'symlink', linkname: 'l' }, { path: 'h', type: 'hardlink', linkname: 'l/x' }]),
    cp: { code: 1, stderr: 'Error response from daemon: Error processing tar file(exit status 1): link /t/hardloop/l/x /t/hardloop/h: too many levels of symbolic links\n', left: ['/t/hardloop', '/t/hardloop/l', '/tmp'] },
    import: 'Error response from daemon: Error processing tar file(exit status 1): link /l/x /h: too many levels of symbolic links\n',
  },
  {
    name: 'hardout',
    archive: writeTar([{ path: 'h', type: 'hardlink', linkname: '../../etc/passwd', mtime: 1_000_000_000_000 }]),
    cp: { code: 1, stderr: 'Error response from daemon: Error processing tar file(exit status 1): invalid hardlink "/etc/passwd" -> "../../etc/passwd"\n', left: ['/t/hardout', '/tmp'] },
    import: 'Error response from daemon: Error processing tar file(exit status 1): link /etc/passwd /h: no such file or directory\n',
  },
  {
    name: 'notar',
    archive: new TextEncoder().encode('garbage\n'),
    cp: { code: 1, stderr: 'Error response from daemon: Error processing tar file(exit status 1): unexpected EOF\n', left: ['/t/notar', '/tmp'] },
    import: 'Error response from daemon: Error processing tar file(exit status 1): unexpected EOF\n',
  },
  {
    name: 'text',
    archive: new TextEncoder().encode(`${'0123456789abcdef'.repeat(126)}\n`),
    cp: { code: 1, stderr: 'Error response from daemon: Error processing tar file(exit status 1): archive/tar: invalid tar header\n', left: ['/t/text', '/tmp'] },
    import: 'Error response from daemon: Error processing tar file(exit status 1): archive/tar: invalid tar header\n',
  },
];

/**
 * `docker load -i FILE` of what is not a `docker save` archive: stderr, exit 1, printed bare (the daemon's
 * error comes in the progress stream). The temporary directory's number is random on the real engine.
 */
export const LOAD_CASES: { name: string; archive: Uint8Array; stderr: RegExp }[] = [
  { name: 'a short text file', archive: new TextEncoder().encode('garbage\n'), stderr: /^Error processing tar file\(exit status 1\): unexpected EOF\n$/u },
  { name: 'a long text file', archive: new TextEncoder().encode(`${'0123456789abcdef'.repeat(126)}\n`), stderr: /^Error processing tar file\(exit status 1\): archive\/tar: invalid tar header\n$/u },
  { name: 'an empty file', archive: new Uint8Array(0), stderr: /^open \/var\/lib\/docker\/tmp\/docker-import-\d+\/repositories: no such file or directory\n$/u },
  { name: 'a root filesystem tarball', archive: writeTar([{ path: './', type: 'dir' }, { path: './bin/', type: 'dir' }, file('./bin/x'), { path: './etc/', type: 'dir' }]), stderr: /^open \/var\/lib\/docker\/tmp\/docker-import-\d+\/bin\/json: no such file or directory\n$/u },
];

/**
 * A build's `ADD x.tar /d/` (recorded on 20.10 with the legacy builder): the archive is extracted chrooted in
 * /d, so "../../x" lands at /d/x, and a member under a link to nothing fails the step with this on stderr.
 */
export const ADD_CASES: { name: string; files: string[] | null; stderr: string }[] = [
  { name: 'dotdot', files: ['/d', '/d/a', '/d/x'], stderr: '' },
  { name: 'symdir', files: null, stderr: 'failed to copy files: Error processing tar file(exit status 1): open /link/file: no such file or directory\n' },
];
