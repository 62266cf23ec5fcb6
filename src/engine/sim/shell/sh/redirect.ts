// Redirections, applied left to right on the shell's descriptor table and undone afterwards. Failures print
// ash's texts: "can't create X: nonexistent directory" (ENOENT), "can't open X: no such file", otherwise the
// strerror text ("can't create X: Read-only file system").

import { FsError, STRERROR } from '../../fs/vfs.js';
import { WriteFailed } from '../process-errors.js';
import { deviceContents, isSinkDevice, strerror, toBytes } from '../io.js';
import type { Redir } from './ast.js';
import { expandString } from './expand.js';
import type { Fd, Shell } from './shell.js';

class RedirFailure {
  constructor(readonly message: string) {}
}

/** Applies redirections; returns the previous table to restore, or null after printing an error. */
export function applyRedirs(sh: Shell, redirs: Redir[]): (Fd | undefined)[] | null {
  const saved = [...sh.fds];
  try {
    for (const r of redirs) applyOne(sh, r);
  } catch (e) {
    sh.fds = saved;
    if (e instanceof RedirFailure) {
      sh.message(e.message);
      return null;
    }
    throw e;
  }
  return saved;
}

/** Puts back a table saved by applyRedirs. */
export function restoreFds(sh: Shell, saved: (Fd | undefined)[]): void {
  sh.fds = saved;
}

function applyOne(sh: Shell, r: Redir): void {
  if (r.op === '<<' || r.op === '<<-') {
    const body = r.heredoc ? (r.heredoc.quoted ? expandLiteral(r) : expandString(sh, r.heredoc.body)) : '';
    sh.fds[r.fd] = { input: { data: toBytes(body), open: false } };
    return;
  }
  const target = expandString(sh, r.target);
  switch (r.op) {
    case '<':
      sh.fds[r.fd] = openInput(sh, target);
      return;
    case '<>':
      sh.fds[r.fd] = { ...openInput(sh, target, true), ...openOutput(sh, target, true) };
      return;
    case '>':
    case '>|':
      sh.fds[r.fd] = openOutput(sh, target, false);
      return;
    case '>>':
      sh.fds[r.fd] = openOutput(sh, target, true);
      return;
    case '&>': {
      const fd = openOutput(sh, target, false);
      sh.fds[1] = fd;
      sh.fds[2] = fd;
      return;
    }
    case '>&':
    case '<&':
      if (target === '-') {
        sh.fds[r.fd] = undefined;
        return;
      }
      if (/^[0-9]+$/.test(target)) {
        const src = sh.fds[Number(target)];
        if (!src) throw new RedirFailure(`${target}: Bad file descriptor`);
        sh.fds[r.fd] = src;
        return;
      }
      if (r.op === '>&') {
        const fd = openOutput(sh, target, false);
        sh.fds[1] = fd;
        sh.fds[2] = fd;
        return;
      }
      throw new RedirFailure(`${target}: Bad file descriptor`);
  }
}

function expandLiteral(r: Redir): string {
  const part = r.heredoc?.body.parts[0];
  return part?.t === 'lit' ? part.v : '';
}

function openInput(sh: Shell, target: string, create = false): Fd {
  const path = sh.abs(target);
  if (path === '/dev/stdin' || path === '/proc/self/fd/0') return sh.fds[0] ?? {};
  const st = sh.ctx.fs.stat(path);
  if (!st) {
    if (create) return { input: { data: new Uint8Array(), open: false } };
    throw new RedirFailure(`can't open ${target}: no such file`);
  }
  if (st.kind === 'char') return { input: { data: deviceContents(path) ?? new Uint8Array(), open: false } };
  if (st.kind === 'dir') return { input: { data: new Uint8Array(), open: false } };
  try {
    return { input: { data: sh.ctx.fs.readFile(path), open: false } };
  } catch (e) {
    throw new RedirFailure(`can't open ${target}: ${failText(e, 'no such file')}`);
  }
}

function openOutput(sh: Shell, target: string, append: boolean): Fd {
  const path = sh.abs(target);
  const dev = /^\/(?:dev\/fd|proc\/self\/fd)\/([0-9]+)$/.exec(path);
  if (dev) return sh.fds[Number(dev[1])] ?? {};
  if (path === '/dev/stdout') return sh.fds[1] ?? {};
  if (path === '/dev/stderr') return sh.fds[2] ?? {};
  if (isSinkDevice(path)) return { write: () => undefined };
  const fs = sh.ctx.fs;
  const st = fs.stat(path);
  if (st?.kind === 'char') return { write: () => undefined };
  try {
    fs.writeFile(path, new Uint8Array(), { append: true });
    if (!append && st) fs.writeFile(path, new Uint8Array());
  } catch (e) {
    throw new RedirFailure(`can't create ${target}: ${failText(e, 'nonexistent directory')}`);
  }
  return {
    write: (chunk) => {
      try {
        fs.writeFile(path, toBytes(chunk), { append: true });
      } catch (e) {
        // a full disk fails the write (the applet dies with busybox's "write error")
        if (e instanceof FsError && e.code === 'ENOSPC') throw new WriteFailed(`write error: ${STRERROR.ENOSPC}`);
        // otherwise the file vanished (rm of an open file): a real process keeps writing to the unlinked inode
      }
    },
  };
}

function failText(e: unknown, enoent: string): string {
  if (!(e instanceof FsError)) throw e;
  return e.code === 'ENOENT' || e.code === 'ENOTDIR' ? enoent : strerror(e.code);
}
