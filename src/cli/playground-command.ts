// `drydock playground build|serve [exercises…]`: the exercises as a static site where students type docker
// commands into a terminal on the simulator (in their browser) and watch the checks turn green.

import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import type { SiteResult } from '../playground/build-site.js';
import { findScenarioFiles } from './find-files.js';
import { EXIT, type CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';
import { watchAndRerun } from './watch.js';

/** `drydock playground --help`. */
const PLAYGROUND_USAGE = `Usage: drydock playground build [exercises…] [--out site/]
       drydock playground serve [exercises…] [--port 8080] [--out DIR]

Writes a static folder (no server, no account, no network after load) where each exercise has a terminal on
drydock's simulator running in the browser, its instructions, a file editor, its checks re-run after every
command, and a hand-in button that downloads a submission \`drydock grade\` takes. Opens from index.html on any
static host and from file://. \`serve\` serves the same on 127.0.0.1 and reloads the pages when an exercise
file changes.

Arguments:
  exercises…          exercise files, or folders searched for exercise.yaml (default scenarios/exercises/)

Options:
  -o, --out DIR       where the site is written (build: default site/; serve: default a temporary folder)
  -p, --port N        serve: the port on 127.0.0.1 (default 8080; 0 picks a free one)
  -h, --help          show this help

Examples:
  drydock playground build --out site
  drydock playground build scenarios/exercises/bind-mount-readonly --out course-a/
  drydock playground serve my-course/

Exit codes: 0 built (serve: stopped with Ctrl-C), 2 an exercise with problems, or bad usage.
`;

function summary(site: SiteResult, out: string): string {
  const gzip = site.files.filter((f) => f.path.startsWith('assets/')).reduce((s, f) => s + f.gzip, 0);
  const pages = site.exercises.map((e) => `  ${e.slug}/index.html  ${e.title} (${e.maxScore} points)\n`).join('');
  return `${pages}wrote ${out}/ (${site.exercises.length} exercise${site.exercises.length === 1 ? '' : 's'} and free play; the page's scripts and styles: ${Math.round(gzip / 1024)} KB gzip)\n`;
}


/** The exercise files the paths name: a file as given, a folder's exercise.yaml files. */
function exerciseFiles(paths: readonly string[], cwd: string): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(resolve(cwd, p)).isDirectory();
    } catch {
      // a glob, or a path that names nothing: findScenarioFiles reports it
    }
    const found = findScenarioFiles([p], cwd);
    missing.push(...found.missing);
    const list = found.files.map((f) => f.path).filter((f) => !isDir || basename(f) === 'exercise.yaml');
    if (isDir && list.length === 0 && found.missing.length === 0) missing.push(p);
    files.push(...list);
  }
  return { files: [...new Set(files)].sort(), missing };
}

/** Runs `drydock playground`; returns the exit code. */
export async function playgroundCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') {
    io.stdout(PLAYGROUND_USAGE);
    return EXIT.ok;
  }
  if (sub === undefined) {
    io.stderr(PLAYGROUND_USAGE);
    return EXIT.usage;
  }
  if (sub.startsWith('-')) throw new UsageError(`unknown option ${sub}`, 'playground');
  if (sub !== 'build' && sub !== 'serve') throw new UsageError(`unknown subcommand ${JSON.stringify(sub)} (build or serve)`, 'playground');
  const parsed = parseCommandArgs(`playground ${sub}`, rest, { out: { type: 'string', short: 'o' }, port: { type: 'string', short: 'p' } });
  if (parsed.help) {
    io.stdout(PLAYGROUND_USAGE);
    return EXIT.ok;
  }
  const paths = parsed.positionals.length > 0 ? parsed.positionals : ['scenarios/exercises'];
  const port = parsed.values.port === undefined ? 8080 : Number(parsed.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${JSON.stringify(parsed.values.port)} is not a port number`, `playground ${sub}`);
  // loaded here, not at drydock's start: the builder pulls in marked and (when it bundles) esbuild
  const { buildSite } = await import('../playground/build-site.js');
  const out = parsed.values.out ?? (sub === 'build' ? 'site' : mkdtempSync(join(tmpdir(), 'drydock-playground-')));
  const found = exerciseFiles(paths, io.cwd);
  if (found.missing.length > 0) {
    io.stderr(`drydock playground ${sub}: no exercise found at ${found.missing.join(', ')}\n`);
    return EXIT.usage;
  }
  const files = found.files;
  let site: SiteResult;
  try {
    site = await buildSite({ files, outDir: out, cwd: io.cwd, liveReload: sub === 'serve' });
  } catch (e) {
    io.stderr(`drydock playground ${sub}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
  const shown = relative(io.cwd, resolve(io.cwd, out)) || '.';
  io.stdout(summary(site, shown));
  if (sub === 'build') return EXIT.ok;
  const { serveDirectory } = await import('../playground/serve-site.js');
  const server = await serveDirectory(resolve(io.cwd, out), port);
  io.stdout(`serving ${server.url} (localhost only)\n`);
  try {
    return await watchAndRerun(paths, io, async () => {
      try {
        site = await buildSite({ files: exerciseFiles(paths, io.cwd).files, outDir: out, cwd: io.cwd, liveReload: true, bundles: site.bundles });
        server.reload();
        io.stdout(`rebuilt ${site.exercises.length} exercises; pages reloaded\n`);
        return EXIT.ok;
      } catch (e) {
        io.stderr(`drydock playground serve: ${e instanceof Error ? e.message : String(e)}\n`);
        return EXIT.usage;
      }
    }, EXIT.ok);
  } finally {
    await server.close();
  }
}
