// busybox grep/egrep/fgrep: BRE by default, -E/-F, -i -v -w -x -c -l -L -n -o -q -s -h -H -r -m -A -B -C -e -f;
// "file:" prefixes for several inputs or -r; exit 0 on a match, 1 on none, 2 when a file could not be read.

import { basename } from '../../fs/path.js';
import { readPath, toText } from '../io.js';
import type { ProcessContext } from '../process.js';
import { abs, chargeStep, endOfInput, errorMsg, isStdinPath, missingError, perrorMsg, readOperand, takeStdin } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import type { Opts } from './lib/getopt.js';
import { compilePosix, RegexError } from './lib/posix-regex.js';
import { allMatches, makePosixRegex } from '../../../../regex/make-regex.js';
import { showUsage } from './lib/usage.js';

class QuitMatch {}

interface Matcher {
  test(line: string): boolean;
  /** the matching parts, for -o */
  parts(line: string): string[];
}

function buildMatcher(patterns: string[], o: Opts, extended: boolean): Matcher {
  const icase = o.has('i');
  const word = o.has('w');
  const whole = o.has('x');
  const regexes = patterns.map((p) => {
    let src = o.has('F') ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : compilePosix(p, extended).source;
    if (whole) src = `^(?:${src})$`;
    else if (word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
    return makePosixRegex(src, icase ? 'gi' : 'g');
  });
  return {
    test: (line) =>
      regexes.some((re) => {
        re.lastIndex = 0;
        return re.test(line);
      }),
    parts: (line) => {
      const out: { at: number; text: string }[] = [];
      for (const re of regexes) {
        re.lastIndex = 0;
        for (const m of allMatches(re, line)) if (m[0] !== '') out.push({ at: m.index ?? 0, text: m[0] });
      }
      return out.sort((a, b) => a.at - b.at).map((p) => p.text);
    },
  };
}

/** `grep [-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...` */
export function grep(ctx: ProcessContext, argv: string[]): number {
  const applet = basename(argv[0] ?? 'grep');
  const o = getopt(ctx, 'grep', argv, { flags: 'HhnlLoqvsrRiwxFEzc', args: 'mABCef', usageStatus: 2 });
  if (typeof o === 'number') return o;
  const patterns: string[] = [];
  for (const e of o.values('e')) patterns.push(...e.split('\n'));
  for (const f of o.values('f')) {
    try {
      // an empty file is no pattern at all (nothing matches); an empty line is the empty pattern
      const text = toText(readOperand(ctx, f));
      if (text !== '') patterns.push(...text.replace(/\n$/, '').split('\n'));
    } catch (e) {
      perrorMsg(ctx, 'grep', f, e);
      return 2;
    }
  }
  const operands = [...o.operands];
  if (o.values('e').length === 0 && o.values('f').length === 0) {
    const p = operands.shift();
    if (p === undefined) return showUsage(ctx, 'grep', undefined, 2);
    patterns.push(...p.split('\n'));
  }
  const extended = o.has('E') || applet === 'egrep';
  let matcher: Matcher;
  try {
    matcher = buildMatcher(patterns, applet === 'fgrep' ? withF(o) : o, extended);
  } catch (e) {
    if (!(e instanceof RegexError)) throw e;
    errorMsg(ctx, 'grep', `bad regex '${patterns[0] ?? ''}'`);
    return 2;
  }
  let printName = operands.length > 1;
  if (o.has('H')) printName = true;
  if (o.has('h')) printName = false;
  const g = new Grepper(ctx, o, matcher);
  let matched = false;
  let openErrors = false;
  try {
    const files = operands.length === 0 ? ['-'] : operands;
    for (const file of files) {
      if (file === '-' || isStdinPath(ctx, file)) {
        matched = g.grepText(toText(takeStdin(ctx)), file === '-' ? '(standard input)' : file, printName) || matched;
        endOfInput(ctx);
        continue;
      }
      const st = ctx.fs.stat(abs(ctx, file));
      if ((o.has('r') || o.has('R')) && st?.kind === 'dir') {
        const r = g.grepDir(file, !o.has('h'));
        matched = r.matched || matched;
        openErrors = r.errors || openErrors;
        continue;
      }
      if (!st) {
        if (!o.has('s')) errorMsg(ctx, 'grep', `${file}: ${missingError(ctx, file)}`);
        openErrors = true;
        continue;
      }
      if (st.kind === 'dir') continue;
      matched = g.grepText(toText(readPath(ctx, file)), file, printName) || matched;
    }
  } catch (e) {
    if (e instanceof QuitMatch) return 0;
    throw e;
  }
  if (openErrors) return 2;
  return matched ? 0 : 1;
}

function withF(o: Opts): Opts {
  o.list.push(['F', true]);
  return o;
}

class Grepper {
  constructor(
    private readonly ctx: ProcessContext,
    private readonly o: Opts,
    private readonly m: Matcher,
  ) {}

  grepDir(dir: string, printName: boolean): { matched: boolean; errors: boolean } {
    let matched = false;
    let errors = false;
    let names: string[];
    try {
      names = this.ctx.fs.readdir(abs(this.ctx, dir));
    } catch {
      return { matched, errors: true };
    }
    for (const name of names) {
      const path = dir.endsWith('/') ? dir + name : `${dir}/${name}`;
      const st = this.o.has('R') ? this.ctx.fs.stat(abs(this.ctx, path)) : this.ctx.fs.lstat(abs(this.ctx, path));
      if (!st) continue;
      if (st.kind === 'dir') {
        const r = this.grepDir(path, printName);
        matched = r.matched || matched;
        errors = r.errors || errors;
      } else if (st.kind === 'file') {
        matched = this.grepText(toText(this.ctx.fs.readFile(abs(this.ctx, path))), path, printName) || matched;
      }
    }
    return { matched, errors };
  }

  grepText(text: string, name: string, printName: boolean): boolean {
    const o = this.o;
    const invert = o.has('v');
    const max = o.value('m') === undefined ? Infinity : Number(o.value('m'));
    const after = Number(o.value('A') ?? o.value('C') ?? 0);
    const before = Number(o.value('B') ?? o.value('C') ?? 0);
    // -z: records end with NUL, in and out
    const eol = o.has('z') ? '\0' : '\n';
    const lines = text.split(eol);
    if (lines[lines.length - 1] === '') lines.pop();
    let count = 0;
    let out = '';
    let afterLeft = 0;
    let lastPrinted = -1;
    const prefix = (n: number, sep: string): string => (printName ? `${name}${sep}` : '') + (o.has('n') ? `${n + 1}${sep}` : '');
    for (let i = 0; i < lines.length; i++) {
      chargeStep(this.ctx, 0.001);
      const line = lines[i] ?? '';
      const hit = this.m.test(line) !== invert;
      if (hit && count < max) {
        count++;
        if (o.has('q')) throw new QuitMatch();
        if (o.has('l') || o.has('L') || o.has('c')) continue;
        if (before > 0) {
          if (lastPrinted >= 0 && i - before > lastPrinted + 1) out += '--\n';
          for (let j = Math.max(lastPrinted + 1, i - before); j < i; j++) out += `${prefix(j, '-')}${lines[j] ?? ''}${eol}`;
        } else if (after > 0 && lastPrinted >= 0 && i > lastPrinted + 1) out += '--\n';
        if (o.has('o')) {
          if (!invert) for (const p of this.m.parts(line)) out += `${prefix(i, ':')}${p}${eol}`;
        } else out += `${prefix(i, ':')}${line}${eol}`;
        lastPrinted = i;
        afterLeft = after;
      } else if (afterLeft > 0 && !(o.has('l') || o.has('L') || o.has('c'))) {
        out += `${prefix(i, '-')}${line}${eol}`;
        lastPrinted = i;
        afterLeft--;
      }
      if (count >= max && afterLeft === 0) break;
    }
    if (o.has('c')) out += `${printName ? `${name}:` : ''}${count}\n`;
    if (o.has('l') && count > 0) out += `${name}\n`;
    if (o.has('L') && count === 0) out += `${name}\n`;
    this.ctx.stdout(out);
    if (o.has('L')) return count === 0;
    return count > 0;
  }
}

/** `grep --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const grepUsage =
  "\nUsage: grep [-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n\nSearch for PATTERN in FILEs (or stdin)\n\n\t-H\tAdd 'filename:' prefix\n\t-h\tDo not add 'filename:' prefix\n\t-n\tAdd 'line_no:' prefix\n\t-l\tShow only names of files that match\n\t-L\tShow only names of files that don't match\n\t-c\tShow only count of matching lines\n\t-o\tShow only the matching part of line\n\t-q\tQuiet. Return 0 if PATTERN is found, 1 otherwise\n\t-v\tSelect non-matching lines\n\t-s\tSuppress open and read errors\n\t-r\tRecurse\n\t-R\tRecurse and dereference symlinks\n\t-i\tIgnore case\n\t-w\tMatch whole words only\n\t-x\tMatch whole lines only\n\t-F\tPATTERN is a literal (not regexp)\n\t-E\tPATTERN is an extended regexp\n\t-z\tNUL terminated input\n\t-m N\tMatch up to N times per file\n\t-A N\tPrint N lines of trailing context\n\t-B N\tPrint N lines of leading context\n\t-C N\tSame as '-A N -B N'\n\t-e PTRN\tPattern to match\n\t-f FILE\tRead pattern from file\n";
