// The simulator as an Engine: a fresh daemon state with the built-in images, docker command lines run in
// process, and the read facet answering from the same in-memory objects the commands use.

import type { CommandInput, CommandResult, DirEntryInfo, Engine, EngineCapabilities, ObjectRef } from '../engine.js';
import { EngineError } from '../../errors/engine-error.js';
import { Daemon, type DaemonOptions } from './daemon.js';
import { installFixtures, type BuiltFixtures } from './fixture-images.js';
import { MountedFs } from './fs/mounted-fs.js';
import { RwLayer } from './layer/rw-layer.js';
import { MergedIndex } from './layer/merged-index.js';
import type { Stat, Vfs } from './fs/vfs.js';
import { runDockerCommand, SIMULATED_COMMANDS } from './cli/sim-cli.js';
import { inspectObject } from './cli/commands/inspect.js';
import { lookupImage } from './cli/image-ref.js';
import { SubtreeBackend } from './fs/subtree-backend.js';
import { runProcess } from './container/process-runner.js';
import { settleContainers } from './container/settle.js';
import { withTimeLimit } from './shell/time-limit.js';
import { jsLimitMessage, jsLimitResult } from './js-limits.js';

/** The base image whose busybox serves host steps. */
const BASE_IMAGE = 'drydock/busybox:1.35';

/** Options of a simulator engine. */
export interface SimEngineOptions extends DaemonOptions {
  fixtures: BuiltFixtures;
  /** the client's working directory on the sandbox host */
  cwd?: string;
  /** the client's environment (for `-e NAME`, `--build-arg NAME`) */
  env?: ReadonlyMap<string, string>;
}

/** `run()`, or a plain drydock message when it stops at one of JavaScript's own limits (js-limits.ts). */
function guarded(run: () => CommandResult): CommandResult {
  try {
    return run();
  } catch (e) {
    const message = jsLimitMessage(e);
    if (message === undefined) throw e;
    return jsLimitResult(message);
  }
}

/** The in-memory Docker engine. */
export class SimEngine implements Engine {
  readonly name = 'sim' as const;
  readonly capabilities: EngineCapabilities = { commands: SIMULATED_COMMANDS, realProcesses: false };
  readonly daemon: Daemon;
  private readonly cwd: string;
  private readonly env: ReadonlyMap<string, string>;

  constructor(options: SimEngineOptions) {
    this.daemon = new Daemon(options);
    installFixtures(this.daemon, options.fixtures);
    this.cwd = options.cwd ?? '/';
    this.env = options.env ?? new Map();
  }

  /** Synchronous form of docker(), for callers that do not need an await per command (benchmarks, the CLI). */
  dockerSync(argv: readonly string[], input: CommandInput = {}): CommandResult {
    const stdin = typeof input.stdin === 'string' ? new TextEncoder().encode(input.stdin) : (input.stdin ?? new Uint8Array(0));
    const run = withTimeLimit(input.timeoutMs, () => guarded(() => runDockerCommand(this.daemon, argv, { stdin, cwd: this.cwd, env: this.env })));
    return run.timedOut ? { ...run.value, timedOut: true } : run.value;
  }

  async docker(argv: readonly string[], input: CommandInput = {}): Promise<CommandResult> {
    return this.dockerSync(argv, input);
  }

  /**
   * A shell script on the sandbox host. The host has no binaries of its own, so the base image's busybox
   * directories are mounted read-only where the host lacks them (a host step runs `mkdir`, `echo`, `cat`).
   */
  async host(script: string, input: CommandInput = {}): Promise<CommandResult> {
    const run = withTimeLimit(input.timeoutMs, () => guarded(() => this.hostSync(script, input)));
    return run.timedOut ? { ...run.value, timedOut: true } : run.value;
  }

  private hostSync(script: string, input: CommandInput): CommandResult {
    settleContainers(this.daemon); // a bind mount shows what a container wrote after its sleep
    const fs = new MountedFs(this.daemon.host, false, () => ({ uid: 0, gid: 0, now: this.daemon.clock.now() }));
    const base = this.daemon.images.byRef(BASE_IMAGE);
    if (base?.layer) {
      const tools = new RwLayer(base.layer.index);
      for (const dir of ['/bin', '/sbin', '/usr/bin', '/usr/sbin']) {
        if (!this.daemon.host.get(dir) && tools.get(dir)) fs.mount(dir, new SubtreeBackend(tools, dir), true);
      }
    }
    let stdout = '';
    let stderr = '';
    const outcome = runProcess(
      fs,
      {
        argv: ['/bin/sh', '-c', script],
        env: [...this.env].map(([k, v]) => `${k}=${v}`),
        cwd: this.cwd,
        user: '',
        hostname: 'drydock-host',
        tty: false,
        stdin: typeof input.stdin === 'string' ? new TextEncoder().encode(input.stdin) : (input.stdin ?? new Uint8Array(0)),
        stdinOpen: false,
        mode: 'exec',
        clock: this.daemon.clock,
        steps: this.daemon.stepBudget,
      },
      (stream, text) => {
        if (stream === 'stdout') stdout += text;
        else stderr += text;
      },
    );
    const exitCode = outcome.kind === 'exited' ? outcome.exitCode : outcome.kind === 'start-failed' ? outcome.exitCode : 124;
    return { exitCode, stdout, stderr };
  }

  async inspect(ref: ObjectRef): Promise<unknown> {
    if (ref.kind === 'host') throw new EngineError('NOT_SIMULATED', 'the host has no inspect object');
    settleContainers(this.daemon);
    const object = inspectObject(this.daemon, ref.kind, ref.name);
    if (!object) throw new EngineError('NOT_SIMULATED', `No such ${ref.kind}: ${ref.name}`);
    return object;
  }

  async stat(ref: ObjectRef, path: string): Promise<Stat | null> {
    return this.view(ref).lstat(path);
  }

  async readFile(ref: ObjectRef, path: string): Promise<Uint8Array> {
    return this.view(ref).readFile(path);
  }

  async readDir(ref: ObjectRef, path: string): Promise<DirEntryInfo[]> {
    const fs = this.view(ref);
    return fs.readdir(path).map((name) => ({ name, stat: fs.lstat(`${path === '/' ? '' : path}/${name}`) as Stat }));
  }

  async dispose(): Promise<void> {}

  /** The filesystem a check looks at. */
  view(ref: ObjectRef): Vfs {
    settleContainers(this.daemon);
    const creator = () => ({ uid: 0, gid: 0, now: this.daemon.clock.now() });
    switch (ref.kind) {
      case 'container':
        return this.daemon.container(ref.name).fs;
      case 'image': {
        const image = lookupImage(this.daemon, ref.name);
        if (!image) throw new EngineError('NOT_SIMULATED', `No such image: ${ref.name}`);
        return new MountedFs(new RwLayer(image.layer?.index ?? MergedIndex.empty()), true, creator);
      }
      case 'volume': {
        const volume = this.daemon.volumes.get(ref.name);
        if (!volume) throw new EngineError('NOT_SIMULATED', `No such volume: ${ref.name}`);
        return new MountedFs(volume.data, true, creator);
      }
      case 'host':
        return new MountedFs(this.daemon.host, false, creator);
    }
  }
}
