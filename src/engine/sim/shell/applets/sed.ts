// busybox sed, the commonly used part: -n -e -f -i -E/-r -s; addresses (N, $, /RE/, \cREc, A,B, A,+N, !);
// commands s y d D p P q = a i c n N g G h H x b t T : { } l (a no-op in 1.35) w r. POSIX regexes are
// translated to JavaScript (see posix-regex.ts). A file's last line without a newline is printed without
// one, and whatever is printed after it starts with the missing newline (puts_maybe_newline).

import { readPath, toBytes, toText } from '../io.js';
import type { Applet } from './lib/common.js';
import { abs, errorMsg, perrorMsg, stdinToEof } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { SedError, Script } from './lib/sed-script.js';
import { showUsage } from './lib/usage.js';
import { Runner, splitInput } from './lib/sed-runner.js';
import type { SedLine } from './lib/sed-runner.js';

/** `sed [-inrsE] [-f FILE]... [-e CMD]... [FILE]...` */
export const sed: Applet = (ctx, argv) => {
  // -i takes an optional attached suffix (-i.bak), never a separate argument.
  let suffix = '';
  const args = argv.map((a, i) => {
    const m = i > 0 ? /^(?:-i|--in-place=)(.+)$/.exec(a) : null;
    if (!m) return a;
    suffix = m[1] ?? '';
    return '-i';
  });
  // getopt32long "i::rEne:*f:*": no -s, -z, --posix or --debug in 1.35
  const o = getopt(ctx, 'sed', args, { flags: 'nrEi', args: 'ef', long: { quiet: { key: 'n' }, silent: { key: 'n' }, expression: { key: 'e', arg: true }, file: { key: 'f', arg: true }, 'in-place': { key: 'i' }, 'regexp-extended': { key: 'E' } } });
  if (typeof o === 'number') return o;
  const operands = [...o.operands];
  const pieces: string[] = [];
  for (const [k, v] of o.list) {
    if (k === 'e' && typeof v === 'string') pieces.push(v);
    if (k === 'f' && typeof v === 'string') {
      try {
        pieces.push(toText(readPath(ctx, v)).replace(/\n$/, ''));
      } catch (e) {
        perrorMsg(ctx, 'sed', `can't open '${v}'`, e);
        return 1;
      }
    }
  }
  if (pieces.length === 0) {
    const first = operands.shift();
    if (first === undefined) return showUsage(ctx, 'sed');
    pieces.push(first);
  }
  const script = new Script(o.has('r') || o.has('E'));
  try {
    script.parse(pieces.join('\n'));
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    errorMsg(ctx, 'sed', e.message);
    return 1;
  }
  const inPlace = o.list.some(([k]) => k === 'i');
  let status = 0;
  const process = (input: SedLine[]): string => {
    const r = new Runner(ctx, script.cmds, o.has('n'));
    try {
      r.run(input);
    } catch (e) {
      if (!(e instanceof SedError)) throw e;
      errorMsg(ctx, 'sed', e.message);
      status = 1;
    }
    return r.out.join('');
  };
  if (inPlace) {
    if (operands.length === 0) {
      ctx.stderr('sed: -i requires an argument\n');
      return 1;
    }
    for (const f of operands) {
      let text: string;
      try {
        text = toText(readPath(ctx, f));
      } catch (e) {
        perrorMsg(ctx, 'sed', f, e);
        status = 1;
        continue;
      }
      const out = process(splitInput(text));
      // with a suffix the original is renamed to FILE+SUFFIX before the edited copy takes its name
      if (suffix !== '') ctx.fs.writeFile(abs(ctx, `${f}${suffix}`), toBytes(text));
      ctx.fs.writeFile(abs(ctx, f), toBytes(out));
    }
    return status;
  }
  const input: SedLine[] = [];
  for (const f of operands.length === 0 ? ['-'] : operands) {
    if (f === '-') input.push(...splitInput(toText(stdinToEof(ctx))));
    else {
      try {
        input.push(...splitInput(toText(readPath(ctx, f))));
      } catch (e) {
        perrorMsg(ctx, 'sed', f, e);
        status = 1;
      }
    }
  }
  ctx.stdout(process(input));
  return status;
};

/** `sed --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const sedUsage =
  "\nUsage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...\n\n\t-e CMD\tAdd CMD to sed commands to be executed\n\t-f FILE\tAdd FILE contents to sed commands to be executed\n\t-i[SFX]\tEdit files in-place (otherwise write to stdout)\n\t\tOptionally back files up, appending SFX\n\t-n\tSuppress automatic printing of pattern space\n\t-r,-E\tUse extended regex syntax\n\nIf no -e or -f, the first non-option argument is the sed command string.\nRemaining arguments are input files (stdin if none).\n";
