// busybox xargs: arguments from stdin (blanks, quotes, backslashes; -0, -I, -n, -E), run without a PATH
// lookup for busybox's own applets.

import type { Applet } from './lib/common.js';
import { errorMsg, stdinToEof } from './lib/common.js';
import { runProgram } from './lib/exec-program.js';
import { getopt } from './lib/getopt.js';
import { toText } from '../io.js';

// xargs splits its input on blanks and newlines, honouring '…', "…" and backslashes.
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\') {
      cur += text[++i] ?? '';
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** `xargs [-0rt] [-n N] [-I STR] [-s N] [-a FILE] [PROG ARGS]` */
export const xargs: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'xargs', argv, { flags: '0rtxpe', args: 'nIsaEL', stopAtOperand: true });
  if (typeof o === 'number') return o;
  const cmd = o.operands.length > 0 ? o.operands : ['echo'];
  const text = toText(stdinToEof(ctx));
  let items = o.has('0') ? text.split('\0').filter((s, i, a) => s !== '' || i < a.length - 1) : splitArgs(text);
  const replace = o.value('I');
  if (replace !== undefined) items = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const eof = o.value('E');
  if (eof !== undefined) {
    const i = items.indexOf(eof);
    if (i !== -1) items = items.slice(0, i);
  }
  if (items.length === 0 && (o.has('r') || replace !== undefined)) return 0;
  const per = replace !== undefined ? 1 : o.value('n') !== undefined ? Math.max(1, Number(o.value('n'))) : Math.max(1, items.length);
  let status = 0;
  for (let i = 0; i === 0 || i < items.length; i += per) {
    const chunk = items.slice(i, i + per);
    const args = replace !== undefined ? cmd.map((w) => w.split(replace).join(chunk[0] ?? '')) : [...cmd, ...chunk];
    if (o.has('t')) ctx.stderr(`${args.join(' ')}\n`);
    const r = runProgram(ctx, args);
    if (typeof r === 'string') {
      errorMsg(ctx, 'xargs', `${args[0] ?? ''}: ${r}`);
      return r === 'Permission denied' ? 126 : 127;
    }
    if (r === 255) {
      errorMsg(ctx, 'xargs', `${args[0] ?? ''}: exited with status 255; aborting`);
      return 124;
    }
    if (r !== 0) status = 123;
    if (items.length === 0) break;
  }
  return status;
};

/** `xargs --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const xargsUsage =
  "\nUsage: xargs [OPTIONS] [PROG ARGS]\n\nRun PROG on every item given by stdin\n\n\t-0\tNUL terminated input\n\t-a FILE\tRead from FILE instead of stdin\n\t-r\tDon't run command if input is empty\n\t-t\tPrint the command on stderr before execution\n\t-p\tAsk user whether to run each command\n\t-E STR,-e[STR]\tSTR stops input processing\n\t-I STR\tReplace STR within PROG ARGS with input line\n\t-n N\tPass no more than N args to PROG\n\t-s N\tPass command line of no more than N bytes\n\t-P N\tRun up to N PROGs in parallel\n\t-x\tExit if size is exceeded\n";
