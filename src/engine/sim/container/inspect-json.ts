// `docker inspect` of a container, shaped field for field like Docker 20.10's output (docker-reference.md 4.1)
// so that inspect checks and `--format` templates see the same paths on both engines.

import { parseDevice } from './devices.js';
import { configToJson } from '../image/config.js';
import { imageSize, type ImageSpec } from '../image/image.js';
import { cacheId } from '../layer/cache-id.js';
import { sha256Hex } from '../layer/digest.js';
import { isRunning, type Container, type MountPoint } from './container.js';

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** RFC 3339 with nanoseconds, as Go prints time.Time in JSON. */
export function goTime(ms: number | null): string {
  if (ms === null) return ZERO_TIME;
  const iso = new Date(ms).toISOString(); // 2026-11-22T21:31:59.231Z
  return iso.replace(/\.(\d{3})Z$/, (_, frac: string) => `.${frac.replace(/0+$/, '') || '0'}Z`).replace('.0Z', 'Z');
}

/** The whole inspect object of a container. */
/** `inspect --size`'s two fields: the container layer's bytes, and those plus the image's. */
export interface ContainerSizes {
  rw: number;
  rootFs: number;
}

/** Those two numbers for `c` on `image` (`ps -s` shows them too). */
export function containerSizes(c: Container, image: ImageSpec | undefined): ContainerSizes {
  return { rw: c.rw.size, rootFs: c.rw.size + (image ? imageSize(image) : 0) };
}

export function containerJson(c: Container, sizes?: ContainerSizes): Record<string, unknown> {
  const dir = `/var/lib/docker/containers/${c.id}`;
  // overlay2 names the container layer with a cache ID of its own, not the container ID
  const layerDir = `/var/lib/docker/overlay2/${sha256Hex(`overlay2-rw:${c.id}`)}`;
  const networkNone = c.host.networkMode === 'none';
  // a start writes the network files first (initializeNetworking), then the spec (where an unknown user is
  // refused: exit code 128), and the log file only once runc is asked; a container never started has none
  const started = c.state.startedAt !== null;
  const networked = started || c.state.error !== '';
  const logged = started || (c.state.error !== '' && c.state.exitCode !== 128);
  return {
    Id: c.id,
    Created: goTime(c.created),
    Path: c.path,
    Args: c.args,
    State: stateJson(c),
    Image: c.imageId,
    ResolvConfPath: networked ? `${dir}/resolv.conf` : '',
    HostnamePath: networked ? `${dir}/hostname` : '',
    HostsPath: networked ? `${dir}/hosts` : '',
    LogPath: logged ? `${dir}/${c.id}-json.log` : '',
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: hostConfigJson(c),
    GraphDriver: {
      Data: {
        LowerDir: [`${layerDir}-init/diff`, ...(c.layer ? c.layer.chain().reverse().map((l) => `/var/lib/docker/overlay2/${cacheId(l)}/diff`) : [])].join(':'),
        MergedDir: `${layerDir}/merged`,
        UpperDir: `${layerDir}/diff`,
        WorkDir: `${layerDir}/work`,
      },
      Name: 'overlay2',
    },
    // only with --size: the typed view prints <nil> for them otherwise (inspect-views.ts)
    ...(sizes ? { SizeRw: sizes.rw, SizeRootFs: sizes.rootFs } : {}),
    Mounts: c.mounts.map(mountJson),
    Config: configToJson(c.config),
    NetworkSettings: {
      Bridge: '',
      SandboxID: c.state.status === 'created' ? '' : sha256Hex(`drydock-sandbox:${c.id}`),
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      Ports: {},
      SandboxKey: c.state.status === 'created' ? '' : `/var/run/docker/netns/${sha256Hex(`drydock-sandbox:${c.id}`).slice(0, 12)}`,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: '',
      Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: '',
      IPPrefixLen: 0,
      IPv6Gateway: '',
      MacAddress: '',
      Networks: networkNone
        ? {
            none: {
              IPAMConfig: null,
              Links: null,
              Aliases: null,
              // measured on 20.10: no network ID before the first start; the endpoint only while it runs
              NetworkID: c.state.status === 'created' ? '' : sha256Hex('drydock-network:none'),
              EndpointID: isRunning(c) ? sha256Hex(`drydock-endpoint:${c.id}`) : '',
              Gateway: '',
              IPAddress: '',
              IPPrefixLen: 0,
              IPv6Gateway: '',
              GlobalIPv6Address: '',
              GlobalIPv6PrefixLen: 0,
              MacAddress: '',
              DriverOpts: null,
            },
          }
        : {},
    },
  };
}

function stateJson(c: Container): Record<string, unknown> {
  const s = c.state;
  return {
    Status: s.status,
    Running: s.status === 'running' || s.status === 'paused',
    Paused: s.status === 'paused',
    Restarting: s.status === 'restarting',
    OOMKilled: false,
    Dead: s.status === 'dead',
    Pid: s.pid,
    ExitCode: s.exitCode,
    Error: s.error,
    StartedAt: goTime(s.startedAt),
    FinishedAt: goTime(s.finishedAt),
  };
}

function mountJson(m: MountPoint): Record<string, unknown> {
  if (m.type === 'bind') {
    return { Type: 'bind', Source: m.source, Destination: m.destination, Mode: m.mode, RW: m.rw, Propagation: 'rprivate' };
  }
  return {
    Type: 'volume',
    Name: m.name,
    Source: m.source,
    Destination: m.destination,
    Driver: 'local',
    Mode: m.mode,
    RW: m.rw,
    Propagation: '',
  };
}

function hostConfigJson(c: Container): Record<string, unknown> {
  const h = c.host;
  return {
    Binds: h.binds,
    ContainerIDFile: h.containerIdFile ?? '',
    LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: h.networkMode,
    PortBindings: h.portBindings,
    RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    AutoRemove: h.autoRemove,
    VolumeDriver: '',
    VolumesFrom: h.volumesFrom,
    CapAdd: h.capAdd,
    CapDrop: h.capDrop,
    CgroupnsMode: 'host',
    Dns: h.dns ?? [],
    DnsOptions: h.dnsOptions ?? [],
    DnsSearch: h.dnsSearch ?? [],
    ExtraHosts: h.extraHosts ?? null,
    GroupAdd: h.groupAdd ?? null,
    IpcMode: h.ipcMode ?? 'private',
    Cgroup: '',
    Links: null,
    OomScoreAdj: h.oomScoreAdj ?? 0,
    PidMode: h.pidMode,
    Privileged: h.privileged,
    PublishAllPorts: h.publishAllPorts,
    ReadonlyRootfs: h.readonlyRootfs,
    SecurityOpt: null,
    ...(h.tmpfs ? { Tmpfs: h.tmpfs } : {}),
    UTSMode: '',
    UsernsMode: '',
    ShmSize: 67108864,
    Runtime: 'runc',
    ConsoleSize: [0, 0],
    Isolation: '',
    CpuShares: 0,
    Memory: 0,
    NanoCpus: 0,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: null,
    BlkioDeviceWriteBps: null,
    BlkioDeviceReadIOps: null,
    BlkioDeviceWriteIOps: null,
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: h.devices.map(parseDevice),
    DeviceCgroupRules: null,
    DeviceRequests: null,
    KernelMemory: 0,
    KernelMemoryTCP: 0,
    MemoryReservation: 0,
    MemorySwap: 0,
    MemorySwappiness: null,
    OomKillDisable: false,
    PidsLimit: null,
    Ulimits: null,
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    ...(h.mounts ? { Mounts: h.mounts } : {}),
    MaskedPaths: h.privileged
      ? null
      : ['/proc/asound', '/proc/acpi', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware'],
    ReadonlyPaths: h.privileged ? null : ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
  };
}
