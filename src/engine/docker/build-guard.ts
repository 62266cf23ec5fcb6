// Which images a `docker build` will ask the daemon for. The legacy builder pulls a FROM (or COPY --from) image it
// does not have, and no registry may be contacted, so the engine checks these exist before it lets a build run.

import { readTar } from '../../tar/tar.js';
import { parseDockerArgv, type ParsedCommand } from '../../docker-cli/index.js';

/** What the guard could find out about a build command line. */
export type BuildSource =
  | { kind: 'dockerfile'; text: string; buildArgs: Record<string, string> }
  /** the Dockerfile cannot be read here: docker will report that itself */
  | { kind: 'unknown' }
  /** a URL or git context: would need the network */
  | { kind: 'remote'; context: string };

/** Finds the Dockerfile of a `docker build` (argv, or its parse); `readText` returns null for a missing file. */
export function buildSource(
  line: readonly string[] | ParsedCommand,
  stdin: string | Uint8Array | undefined,
  readText: (path: string) => string | null,
): BuildSource {
  let command: ParsedCommand;
  if (Array.isArray(line)) {
    const parsed = parseDockerArgv(line, { env: process.env });
    if (!parsed.ok) return { kind: 'unknown' };
    command = parsed.command;
  } else command = line as ParsedCommand;
  const context = command.args[0];
  if (command.name !== 'build' || context === undefined) return { kind: 'unknown' };
  if (/^(https?:\/\/|git@|git:\/\/|github\.com\/)/u.test(context)) return { kind: 'remote', context };
  const buildArgs: Record<string, string> = {};
  const fileFlag = command.flags['file'];
  const file = command.flagsSet.has('file') && typeof fileFlag === 'string' ? fileFlag : undefined;
  const given = command.flags['build-arg'];
  for (const value of Array.isArray(given) ? given : []) {
    const equals = value.indexOf('=');
    // `--build-arg NAME` alone takes the value from the environment, as docker does
    if (equals === -1) buildArgs[value] = process.env[value] ?? '';
    else buildArgs[value.slice(0, equals)] = value.slice(equals + 1);
  }
  let text: string | null;
  if (file === '-' || (context === '-' && stdin !== undefined && !looksLikeTar(stdin))) {
    text = stdin === undefined ? null : typeof stdin === 'string' ? stdin : new TextDecoder().decode(stdin);
  } else if (context === '-') {
    if (stdin === undefined) return { kind: 'unknown' };
    const wanted = (file ?? 'Dockerfile').replace(/^\.\//u, '');
    const entry = readTar(toBytes(stdin)).find((e) => e.path.replace(/^\.\//u, '') === wanted && e.type === 'file');
    text = entry === undefined ? null : new TextDecoder().decode(entry.data);
  } else {
    text = readText(file ?? `${context.replace(/\/+$/u, '')}/Dockerfile`);
  }
  return text === null ? { kind: 'unknown' } : { kind: 'dockerfile', text, buildArgs };
}

/** The images a Dockerfile's FROM and COPY --from lines name, other than its own stages and scratch. */
export function requiredImages(dockerfile: string, buildArgs: Readonly<Record<string, string>>): string[] {
  const args: Record<string, string> = {};
  const stages: string[] = [];
  const images = new Set<string>();
  let seenFrom = false;
  for (const line of instructions(dockerfile)) {
    const [keyword = '', ...words] = line.split(/\s+/u);
    const upper = keyword.toUpperCase();
    if (upper === 'ARG' && !seenFrom) {
      for (const word of words) {
        const equals = word.indexOf('=');
        const key = equals === -1 ? word : word.slice(0, equals);
        args[key] = buildArgs[key] ?? (equals === -1 ? '' : unquote(word.slice(equals + 1)));
      }
    } else if (upper === 'FROM') {
      seenFrom = true;
      const operands = words.filter((word) => !word.startsWith('--'));
      const image = substitute(operands[0] ?? '', args);
      if (image !== '' && image.toLowerCase() !== 'scratch' && !stages.includes(image.toLowerCase())) images.add(image);
      if (operands[1]?.toUpperCase() === 'AS' && operands[2] !== undefined) stages.push(operands[2].toLowerCase());
      else stages.push(String(stages.length));
    } else if (upper === 'COPY') {
      const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
      if (from !== undefined && !stages.includes(from.toLowerCase()) && !/^\d+$/u.test(from)) images.add(from);
    }
  }
  return [...images];
}

// logical lines: continuations joined, comments and blank lines dropped, the escape directive honoured
function instructions(dockerfile: string): string[] {
  const lines = dockerfile.split(/\r?\n/u);
  const directive = /^#\s*escape\s*=\s*([\\`])\s*$/iu.exec(lines[0] ?? '');
  const escape = directive?.[1] ?? '\\';
  const out: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.trim();
    // docker skips comment and blank lines inside a continuation too
    if (line.startsWith('#') || line === '') continue;
    if (line.endsWith(escape)) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    out.push((current + line).trim());
    current = '';
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

function substitute(word: string, args: Readonly<Record<string, string>>): string {
  return word.replace(/\$\{(\w+)(?::?([-+])([^}]*))?\}|\$(\w+)/gu, (_, braced?: string, op?: string, alt?: string, bare?: string) => {
    const value = args[(braced ?? bare)!];
    if (op === '-') return value !== undefined && value !== '' ? value : (alt ?? '');
    if (op === '+') return value !== undefined && value !== '' ? (alt ?? '') : '';
    return value ?? '';
  });
}

function unquote(value: string): string {
  return /^(["']).*\1$/u.test(value) ? value.slice(1, -1) : value;
}

function looksLikeTar(input: string | Uint8Array): boolean {
  const bytes = toBytes(input);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return true;
  return new TextDecoder().decode(bytes.subarray(257, 262)) === 'ustar';
}

function toBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
}
