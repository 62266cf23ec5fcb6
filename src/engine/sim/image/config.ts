// The container configuration an image carries (and a container copies): Docker's container.Config. Field
// order matters, because `docker inspect` and `{{json .Config}}` print fields in Go's struct order.

/** Docker's HealthConfig. */
export interface HealthConfig {
  Test: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  Retries?: number;
}

/** Docker's container.Config, the part of an image that says how its containers start. */
export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Healthcheck?: HealthConfig;
  ArgsEscaped?: boolean;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  /** seconds; set only by create/run --stop-timeout */
  StopTimeout?: number;
  Shell?: string[];
}

/** An empty config, as `docker import` produces. */
export function emptyConfig(): ContainerConfig {
  return {
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: null,
    Image: '',
    Volumes: null,
    WorkingDir: '',
    Entrypoint: null,
    OnBuild: null,
    Labels: null,
  };
}

const ORDER: (keyof ContainerConfig)[] = [
  'Hostname', 'Domainname', 'User', 'AttachStdin', 'AttachStdout', 'AttachStderr', 'ExposedPorts', 'Tty',
  'OpenStdin', 'StdinOnce', 'Env', 'Cmd', 'Healthcheck', 'ArgsEscaped', 'Image', 'Volumes', 'WorkingDir',
  'Entrypoint', 'OnBuild', 'Labels', 'StopSignal', 'StopTimeout', 'Shell',
];

/** The config as a plain object with Docker's key order, omitting empty `omitempty` fields. */
export function configToJson(config: ContainerConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ORDER) {
    const value = config[key];
    if (value === undefined) continue;
    if (key === 'ExposedPorts' && Object.keys(value as object).length === 0) continue;
    if ((key === 'StopSignal' && value === '') || (key === 'ArgsEscaped' && value === false)) continue;
    out[key] = value;
  }
  return out;
}

/** A deep copy, so an image's config is never changed through a container's. */
export function cloneConfig(config: ContainerConfig): ContainerConfig {
  const copy: ContainerConfig = { ...config };
  if (config.ExposedPorts) copy.ExposedPorts = { ...config.ExposedPorts };
  if (config.Env) copy.Env = [...config.Env];
  if (config.Cmd) copy.Cmd = [...config.Cmd];
  if (config.Healthcheck) copy.Healthcheck = { ...config.Healthcheck, Test: [...config.Healthcheck.Test] };
  if (config.Volumes) copy.Volumes = { ...config.Volumes };
  if (config.Entrypoint) copy.Entrypoint = [...config.Entrypoint];
  if (config.OnBuild) copy.OnBuild = [...config.OnBuild];
  if (config.Labels) copy.Labels = { ...config.Labels };
  if (config.Shell) copy.Shell = [...config.Shell];
  return copy;
}

/** Env entries as a map, later entries winning (as the daemon merges them). */
export function envMap(env: readonly string[] | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of env ?? []) {
    const eq = item.indexOf('=');
    if (eq === -1) map.set(item, '');
    else map.set(item.slice(0, eq), item.slice(eq + 1));
  }
  return map;
}

/** Replaces or appends `NAME=value` keeping the position of an existing NAME (the builder's ENV rule). */
export function setEnv(env: readonly string[] | null, name: string, value: string): string[] {
  const out = [...(env ?? [])];
  const i = out.findIndex((item) => item === name || item.startsWith(`${name}=`));
  if (i === -1) out.push(`${name}=${value}`);
  else out[i] = `${name}=${value}`;
  return out;
}
