// `--mount type=bind,source=/a,target=/b,readonly` as docker 20.10's CLI parses it (opts.MountOpt.Set): a bad
// value is a flag error ("invalid argument … for \"--mount\" flag: target is required"). The result has the
// Docker API's mount.Mount shape, which is what the daemon then validates (see validateMountConfig).

import { readGoCsvRecord } from './go-csv.js';
import { parseGoBool, parseGoDecimalUint } from './go-strconv.js';
import { ramInBytes } from './go-units.js';

/** The Docker API's mount.Mount, as sent in HostConfig.Mounts. */
export interface MountConfig {
  Type: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string; NonRecursive?: boolean };
  VolumeOptions?: { NoCopy?: boolean; Labels?: Record<string, string>; DriverConfig?: { Name?: string; Options?: Record<string, string> } };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

function setOnMap(target: Record<string, string>, value: string): void {
  const eq = value.indexOf('=');
  if (eq < 0) target[value] = '';
  else target[value.slice(0, eq)] = value.slice(eq + 1);
}

/** opts.MountOpt.Set: the mount, or the error docker appends to `invalid argument "…" for "--mount" flag: `. */
export function parseMountFlag(value: string): { ok: true; mount: MountConfig } | { ok: false; error: string } {
  const csv = readGoCsvRecord(value);
  if (!csv.ok) return csv;
  const mount: MountConfig = { Type: 'volume' };
  const volumeOptions = () => {
    mount.VolumeOptions ??= { Labels: {} };
    mount.VolumeOptions.DriverConfig ??= {};
    return mount.VolumeOptions;
  };
  const bindOptions = () => (mount.BindOptions ??= {});
  const tmpfsOptions = () => (mount.TmpfsOptions ??= {});
  const fail = (error: string) => ({ ok: false as const, error });

  for (const field of csv.value) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') {
        mount.ReadOnly = true;
        continue;
      }
      if (key === 'volume-nocopy') {
        volumeOptions().NoCopy = true;
        continue;
      }
      if (key === 'bind-nonrecursive') {
        bindOptions().NonRecursive = true;
        continue;
      }
      return fail(`invalid field '${field}' must be a key=value pair`);
    }
    const val = field.slice(eq + 1);
    switch (key) {
      case 'type':
        mount.Type = val.toLowerCase();
        break;
      case 'source':
      case 'src':
        mount.Source = val;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        mount.Target = val;
        break;
      case 'readonly':
      case 'ro':
      case 'bind-nonrecursive': {
        const b = parseGoBool(val);
        if (!b.ok) return fail(`invalid value for ${key}: ${val}`);
        if (key === 'bind-nonrecursive') bindOptions().NonRecursive = b.value;
        else mount.ReadOnly = b.value;
        break;
      }
      case 'consistency':
        mount.Consistency = val.toLowerCase();
        break;
      case 'bind-propagation':
        bindOptions().Propagation = val.toLowerCase();
        break;
      case 'volume-nocopy': {
        const b = parseGoBool(val);
        if (!b.ok) return fail(`invalid value for volume-nocopy: ${val}`);
        volumeOptions().NoCopy = b.value;
        break;
      }
      case 'volume-label':
        setOnMap((volumeOptions().Labels ??= {}), val);
        break;
      case 'volume-driver':
        (volumeOptions().DriverConfig ??= {}).Name = val;
        break;
      case 'volume-opt': {
        const driver = (volumeOptions().DriverConfig ??= {});
        setOnMap((driver.Options ??= {}), val);
        break;
      }
      case 'tmpfs-size': {
        const size = ramInBytes(val);
        if (!size.ok) return fail(`invalid value for ${key}: ${val}`);
        tmpfsOptions().SizeBytes = size.value;
        break;
      }
      case 'tmpfs-mode': {
        const mode = /^[0-7]+$/.test(val) ? parseGoDecimalUint(String(parseInt(val, 8)), 32) : null;
        if (mode === null || !mode.ok) return fail(`invalid value for ${key}: ${val}`);
        tmpfsOptions().Mode = mode.value;
        break;
      }
      default:
        return fail(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (mount.Type === '') return fail('type is required');
  if (mount.Target === undefined || mount.Target === '') return fail('target is required');
  if (mount.VolumeOptions !== undefined && mount.Type !== 'volume') {
    return fail(`cannot mix 'volume-*' options with mount type '${mount.Type}'`);
  }
  if (mount.BindOptions !== undefined && mount.Type !== 'bind') {
    return fail(`cannot mix 'bind-*' options with mount type '${mount.Type}'`);
  }
  if (mount.TmpfsOptions !== undefined && mount.Type !== 'tmpfs') {
    return fail(`cannot mix 'tmpfs-*' options with mount type '${mount.Type}'`);
  }
  return { ok: true, mount };
}
