// `read [-r] [-p PROMPT] [-n N] [-d DELIM] [-u FD] [-s] [-t SECS] [NAME]...`, following busybox's
// shell_builtin_read: byte-wise reading up to the delimiter, backslash escapes unless -r, $IFS splitting where
// the last name takes the rest of the line. Reading an open, exhausted stdin waits forever (ProcessBlocked).

import { ProcessBlocked } from '../../process-errors.js';
import type { Shell } from '../shell.js';
import type { Builtin } from './index.js';
import { nextopt } from './nextopt.js';

const SPACE = ' \t\n\v\f\r';

function read(sh: Shell, argv: string[]): number {
  let raw = false;
  let nchars = 0;
  let delim = '\n';
  let fd = 0;
  const i = nextopt(sh, argv, 'read', 'p:n:t:u:d:rs', (c, value = '') => {
    if (c === 'r') raw = true;
    if (c === 'n') nchars = Number.parseInt(value, 10) || 0;
    if (c === 'd') delim = value[0] ?? '\0';
    if (c === 'u') fd = Number.parseInt(value, 10) || 0;
  });
  const names = argv.slice(i);
  for (const n of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) {
      sh.err(`${sh.appletName}: read: '${n}': bad variable name\n`);
      return 1;
    }
  }
  const stream = sh.fds[fd]?.input;
  if (!stream) {
    sh.err(`${sh.appletName}: read error: Bad file descriptor\n`);
    return 1;
  }
  const ifs = sh.vars.get('IFS')?.value ?? ' \t\n';
  const text = new TextDecoder().decode(stream.data);
  let pos = 0;
  let status = 0;
  let buffer = '';
  let startword = 1;
  let backslash = false;
  let count = nchars;
  let ni = 0;
  const assign = (value: string): void => sh.setVar(names[ni] ?? 'REPLY', value);
  for (;;) {
    if (pos >= text.length) {
      if (stream.open) throw new ProcessBlocked('stdin');
      status = 1;
      break;
    }
    const c = text[pos++] ?? '';
    let put = false;
    if (!raw) {
      if (backslash) {
        backslash = false;
        if (c === '\n') continue;
        put = true;
      } else if (c === '\\') {
        backslash = true;
        continue;
      }
    }
    if (!put) {
      if (c === delim) break;
      if (c === '\0') continue;
      if (names.length > 0) {
        const isIfs = ifs.includes(c);
        if (startword && isIfs) {
          if (SPACE.includes(c)) continue;
          startword--;
          if (startword === 1) continue;
        }
        startword = 0;
        if (ni < names.length - 1 && isIfs) {
          assign(buffer);
          ni++;
          buffer = '';
          startword = SPACE.includes(c) ? 2 : 1;
          continue;
        }
      }
    }
    buffer += c;
    if (count > 0 && --count === 0) break;
  }
  stream.data = new TextEncoder().encode(text.slice(pos));
  if (names.length > 0) {
    let end = buffer.length;
    while (end > 0 && SPACE.includes(buffer[end - 1] ?? '') && ifs.includes(buffer[end - 1] ?? '')) end--;
    buffer = buffer.slice(0, end);
    if (end > 0 && ifs.includes(buffer[end - 1] ?? '')) {
      let k = end - 1;
      while (k > 0 && SPACE.includes(buffer[k - 1] ?? '') && ifs.includes(buffer[k - 1] ?? '')) k--;
      const head = buffer.slice(0, k);
      if (![...head].some((ch) => ifs.includes(ch))) buffer = head;
    }
    assign(buffer);
    for (ni++; ni < names.length; ni++) assign('');
  } else assign(buffer);
  return status;
}

/** read. */
export const READ_BUILTINS: [string, Builtin][] = [['read', { special: false, run: read }]];
