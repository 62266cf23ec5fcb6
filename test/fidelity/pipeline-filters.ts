// The few host tools the reference pipes docker output through (`| head -3`, `| grep -c …`, `| wc -l`,
// `| cut -c1-160`), emulated on the simulator's output so the pipeline's result can be compared. Only the
// options the reference uses are supported; anything else is reported as not emulated.

/** What a pipeline stage prints and its exit code (the pipeline's exit code is the last stage's). */
export interface FilterResult {
  stdout: string;
  exitCode: number;
}

/** True when `argv` is a filter this module emulates. */
export function isEmulatedFilter(argv: readonly string[]): boolean {
  try {
    parseFilter(argv);
    return true;
  } catch {
    return false;
  }
}

type Filter =
  | { tool: 'head'; count: number }
  | { tool: 'grep'; count: boolean; patterns: string[] }
  | { tool: 'wc-l' }
  | { tool: 'cut'; from: number; to: number };

function parseFilter(argv: readonly string[]): Filter {
  const [tool, ...args] = argv;
  if (tool === 'head' && args.length === 1 && /^-\d+$/.test(args[0]!)) return { tool, count: Number(args[0]!.slice(1)) };
  if (tool === 'wc' && args.length === 1 && args[0] === '-l') return { tool: 'wc-l' };
  if (tool === 'cut' && args.length === 1) {
    const m = /^-c(\d+)-(\d+)$/.exec(args[0]!);
    if (m) return { tool, from: Number(m[1]), to: Number(m[2]) };
  }
  if (tool === 'grep') {
    let count = false;
    const patterns: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-c') count = true;
      else if (args[i] === '-e' && i + 1 < args.length) patterns.push(args[++i]!);
      else if (!args[i]!.startsWith('-') && patterns.length === 0 && i === args.length - 1) patterns.push(args[i]!);
      else throw new Error(`grep option not emulated: ${args[i]}`);
    }
    if (patterns.length > 0 && patterns.every(isSimpleBre)) return { tool, count, patterns };
  }
  throw new Error(`not an emulated filter: ${argv.join(' ')}`);
}

/** Basic regular expressions made of literal characters, `^` and `$` only (all the reference uses). */
function isSimpleBre(pattern: string): boolean {
  // `…`: a shortened ID of the reference, replaced by the simulator's full ID before the filter runs
  return /^\^?[A-Za-z0-9_/:…-]*\$?$/.test(pattern);
}

function breToRegExp(pattern: string): RegExp {
  return new RegExp(pattern);
}

/** Runs one filter over its input, as GNU coreutils / grep would. */
export function runFilter(argv: readonly string[], input: string): FilterResult {
  const filter = parseFilter(argv);
  const lines = input === '' ? [] : input.replace(/\n$/, '').split('\n');
  switch (filter.tool) {
    case 'head':
      return { stdout: lines.slice(0, filter.count).map((l) => `${l}\n`).join(''), exitCode: 0 };
    case 'wc-l':
      return { stdout: `${(input.match(/\n/g) ?? []).length}\n`, exitCode: 0 };
    case 'cut': {
      const enc = new TextEncoder();
      const dec = new TextDecoder();
      // GNU cut -c counts bytes
      const out = lines.map((l) => dec.decode(enc.encode(l).slice(filter.from - 1, filter.to)));
      return { stdout: out.map((l) => `${l}\n`).join(''), exitCode: 0 };
    }
    case 'grep': {
      const res = filter.patterns.map(breToRegExp);
      const hits = lines.filter((l) => res.some((re) => re.test(l)));
      const stdout = filter.count ? `${hits.length}\n` : hits.map((l) => `${l}\n`).join('');
      return { stdout, exitCode: hits.length > 0 ? 0 : 1 };
    }
  }
}
