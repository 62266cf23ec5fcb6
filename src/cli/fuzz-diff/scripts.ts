// The programs a generated container runs and the Dockerfiles a generated build reads: `sh -c` scripts that
// write, append, remove, link (hard and symbolic), move, chmod and stat files over a small pool of paths, so
// that runs, execs, commits, diffs, exports and builds see overlapping, order-dependent file changes.

import type { Rng } from './rng.js';

const FILES = ['/d/f1', '/d/f2', '/d/x/f3', '/tmp/t1', '/d/h1', '/d/s1'];
const DIRS = ['/d/x', '/d/y', '/tmp/z'];
const BASE_FILES = ['/bin/rev', '/bin/vi', '/bin/watch', '/usr/bin/yes'];
const WORDS = ['alpha', 'beta', 'gamma', 'delta'];

/** One shell command of a script, and the file it leaves behind (if it surely makes one). */
function op(rng: Rng): { text: string; makes?: string } {
  const f = rng.pick(FILES);
  switch (rng.int(0, 12)) {
    case 0:
      return { text: `mkdir -p ${rng.pick(DIRS)}` };
    case 1:
    case 2:
      return { text: `echo ${rng.pick(WORDS)} > ${f}`, makes: f.startsWith('/d/x/') ? undefined : f };
    case 3:
      return { text: `echo ${rng.pick(WORDS)} >> ${f}` };
    case 4:
      return { text: `rm ${rng.chance(0.5) ? '-f ' : ''}${f}` };
    case 5:
      return { text: `ln ${rng.pick(FILES)} ${f}` };
    case 6:
      return { text: `ln -s ${rng.pick(FILES)} ${f}` };
    case 7:
      return { text: `stat -c '%n %s %h %F %a' ${f}` };
    case 8:
      return { text: `cat ${f}` };
    case 9:
      return { text: `ls ${rng.pick(['/d', '/d/x', '/tmp'])}` };
    case 10:
      return { text: `rm ${rng.chance(0.5) ? '-r ' : ''}${rng.chance(0.5) ? rng.pick(DIRS) : rng.pick(BASE_FILES)}` };
    case 11:
      return { text: `chmod ${rng.pick(['600', '755', '444'])} ${f}` };
    default:
      return { text: `mv ${f} ${rng.pick(FILES)}` };
  }
}

/** A script of 2-6 commands and the files it surely leaves (the last write wins unless later removed). */
export function fileScript(rng: Rng): { script: string; files: string[] } {
  const ops = Array.from({ length: rng.int(2, 6) }, () => op(rng));
  const text = ['mkdir -p /d', ...ops.map((o) => o.text)].join('; ');
  // a file is known to exist only when it is written by the last command that names it
  const files = ops.flatMap((o, i) => (o.makes !== undefined && !ops.slice(i + 1).some((later) => later.text.includes(o.makes!)) ? [o.makes] : []));
  return { script: text, files: [...new Set(files)] };
}

/** A Dockerfile over the given parent and context files; `broken` makes one instruction fail. */
export function dockerfile(rng: Rng, from: string, contextFiles: readonly string[], broken: boolean): string {
  const lines = [`FROM ${from}`];
  const count = rng.int(1, 4);
  for (let i = 0; i < count; i++) {
    switch (rng.int(0, 7)) {
      case 0:
      case 1:
        // a valid build must succeed whatever the random script's last command says (the model relies on it)
        lines.push(`RUN ${fileScript(rng).script}; true`);
        break;
      case 2:
        lines.push(`COPY ${rng.pick(contextFiles)} /d/`);
        break;
      case 3:
        lines.push(`ENV ${rng.pick(['A', 'B'])}=${rng.pick(WORDS)}`);
        break;
      case 4:
        lines.push(`WORKDIR ${rng.pick(['/d', '/w', '/d/x'])}`);
        break;
      case 5:
        lines.push(`LABEL fuzz=${rng.pick(WORDS)}`);
        break;
      case 6:
        lines.push(`VOLUME ${rng.pick(['/data', '/d/v'])}`);
        break;
      default:
        lines.push(`CMD ["sh", "-c", "echo ${rng.pick(WORDS)}"]`);
    }
  }
  if (broken) {
    lines.splice(
      rng.int(1, lines.length),
      0,
      rng.pick(['RUN false', 'COPY missing.txt /d/', 'BOGUS instruction', 'RUN exit 3', 'WORKDIR']),
    );
  }
  return `${lines.join('\n')}\n`;
}
