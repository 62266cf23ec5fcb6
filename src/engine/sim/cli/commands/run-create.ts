// `docker run` and `docker create`: the CLI's checks (TTY, references, ports, env, -v specs) then the daemon's
// (image, names, volumes-from), each error framed the way the 20.10 client frames it for that command, then
// for run: start, attach to the output, wait, and --rm.

import { parseDaemonSignal } from '../../container/signals.js';
import { kvStringsToMap, type MountConfig, parseMountFlag, parsePublishedPorts, resolveVolumeSpecs, validateEnv, validateLocalVolumeName, validateMountConfig } from '../../../../docker-cli/index.js';
import type { Daemon } from '../../daemon.js';
import { DaemonError } from '../../daemon-error.js';
import { createContainer, type MountRequest } from '../../container/create.js';
import { removeContainer, startContainer } from '../../container/lifecycle.js';
import { rfc3339Seconds } from '../format/display.js';
import { familiarRef, lookupImage } from '../image-ref.js';
import { flagBool, flagNumber, flagList, flagString, Output, runStyleError, type CommandContext, type ParsedCommand } from '../command-io.js';
import { followHostPath } from '../../fs/host-path.js';
import { resolvePath } from '../../fs/path.js';
import { daemonSettingsError, healthClientError, platformMismatch } from './create-settings.js';
import { tmpfsFromFlags } from '../../container/tmpfs-mounts.js';
import { CidFile } from './cid-file.js';
import { dnsWarnings, netSettings } from '../../container/net-files.js';
import { attachDetachConflict, devicesError, macAddressError } from './run-client-checks.js';
import { oomScoreAdj } from './resource-settings.js';
import { namespaceConflict, namespaceFlagError, networkOptionError } from './namespace-flags.js';
import { adaptSharedNamespaces, unsimulatedNamespace } from '../../container/namespace-modes.js';

/** Flags the simulator does not model; using one is refused with a pointer to the real engine. */
const NOT_SIMULATED = new Set(['memory', 'cpuset-cpus', 'cpuset-mems', 'cpus', 'cpu-shares', 'gpus', 'restart', 'runtime', 'userns', 'cgroupns', 'link', 'ip', 'ip6', 'mac-address', 'sysctl', 'ulimit', 'security-opt', 'device-cgroup-rule', 'isolation', 'health-cmd', 'init', 'oom-kill-disable', 'pids-limit', 'shm-size', 'storage-opt', 'network-alias', 'env-file', 'label-file', 'detach-keys', 'sig-proxy', 'log-driver', 'log-opt', 'volume-driver']);

/** Of those, the ones whose values docker checks first (create-settings.ts): refused only once they pass. */
const REFUSED_AFTER_CHECKS = new Set(['health-cmd', 'mac-address', 'network-alias', 'memory', 'cpuset-cpus', 'cpuset-mems']);

/** `docker run` / `docker create`. */
export function runOrCreate(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const path = flagString(cmd, 'cidfile');
  const cid = path ? new CidFile(daemon, ctx, path) : null;
  try {
    return runOrCreateWith(daemon, cmd, ctx, cid);
  } finally {
    cid?.close();
  }
}

function runOrCreateWith(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext, cid: CidFile | null): Output {
  const out = new Output();
  const isRun = cmd.name === 'run';
  const name = cmd.typed.join(' ');
  const path = cmd.path;
  // run frames daemon errors as "docker: Error response from daemon: X." (125); create as "Error response from daemon: X" (1).
  const daemonError = (message: string, exitCode = 125) =>
    isRun ? runStyleError(out, path, `Error response from daemon: ${message}`, exitCode) : out.daemon(message);
  const clientError = (message: string) => (isRun ? runStyleError(out, path, message) : out.err(`${message}\n`));

  for (const flag of cmd.flagsSet) {
    // with --network given, the client checks --link and --network-alias against it (namespace-flags.ts)
    if ((flag === 'link' || flag === 'network-alias') && cmd.flagsSet.has('network')) continue;
    if (NOT_SIMULATED.has(flag) && !REFUSED_AFTER_CHECKS.has(flag)) {
      return out.err(`drydock: docker ${name} --${flag} is not simulated; run this with --engine docker\n`, 125);
    }
  }
  const mac = macAddressError(cmd);
  if (mac) return clientError(mac);
  const detach = flagBool(cmd, 'detach');
  const interactive = flagBool(cmd, 'interactive');
  const tty = flagBool(cmd, 'tty');
  // parse(): -a names the streams to attach (stdout and stderr when none is named; -i attaches stdin too)
  const streams = new Set(flagList(cmd, 'attach').map((s) => s.toLowerCase()));
  const attachStdin = !detach && (interactive || streams.has('stdin'));
  const attachStdout = !detach && (streams.size === 0 || streams.has('stdout'));
  const attachStderr = !detach && (streams.size === 0 || streams.has('stderr'));
  // run prints the ID, as a detached run does, when neither output stream is attached, and waits for no status
  const idOnly = isRun && !detach && !attachStdout && !attachStderr;
  if (isRun && attachStdin && tty) return out.err('the input device is not a TTY\n', 1);
  const network = flagString(cmd, 'network') ?? 'default';
  if (!['default', 'bridge', 'none', 'host'].includes(network)) {
    return out.err(`drydock: networks are not simulated (docker ${name} --network ${network}); run this with --engine docker\n`, 125);
  }
  const [imageName = '', ...command] = cmd.args;
  const ref = familiarRef(imageName);
  if ('error' in ref) return clientError(ref.error);
  const ports = parsePublishedPorts(flagList(cmd, 'publish'), flagList(cmd, 'expose'));
  if (!ports.ok) return clientError(ports.error);
  const devices = devicesError(cmd);
  if (devices) return clientError(devices);
  // parseNetworkOpts: an alias needs a user-defined network (which the simulator refuses above)
  if (flagList(cmd, 'network-alias').length > 0) return clientError('network-scoped aliases are only supported for user-defined networks');
  const env: string[] = [];
  for (const raw of flagList(cmd, 'env')) {
    const checked = validateEnv(raw, Object.fromEntries(ctx.env));
    if (!checked.ok) return clientError(checked.error);
    // a name the client's environment lacks goes to the daemon bare, which then unsets it in the container
    if (checked.value !== '') env.push(checked.value);
  }
  const namespaces = namespaceFlagError(cmd);
  if (namespaces) return clientError(namespaces);
  const health = healthClientError(cmd);
  if (health) return runStyleError(out, path, health);
  const networkOption = networkOptionError(cmd);
  if (networkOption) return clientError(networkOption);
  const volumes = resolveVolumeSpecs(flagList(cmd, 'volume'));
  const mounts: MountRequest[] = [];
  const mountConfigs: MountConfig[] = [];
  for (const raw of flagList(cmd, 'mount')) {
    const parsed = parseMountFlag(raw);
    if (!parsed.ok) return clientError(`invalid argument "${raw}" for "--mount" flag: ${parsed.error}`);
    mountConfigs.push(parsed.mount);
  }

  // after parse(), run refuses -a with -d on its own (no "See --help" line, exit 1)
  const conflict = isRun ? attachDetachConflict(cmd) : null;
  if (conflict) return out.err(`${conflict}\n`, 1);

  // the client's createContainer makes the --cidfile before it asks the daemon (a missing folder: run's 127)
  const cidError = cid?.open();
  if (cidError) return isRun ? runStyleError(out, path, cidError.message, cidError.notFound ? 127 : 125) : out.err(`${cidError.message}\n`, 1);

  // the API decodes the request (runconfig's checks of the modes) before the daemon looks at anything
  const modeConflict = namespaceConflict(cmd);
  if (modeConflict) return daemonError(modeConflict);
  // verifyContainerSettings runs before the image lookup: validateContainerConfig (working directory, stop
  // signal, health check), validateHostConfig (--mount specs, capabilities), then the platform's settings
  const workdir = flagString(cmd, 'workdir');
  if (workdir && !workdir.startsWith('/')) return daemonError(`the working directory '${workdir}' is invalid, it needs to be an absolute path`);
  const stopSignal = cmd.flagsSet.has('stop-signal') ? (flagString(cmd, 'stop-signal') ?? '') : null;
  if (stopSignal) {
    const parsed = parseDaemonSignal(stopSignal);
    if ('error' in parsed) return daemonError(parsed.error);
  }
  const mountsError = () => {
    for (const m of mountConfigs) {
      const bad = validateMountConfig(m, (p) => daemon.host.get(followHostPath(daemon.host, p)) !== undefined);
      if (bad) return bad;
    }
    return null;
  };
  const settings = daemonSettingsError(cmd, mountsError);
  if (settings) return daemonError(settings);
  // a container whose IPC or PID namespace is asked for is looked up before the image (seen on 20.10: `create
  // --pid container:missing no-such-image` says No such container)
  let modes: { ipcMode: string; pidMode: string };
  try {
    modes = adaptSharedNamespaces(daemon, flagString(cmd, 'ipc') ?? '', flagString(cmd, 'pid') ?? '', flagBool(cmd, 'privileged'));
  } catch (error) {
    if (error instanceof DaemonError) return daemonError(error.message);
    throw error;
  }
  const image = lookupImage(daemon, imageName);
  // The simulator has no registry, so every missing image is answered as `--pull never` answers it; drydock's
  // real engine always runs with --pull never too, so both engines print the same thing.
  if (!image) return daemonError(`No such image: ${ref.ref}`, 125);
  const platform = platformMismatch(cmd, imageName, image);
  if (platform) return daemonError(platform);
  // host-gateway stands for the daemon's bridge gateway address, which a simulator without networks lacks
  if (flagList(cmd, 'add-host').some((h) => h.endsWith(':host-gateway'))) {
    return out.err(`drydock: docker ${name} --add-host NAME:host-gateway is not simulated; run this with --engine docker\n`, 125);
  }
  for (const flag of REFUSED_AFTER_CHECKS) {
    if (cmd.flagsSet.has(flag)) return out.err(`drydock: docker ${name} --${flag} is not simulated; run this with --engine docker\n`, 125);
  }
  const shared = unsimulatedNamespace(daemon, modes.ipcMode, modes.pidMode, flagString(cmd, 'uts') ?? '');
  if (shared) return out.err(`drydock: docker ${name} --${shared} ${flagString(cmd, shared) ?? ''} is not simulated; run this with --engine docker\n`, 125);
  if (!volumes.ok) {
    for (const volumeName of volumes.madeBefore ?? []) daemon.volumes.create(volumeName, daemon.clock.now(), false, null, null);
    return daemonError(volumes.error);
  }
  for (const spec of volumes.volumes.binds) {
    if (spec.kind === 'bind') {
      mounts.push({ type: 'bind', source: spec.source, destination: spec.destination, readOnly: !spec.rw, mode: spec.mode, createSource: true });
    } else if (spec.kind === 'named') {
      // the daemon records a named volume from -v with the SELinux relabel default "z" (docker-reference.md 4.1)
      mounts.push({ type: 'volume', name: spec.name, destination: spec.destination, readOnly: !spec.rw, mode: spec.mode || 'z', fromBinds: true });
    }
  }
  for (const spec of volumes.volumes.anonymous) {
    mounts.push({ type: 'volume', name: null, destination: spec.destination, readOnly: false, mode: '', configVolume: true, typed: 'typed' in spec ? spec.typed : undefined });
  }
  for (const m of mountConfigs) {
    if (m.Type === 'bind') {
      mounts.push({ type: 'bind', source: m.Source ?? '', destination: m.Target ?? '', readOnly: m.ReadOnly === true, mode: '', createSource: false });
    } else if (m.Type === 'volume') {
      // registerMountPoints creates each named volume as it reaches its mount (the local driver's name check),
      // after its Duplicate mount point check, which createContainer makes
      const taken = mounts.some((x) => !(x.type === 'volume' && x.configVolume) && resolvePath('/', x.destination) === resolvePath('/', m.Target ?? ''));
      const badName = m.Source && !taken ? validateLocalVolumeName(m.Source) : undefined;
      if (badName) return daemonError(badName);
      mounts.push({ type: 'volume', name: m.Source || null, destination: m.Target ?? '', readOnly: m.ReadOnly === true, mode: 'z' });
    } else {
      return out.err(`drydock: --mount type=${m.Type} is not simulated; run this with --engine docker\n`, 125);
    }
  }
  const entrypoint = cmd.flagsSet.has('entrypoint') ? (flagString(cmd, 'entrypoint') ? [flagString(cmd, 'entrypoint') as string] : []) : undefined;
  let container;
  try {
    container = createContainer(daemon, {
      image,
      imageName,
      name: flagString(cmd, 'name') ?? null,
      cmd: command.length ? command : null,
      ...(entrypoint !== undefined ? { entrypoint } : {}),
      env,
      workdir: flagString(cmd, 'workdir') ?? null,
      user: flagString(cmd, 'user') ?? null,
      hostname: flagString(cmd, 'hostname') ?? null,
      domainname: flagString(cmd, 'domainname') ?? null,
      stopSignal: stopSignal || null,
      stopTimeout: cmd.flagsSet.has('stop-timeout') ? (flagNumber(cmd, 'stop-timeout') ?? null) : null,
      tty,
      openStdin: interactive,
      attachStdin,
      attachOutput: !detach,
      attachStdout,
      attachStderr,
      mounts,
      // what the CLI puts in HostConfig.Binds: every -v with a source, as typed (the rest go to Config.Volumes)
      binds: volumes.volumes.binds.map((spec) => spec.raw),
      volumesFrom: flagList(cmd, 'volumes-from'),
      exposedPorts: Object.keys(ports.ports.exposedPorts),
      host: {
        networkMode: network,
        portBindings: ports.ports.portBindings,
        autoRemove: flagBool(cmd, 'rm'),
        privileged: flagBool(cmd, 'privileged'),
        publishAllPorts: flagBool(cmd, 'publish-all'),
        readonlyRootfs: flagBool(cmd, 'read-only'),
        capAdd: flagList(cmd, 'cap-add').length ? flagList(cmd, 'cap-add') : null,
        capDrop: flagList(cmd, 'cap-drop').length ? flagList(cmd, 'cap-drop') : null,
        pidMode: modes.pidMode,
        ipcMode: modes.ipcMode,
        devices: flagList(cmd, 'device'),
        groupAdd: flagList(cmd, 'group-add').length ? flagList(cmd, 'group-add') : null,
        ...(cid ? { containerIdFile: cid.path } : {}),
        ...netSettings((f) => flagList(cmd, f)),
        mounts: mountConfigs.length ? (mountConfigs as unknown as Record<string, unknown>[]) : null,
        tmpfs: tmpfsFromFlags(flagList(cmd, 'tmpfs')),
        oomScoreAdj: oomScoreAdj(cmd),
      },
      labels: kvStringsToMap(flagList(cmd, 'label')),
      autoRemove: flagBool(cmd, 'rm'),
      stdin: interactive ? ctx.stdin : new Uint8Array(0),
    });
  } catch (error) {
    if (error instanceof DaemonError) return daemonError(error.message, isRun ? 125 : 1);
    throw error;
  }
  cid?.write(container.id);
  // the daemon's warnings come back with the create; the client prints them before anything else
  for (const warning of dnsWarnings(container.host)) out.err(`WARNING: ${warning}\n`, 0);
  if (!isRun) return out.out(`${container.id}\n`);

  // attached to stdin (-i, not -d), the client sends its input and then closes the container's stdin, unless it
  // is a terminal that stays open
  const started = startContainer(daemon, container, !detach, interactive && !detach && ctx.stdinIsTerminal !== true);
  // detached, the client prints the new ID before it starts the container, and waits for nothing (no log line
  // about a cancelled wait)
  if ((detach || idOnly) && started.outcome.kind === 'start-failed') out.out(`${container.id}\n`);
  if (started.outcome.kind === 'start-failed' && started.outcome.by === 'daemon') {
    // the daemon resolves USER while it writes the OCI spec, before runc: a plain daemon error, exit 125
    out.err(`docker: Error response from daemon: ${started.outcome.message}.\n`, 125);
    // the client's log line about the wait it gave up (a race on the real client, see below)
    if (!detach) out.err(`time="${rfc3339Seconds(daemon.clock.now())}" level=error msg="error waiting for container: context canceled"\n`, 125);
    if (container.autoRemove) removeContainer(daemon, container, true, true);
    return out;
  }
  if (started.outcome.kind === 'start-failed') {
    const message = `failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${started.outcome.message}: unknown`;
    // An OCI start error is not a usage error: docker prints it without the "See … --help" line.
    out.err(`docker: Error response from daemon: ${message}.\n`, started.outcome.exitCode);
    // The client's log line about the wait it gave up; the real client prints it most of the time (it is a race
    // there, which comparisons ignore: src/runner/normalize/client-races.ts).
    if (started.outcome.exitCode === 127 && !detach) {
      out.err(`time="${rfc3339Seconds(daemon.clock.now())}" level=error msg="error waiting for container: context canceled"\n`, started.outcome.exitCode);
    }
    if (container.autoRemove) removeContainer(daemon, container, true, true);
    return out;
  }
  if (detach) return out.out(`${container.id}\n`);
  if (idOnly) out.out(`${container.id}\n`);
  if (attachStdout) out.out(started.stdout);
  if (attachStderr) out.err(started.stderr, 0);
  if (started.outcome.kind === 'blocked') {
    return out.err(
      `drydock: the container's main process (${[container.path, ...container.args].join(' ')}) keeps running; docker run would wait here until it is stopped. Use docker run -d for a container that keeps running.\n`,
      124,
    );
  }
  if (started.outcome.kind === 'budget') {
    out.err(`drydock: the container's main process ${started.outcome.what} and was killed, as a time limit would kill it\n`, 0);
  }
  const exitCode = idOnly ? 0 : container.state.exitCode;
  if (container.autoRemove) removeContainer(daemon, container, true, true);
  out.exitCode = exitCode;
  return out;
}
