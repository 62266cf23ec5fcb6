// busybox dd: if= of= bs= ibs= obs= count= skip= seek= conv=notrunc,sync status=none|noxfer, with the two
// "N+M records in/out" lines on stderr. /dev/zero (or any endless device) is produced directly, so
// `dd if=/dev/zero of=/big bs=1M count=5` writes exactly 5 MiB.

import { FILE_SIZE_LIMIT, FsError } from '../../fs/vfs.js';
import { concatBytes, strerror } from '../io.js';
import type { Applet } from './lib/common.js';
import { abs, endOfInput, errorMsg, perrorMsg, readOperand, takeStdin } from './lib/common.js';

const SUFFIX: Record<string, number> = { '': 1, c: 1, w: 2, b: 512, kB: 1000, k: 1024, K: 1024, MB: 1_000_000, M: 1048576, GB: 1e9, G: 1073741824 };

function size(s: string): number | null {
  const m = /^(\d+)(c|w|b|kB|k|K|MB|M|GB|G)?(?:x(\d+))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * (SUFFIX[m[2] ?? ''] ?? 1) * (m[3] ? Number(m[3]) : 1);
}

/** `dd [if=F] [of=F] [bs=N] [count=N] [skip=N] [seek=N] [conv=…] [status=…]` */
export const dd: Applet = (ctx, argv) => {
  const opts = new Map<string, string>();
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq === -1) {
      errorMsg(ctx, 'dd', `unknown operand ${a}`);
      return 1;
    }
    opts.set(a.slice(0, eq), a.slice(eq + 1));
  }
  const num = (key: string, def: number): number | null => {
    const v = opts.get(key);
    if (v === undefined) return def;
    const n = size(v);
    if (n === null) errorMsg(ctx, 'dd', `invalid number '${v}'`);
    return n;
  };
  const bs = num('bs', 0);
  const ibsRaw = num('ibs', 512);
  const obsRaw = num('obs', 512);
  const countRaw = opts.has('count') ? num('count', 0) : Infinity;
  const skip = num('skip', 0);
  const seek = num('seek', 0);
  if (bs === null || ibsRaw === null || obsRaw === null || countRaw === null || skip === null || seek === null) return 1;
  const ibs = bs || ibsRaw;
  const obs = bs || obsRaw;
  const conv = (opts.get('conv') ?? '').split(',');
  // busybox knows only these conversions (no ucase, lcase, ascii, …)
  const badConv = opts.has('conv') ? conv.find((c) => !['notrunc', 'sync', 'noerror', 'fsync', 'swab'].includes(c)) : undefined;
  if (badConv !== undefined) {
    errorMsg(ctx, 'dd', `invalid argument '${badConv}' to 'conv'`);
    return 1;
  }
  const status = opts.get('status');
  const input = opts.get('if');
  const output = opts.get('of');
  let data: Uint8Array;
  const needed = countRaw === Infinity ? Infinity : (skip + countRaw) * ibs;
  if (input === undefined) data = takeStdin(ctx);
  else {
    const p = abs(ctx, input);
    const st = ctx.fs.stat(p);
    // never more than the disk can take (the write then fails as a full disk does), however large count is
    if (st?.kind === 'char' && (p === '/dev/zero' || p.endsWith('/zero')) && needed !== Infinity) data = new Uint8Array(Math.min(needed, FILE_SIZE_LIMIT + ibs));
    else {
      try {
        data = readOperand(ctx, input);
      } catch (e) {
        perrorMsg(ctx, 'dd', `can't open '${input}'`, e);
        return 1;
      }
    }
  }
  const body = data.subarray(Math.min(data.length, skip * ibs));
  const blocks: Uint8Array[] = [];
  let full = 0;
  let partial = 0;
  for (let off = 0; off < body.length && full + partial < countRaw; off += ibs) {
    let block = body.subarray(off, off + ibs);
    if (block.length === ibs) full++;
    else {
      partial++;
      if (conv.includes('sync')) {
        const padded = new Uint8Array(ibs);
        padded.set(block);
        block = padded;
      }
    }
    blocks.push(block);
  }
  const out = concatBytes(blocks);
  if (input === undefined && full + partial < countRaw) endOfInput(ctx);
  if (output === undefined) ctx.stdout(out);
  else {
    const p = abs(ctx, output);
    try {
      let existing: Uint8Array = new Uint8Array();
      if (seek > 0 || conv.includes('notrunc')) {
        try {
          existing = ctx.fs.readFile(p);
        } catch {
          // a new file
        }
      }
      const start = seek * obs;
      const end = start + out.length;
      const length = conv.includes('notrunc') ? Math.max(existing.length, end) : end;
      const merged = new Uint8Array(length);
      merged.set(existing.subarray(0, Math.min(existing.length, length)));
      merged.set(out, start);
      ctx.fs.writeFile(p, merged);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (e.code === 'ENOSPC') {
        // as busybox: the error, then what was read and what fitted
        const fitted = Math.floor(FILE_SIZE_LIMIT / obs);
        ctx.stderr(`dd: error writing '${output}': ${strerror(e.code)}\n${full}+${partial} records in\n${fitted}+0 records out\n`);
        return 1;
      }
      errorMsg(ctx, 'dd', `can't open '${output}': ${strerror(e.code)}`);
      return 1;
    }
  }
  const outFull = Math.floor(out.length / obs);
  const outPartial = out.length % obs ? 1 : 0;
  if (status !== 'none') ctx.stderr(`${full}+${partial} records in\n${outFull}+${outPartial} records out\n`);
  return 0;
};

/** `dd --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const ddUsage =
  "\nUsage: dd [if=FILE] [of=FILE] [ibs=N obs=N/bs=N] [count=N] [skip=N] [seek=N]\n\t[conv=notrunc|noerror|sync|fsync]\n\t[iflag=skip_bytes|count_bytes|fullblock|direct] [oflag=seek_bytes|append|direct]\n\nCopy a file with converting and formatting\n\n\tif=FILE\t\tRead from FILE instead of stdin\n\tof=FILE\t\tWrite to FILE instead of stdout\n\tbs=N\t\tRead and write N bytes at a time\n\tibs=N\t\tRead N bytes at a time\n\tobs=N\t\tWrite N bytes at a time\n\tcount=N\t\tCopy only N input blocks\n\tskip=N\t\tSkip N input blocks\n\tseek=N\t\tSkip N output blocks\n\tconv=notrunc\tDon't truncate output file\n\tconv=noerror\tContinue after read errors\n\tconv=sync\tPad blocks with zeros\n\tconv=fsync\tPhysically write data out before finishing\n\tconv=swab\tSwap every pair of bytes\n\tiflag=skip_bytes\tskip=N is in bytes\n\tiflag=count_bytes\tcount=N is in bytes\n\toflag=seek_bytes\tseek=N is in bytes\n\tiflag=direct\tO_DIRECT input\n\toflag=direct\tO_DIRECT output\n\tiflag=fullblock\tRead full blocks\n\toflag=append\tOpen output in append mode\n\tstatus=noxfer\tSuppress rate output\n\tstatus=none\tSuppress all output\n\nN may be suffixed by c (1), w (2), b (512), kB (1000), k (1024), MB, M, GB, G\n";
