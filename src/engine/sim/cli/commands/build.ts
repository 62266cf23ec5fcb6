// `docker build` as the 20.10 client runs it with the legacy builder: the client's checks of its flags and
// context (its own error texts, exit 125 or 1), the context read from a folder, a tar or stdin, then the build.

import { BuildContext, ContextError } from '../../builder/build-context.js';
import { MountedFs } from '../../fs/mounted-fs.js';
import { build } from '../../builder/builder.js';
import type { Daemon } from '../../daemon.js';
import { resolvePath } from '../../fs/path.js';
import { lookupImage, familiarRef } from '../image-ref.js';
import { validateBuildTag } from '../../../../docker-cli/index.js';
import { flagBool, flagList, flagString, Output, type CommandContext, type ParsedCommand } from '../command-io.js';
import { followHostPath } from '../../fs/host-path.js';
import { HOST_PLATFORM, parsePlatform } from '../../builder/platform-spec.js';
import { TarFormatError } from '../../../../tar/tar-error.js';
import { UnpackError } from '../../layer/unpack-layer.js';
import { goClean } from '../../archive/untar.js';

/** `docker build`. */
export function buildImage(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const tags: string[] = [];
  for (const t of flagList(cmd, 'tag')) {
    const bad = validateBuildTag(t);
    if (bad) return out.err(`${bad}\nSee 'docker build --help'.\n`, 125);
    const r = familiarRef(t);
    // the client sends each name once, in the order first given
    if ('ref' in r && !tags.includes(r.ref)) tags.push(r.ref);
  }
  for (const flag of ['network', 'secret', 'ssh', 'output', 'squash']) {
    if (cmd.flagsSet.has(flag) && !(flag === 'network' && flagString(cmd, flag) === 'none')) {
      return out.err(`drydock: docker build --${flag} is not simulated; run this with --engine docker\n`, 125);
    }
  }
  // the daemon's own platform builds as without the flag; another one would need its images (a pull)
  const platform = flagString(cmd, 'platform') || null;
  const wanted = platform === null ? null : parsePlatform(platform);
  if (wanted && !('error' in wanted) && (wanted.os !== HOST_PLATFORM.os || wanted.arch !== HOST_PLATFORM.arch || wanted.variant !== HOST_PLATFORM.variant)) {
    return out.err(`drydock: docker build --platform ${platform} is not simulated (its images are ${HOST_PLATFORM.os}/${HOST_PLATFORM.arch}); run this with --engine docker\n`, 125);
  }
  const where = cmd.args[0] ?? '';
  const file = flagString(cmd, 'file');
  const dockerfileFromStdin = file === '-';
  if (dockerfileFromStdin && where === '-') return out.err(`invalid argument: can't use stdin for both build context and dockerfile\n`, 1);
  // the client removes a stale --iidfile before it builds, and writes the new ID only when the build succeeded
  const iidfile = flagString(cmd, 'iidfile');
  const host = new MountedFs(daemon.host, false, () => ({ uid: 0, gid: 0, now: daemon.clock.now() }));
  if (iidfile) {
    const at = resolvePath(ctx.cwd, iidfile);
    if (host.lstat(at)?.kind === 'file') host.unlink(at);
  }
  let context: BuildContext;
  let dockerfileText: string;
  let dockerfileName = file ?? 'Dockerfile';
  let missingDockerfile: string | null = null;
  if (where === '-' && BuildContext.isArchive(ctx.stdin)) {
    try {
      context = BuildContext.fromArchive(ctx.stdin);
    } catch (error) {
      if (error instanceof TarFormatError || error instanceof UnpackError) return out.err(`drydock: docker build - could not read the archive on stdin (${error.message}); run this with --engine docker\n`, 125);
      throw error;
    }
    // the daemon looks for -f (default Dockerfile) inside the archive
    const df = context.get(`/${goClean(dockerfileName).replace(/^\/+/, '')}`);
    dockerfileText = df?.kind === 'file' ? new TextDecoder().decode(df.data) : '';
    if (df?.kind !== 'file') missingDockerfile = `Cannot locate specified Dockerfile: ${dockerfileName}`;
  } else if (where === '-') {
    context = BuildContext.single('Dockerfile', ctx.stdin);
    dockerfileText = new TextDecoder().decode(ctx.stdin);
    dockerfileName = 'Dockerfile';
  } else if (/^(https?|git):\/\/|^github\.com\//.test(where)) {
    return out.err(`drydock: building from ${where} needs a network, which the simulator does not have; use --engine docker\n`, 1);
  } else {
    // the CLI evaluates the context's and the Dockerfile's symlinks (inside the host root here, as a chroot would)
    const root = followHostPath(daemon.host, resolvePath(ctx.cwd, where));
    const rootEntry = daemon.host.get(root);
    if (!rootEntry || rootEntry.kind !== 'dir') return out.err(`unable to prepare context: path "${where}" not found\n`, 1);
    let relative: string | null = null;
    if (dockerfileFromStdin) {
      dockerfileText = new TextDecoder().decode(ctx.stdin);
    } else {
      // without -f: Dockerfile, else dockerfile when only that one exists (the CLI's getDockerfileRelPath)
      let dfPath = file ? resolvePath(ctx.cwd, file) : `${root === '/' ? '' : root}/Dockerfile`;
      if (!file && !daemon.host.get(dfPath) && daemon.host.get(`${root === '/' ? '' : root}/dockerfile`)) dfPath = `${root === '/' ? '' : root}/dockerfile`;
      const df = daemon.host.get(followHostPath(daemon.host, dfPath));
      if (!df || df.kind !== 'file') {
        return out.err(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dfPath}: no such file or directory\n`, 1);
      }
      const dfReal = followHostPath(daemon.host, dfPath);
      relative = dfReal.startsWith(`${root}/`) || root === '/' ? dfReal.slice(root === '/' ? 1 : root.length + 1) : null;
      dockerfileText = new TextDecoder().decode(df.data);
    }
    try {
      context = BuildContext.fromBackend(daemon.host, root, relative, dockerfileFromStdin);
    } catch (error) {
      if (error instanceof ContextError) return out.err(`error checking context: ${error.message}\n`, 1);
      throw error;
    }
    if (dockerfileFromStdin) {
      // build.AddDockerfileToBuildContext's ".dockerfile." and 20 hex digits of a random ID
      dockerfileName = `.dockerfile.${daemon.ids.next('container').slice(0, 20)}`;
      context = context.withStdinDockerfile(ctx.stdin, dockerfileName);
    }
  }
  const buildArgs = new Map<string, string | null>();
  for (const arg of flagList(cmd, 'build-arg')) {
    const eq = arg.indexOf('=');
    if (eq === -1) {
      const v = ctx.env.get(arg);
      // unset in the client's environment: sent without a value (still reported when no ARG uses it)
      buildArgs.set(arg, v ?? null);
    } else buildArgs.set(arg.slice(0, eq), arg.slice(eq + 1));
  }
  const result = build(daemon, {
    context,
    dockerfileName: dockerfileName.split('/').pop() ?? dockerfileName,
    dockerfileText,
    tags,
    buildArgs,
    noCache: flagBool(cmd, 'no-cache'),
    ...(cmd.flagsSet.has('network') ? { network: flagString(cmd, 'network') ?? 'none' } : {}),
    rm: flagBool(cmd, 'rm'),
    forceRm: flagBool(cmd, 'force-rm'),
    quiet: flagBool(cmd, 'quiet'),
    labels: Object.fromEntries(flagList(cmd, 'label').map((l) => [l.split('=')[0] ?? l, l.includes('=') ? l.slice(l.indexOf('=') + 1) : ''])),
    target: flagString(cmd, 'target') ?? null,
    cacheFrom: cmd.flagsSet.has('cache-from') ? flagList(cmd, 'cache-from') : null,
    refusal: wanted && 'error' in wanted ? wanted.error : missingDockerfile,
    resolveImage: (name) => lookupImage(daemon, name),
  });
  out.out(result.stdout);
  out.err(result.stderr, result.exitCode);
  if (iidfile && result.image) host.writeFile(resolvePath(ctx.cwd, iidfile), new TextEncoder().encode(result.image.id));
  return out;
}
