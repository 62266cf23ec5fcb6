// The two views docker inspect templates run on. The typed view stands for docker's Go structs
// (types.ContainerJSON, types.ImageInspect, …): fields Go names differently from the JSON (`ID`/"Id",
// `DNS`/"Dns"), maps keyed by nat.Port, typed nils (`[]`, `map[]`, `<nil>`), fields the JSON omits but the
// struct has (State.Health prints `<nil>`) and time.Time values. The raw view is the JSON decoded into
// map[string]interface{} with json.Number, which docker falls back to when the typed run fails.

import { formatFloatJson } from './go-float.js';
import { GoNil, GoStringer, JsonNumber, NIL_INTERFACE, goMap, goSlice, goStruct } from './go-value.js';

interface MapType {
  name: string;
  zero: unknown;
  keyName?: string;
}

const EMPTY_STRUCT = goStruct('struct {}', {});
const STRING_MAP: MapType = { name: 'map[string]string', zero: '' };
const PORT_SET: MapType = { name: 'nat.PortSet', zero: EMPTY_STRUCT, keyName: 'nat.Port' };
const PORT_MAP: MapType = { name: 'nat.PortMap', zero: new GoNil('slice', '[]nat.PortBinding'), keyName: 'nat.Port' };

/** Go maps in inspect JSON by path (`*` for any key). */
const MAP_FIELDS: Readonly<Record<string, MapType>> = {
  'Config.Labels': STRING_MAP,
  'Config.Volumes': { name: 'map[string]struct {}', zero: EMPTY_STRUCT },
  'Config.ExposedPorts': PORT_SET,
  'ContainerConfig.Labels': STRING_MAP,
  'ContainerConfig.Volumes': { name: 'map[string]struct {}', zero: EMPTY_STRUCT },
  'ContainerConfig.ExposedPorts': PORT_SET,
  'GraphDriver.Data': STRING_MAP,
  'HostConfig.PortBindings': PORT_MAP,
  'HostConfig.LogConfig.Config': STRING_MAP,
  'HostConfig.Sysctls': STRING_MAP,
  'HostConfig.StorageOpt': STRING_MAP,
  'HostConfig.Tmpfs': STRING_MAP,
  'NetworkSettings.Ports': PORT_MAP,
  'NetworkSettings.Networks': {
    name: 'map[string]*network.EndpointSettings',
    zero: new GoNil('ptr', '*network.EndpointSettings'),
  },
  'NetworkSettings.Networks.*.DriverOpts': STRING_MAP,
  Labels: STRING_MAP,
  Options: STRING_MAP,
  Status: { name: 'map[string]interface {}', zero: NIL_INTERFACE },
  'IPAM.Options': STRING_MAP,
};

/** Nullable fields that are pointers in Go (null prints `<nil>`); other nulls are nil slices (`[]`). */
const POINTER_FIELDS: ReadonlySet<string> = new Set([
  'Health', 'IPAMConfig', 'PidsLimit', 'OomKillDisable', 'Init', 'Healthcheck', 'StopTimeout', 'Node', 'SizeRw',
  'SizeRootFs', 'UsageData',
]);

/** Go field name → JSON key, per struct path, where they differ. */
const RENAMED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '': { ID: 'Id' },
  HostConfig: {
    DNS: 'Dns', DNSOptions: 'DnsOptions', DNSSearch: 'DnsSearch', CPUShares: 'CpuShares', CPUPeriod: 'CpuPeriod',
    CPUQuota: 'CpuQuota', CPURealtimePeriod: 'CpuRealtimePeriod', CPURealtimeRuntime: 'CpuRealtimeRuntime',
    CPUCount: 'CpuCount', CPUPercent: 'CpuPercent', NanoCPUs: 'NanoCpus',
  },
};

/** container.Config's fields in Go order, with what the JSON omits when empty. */
const CONFIG_FIELDS: readonly [string, unknown][] = [
  ['Hostname', ''], ['Domainname', ''], ['User', ''], ['AttachStdin', false], ['AttachStdout', false],
  ['AttachStderr', false], ['ExposedPorts', undefined], ['Tty', false], ['OpenStdin', false], ['StdinOnce', false],
  ['Env', undefined], ['Cmd', undefined], ['Healthcheck', new GoNil('ptr', '*container.HealthConfig')],
  ['ArgsEscaped', false], ['Image', ''], ['Volumes', undefined], ['WorkingDir', ''], ['Entrypoint', undefined],
  ['NetworkDisabled', false], ['MacAddress', ''], ['OnBuild', undefined], ['Labels', undefined],
  ['StopSignal', ''], ['StopTimeout', new GoNil('ptr', '*int')], ['Shell', new GoNil('slice', 'strslice.StrSlice')],
];

/** types.MountPoint's fields in Go order. */
const MOUNT_POINT_FIELDS = ['Type', 'Name', 'Source', 'Destination', 'Driver', 'Mode', 'RW', 'Propagation'];

/** Struct fields the JSON leaves out when empty, added to the typed view (by struct path) but not to its JSON. */
function withOmitted(path: string, fields: Record<string, unknown>): [Record<string, unknown>, string[]] {
  const added: string[] = [];
  if (path === 'Config' || path === 'ContainerConfig') {
    const ordered: Record<string, unknown> = {};
    for (const [k, dflt] of CONFIG_FIELDS) {
      if (k in fields) ordered[k] = fields[k];
      else if (dflt !== undefined) {
        ordered[k] = dflt;
        added.push(k);
      }
    }
    return [{ ...ordered, ...fields }, added];
  }
  // types.MountPoint: Type, Name and Driver are omitempty in the JSON (a bind has no Name) but always in the struct
  if (path === 'Mounts.[]') {
    const ordered: Record<string, unknown> = {};
    for (const k of MOUNT_POINT_FIELDS) {
      if (k in fields) ordered[k] = fields[k];
      else if (k === 'Type' || k === 'Name' || k === 'Driver') {
        ordered[k] = '';
        added.push(k);
      }
    }
    return [{ ...ordered, ...fields }, added];
  }
  if (path === 'State' && !('Health' in fields)) return [{ ...fields, Health: new GoNil('ptr', '*types.Health') }, ['Health']];
  // types.ContainerJSON has the two --size fields always; the JSON has them only with --size
  if (path === '' && 'HostConfig' in fields && !('SizeRw' in fields)) {
    return [{ ...fields, SizeRw: new GoNil('ptr', '*int64'), SizeRootFs: new GoNil('ptr', '*int64') }, ['SizeRw', 'SizeRootFs']];
  }
  return [fields, added];
}

/** Inspect fields that are time.Time in Go (most times are strings there). */
const TIME_FIELDS: ReadonlySet<string> = new Set(['LastTagTime', 'Start', 'End']);

function goTime(rfc3339: string): unknown {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z$/.exec(rfc3339);
  return m ? new GoStringer(`${m[1]} ${m[2]} +0000 UTC`, rfc3339, 'time.Time') : rfc3339;
}

function mapType(path: readonly string[]): MapType | undefined {
  const wild = path.map((p, i) => (i === 2 && path[0] === 'NetworkSettings' && path[1] === 'Networks' ? '*' : p));
  return MAP_FIELDS[path.join('.')] ?? MAP_FIELDS[wild.join('.')];
}

/** The typed view of inspect JSON; `rootType` names the outer struct as Go's errors do (types.Volume…). */
export function typedInspectView(v: unknown, path: readonly string[] = [], rootType = 'types.InspectJSON'): unknown {
  const map = mapType(path);
  const last = path[path.length - 1] ?? '';
  if (v === null) {
    if (map) return new GoNil('map', map.name);
    return POINTER_FIELDS.has(last) ? new GoNil('ptr', `*${last}`) : new GoNil('slice', '[]string');
  }
  if (Array.isArray(v)) return v.map((e) => typedInspectView(e, [...path, '[]']));
  if (typeof v === 'string' && TIME_FIELDS.has(last)) return goTime(v);
  if (typeof v !== 'object') return v;
  const structPath = path.join('.');
  const jsonNames = map ? {} : (RENAMED[structPath] ?? {});
  const goNames = Object.fromEntries(Object.entries(jsonNames).map(([goName, key]) => [key, goName]));
  const fields: Record<string, unknown> = {};
  for (const [k, e] of Object.entries(v as Record<string, unknown>)) fields[goNames[k] ?? k] = typedInspectView(e, [...path, k]);
  if (map) return goMap(fields, map.name, map.zero, map.keyName);
  const [all, jsonOmit] = withOmitted(structPath, fields);
  return goStruct(structPath || rootType, all, { jsonNames, jsonOmit });
}

/** The raw view: JSON decoded with UseNumber into map[string]interface{}. */
export function rawInspectView(v: unknown): unknown {
  if (v === null || v === undefined || v instanceof GoNil) return NIL_INTERFACE;
  if (typeof v === 'number') return new JsonNumber(Number.isInteger(v) ? BigInt(v).toString() : formatFloatJson(v));
  if (Array.isArray(v)) return goSlice(v.map(rawInspectView), '[]interface {}');
  if (typeof v !== 'object') return v;
  const fields = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, e]) => [k, rawInspectView(e)]));
  return goMap(fields, 'map[string]interface {}');
}
