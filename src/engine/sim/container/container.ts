// A container as the daemon keeps it: its config, host config, mounts, state, logs and the filesystem its
// processes see (the container layer over the image's layers, plus mounts).

import type { NetSettings } from './net-files.js';
import type { MountedFs } from '../fs/mounted-fs.js';
import type { ContainerConfig } from '../image/config.js';
import type { Layer } from '../layer/layer.js';
import type { RwLayer } from '../layer/rw-layer.js';
import type { PidNamespace } from '../shell/pid-namespace.js';

/** The lifecycle states Docker reports. */
export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** Docker's container State. */
export interface ContainerState {
  status: ContainerStatus;
  pid: number;
  exitCode: number;
  error: string;
  startedAt: number | null;
  finishedAt: number | null;
}

/** One entry of `Mounts` in `docker inspect`. */
export interface MountPoint {
  type: 'bind' | 'volume';
  /** volume name (volumes only) */
  name?: string;
  /** host path for binds; /var/lib/docker/volumes/<name>/_data for volumes */
  source: string;
  destination: string;
  mode: string;
  rw: boolean;
  /**
   * true when the mount's spec named no source (image VOLUME, `-v /path`, or inherited from such a mount by
   * --volumes-from): only those volumes go with `rm -v`/`--rm`; a volume named in `-v name:/x` never does.
   */
  anonymous: boolean;
}

/** The flags of `docker run`/`create` that end up in HostConfig (the DNS and hosts ones: NetSettings). */
export interface HostOptions extends NetSettings {
  binds: string[] | null;
  networkMode: string;
  portBindings: Record<string, { HostIp: string; HostPort: string }[]>;
  autoRemove: boolean;
  volumesFrom: string[] | null;
  privileged: boolean;
  publishAllPorts: boolean;
  readonlyRootfs: boolean;
  capAdd: string[] | null;
  capDrop: string[] | null;
  pidMode: string;
  devices: string[];
  /** --cidfile as given (absent: none, or a state saved before it was kept) */
  containerIdFile?: string;
  /** --group-add as given (absent in states saved before it was kept) */
  groupAdd?: string[] | null;
  /** `--mount` specs, kept for inspect */
  mounts: Record<string, unknown>[] | null;
  /** HostConfig.Tmpfs: --tmpfs destinations and their options (tmpfs-mounts.ts); absent or null when none */
  tmpfs?: Record<string, string> | null;
  /** --ipc as the daemon keeps it (namespace-modes.ts); absent in states saved before it was kept: private */
  ipcMode?: string;
  /** --oom-score-adj: what every process of the container reads in /proc/PID/oom_score_adj */
  oomScoreAdj?: number;
}

/** One chunk of a container's output, in order. */
export interface LogChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/**
 * A main process asleep past the present: its `sleeps`-th sleep (counted from its start) ends at `deadline`
 * (ms since the epoch). Plain data, so a state directory keeps it.
 */
export interface MainSleep {
  deadline: number;
  sleeps: number;
  /**
   * The first free PID after a given sleep, where a run went on past it after execs had taken numbers: a
   * replay starts numbering there again, so every process keeps the PID it had (absent in older states).
   */
  pidFloors?: Record<number, number>;
  /** the sleep is a shell's `wait`: a signal it has a trap for ends it at once (absent: a sleep applet's) */
  interruptible?: boolean;
  /** the signals docker stop and kill -s sent during this run's sleeps, for a replay to deliver again */
  signals?: SentSignal[];
}

/** A signal sent to the main process during its `sleep`-th sleep, at `sentAt`. */
export interface SentSignal {
  number: number;
  name: string;
  sleep: number;
  sentAt: number;
}

/** A container of the simulated daemon. */
export interface Container {
  id: string;
  name: string;
  created: number;
  path: string;
  args: string[];
  config: ContainerConfig;
  host: HostOptions;
  imageId: string;
  /** the image's top layer, referenced for as long as the container exists */
  layer: Layer | null;
  /** the image as the user typed it (`docker ps` shows this) */
  imageName: string;
  rw: RwLayer;
  fs: MountedFs;
  mounts: MountPoint[];
  state: ContainerState;
  logs: LogChunk[];
  restartCount: number;
  /** set by `--rm`: removed with its anonymous volumes once it exits */
  autoRemove: boolean;
  /** stdin the main process reads from (`docker run -i` with input) */
  stdin: Uint8Array;
  /**
   * the client attached to stdin ended its input (`docker run -i` of a pipe or a file): the main process reads
   * `stdin` and then EOF; otherwise an open stdin (-i) stays open. Set at each start, never saved.
   */
  stdinClosed?: boolean;
  labels: Record<string, string>;
  /** set while the main process sleeps towards a known end (absent in states saved before it existed) */
  sleep?: MainSleep | null;
  /** the processes alive in the container (none unless it runs); replaced at each start */
  procs: PidNamespace;
}

/** A new, created (not started) state. */
export function createdState(): ContainerState {
  return { status: 'created', pid: 0, exitCode: 0, error: '', startedAt: null, finishedAt: null };
}

/** True while the main process lives (paused counts, as in Docker's IsRunning). */
export function isRunning(container: Container): boolean {
  return container.state.status === 'running' || container.state.status === 'paused';
}
