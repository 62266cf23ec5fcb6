// The checks docker's list options run as each value is set (opts.ValidateIPAddress, validateAttach, …). A
// failure becomes `invalid argument "<value>" for "<flag>" flag: <text>` at parse time, exit 125.

import type { ValueCheck } from './flag-spec.js';
import { readGoCsvRecord } from './go-csv.js';
import { goQuote, parseGoDecimalInt, parseGoDecimalUint } from './go-strconv.js';
import { ramInBytes } from './go-units.js';
import { isValidIP } from './ip-address.js';
import { validateEnv, validateLabel, type ClientEnv } from './kv-options.js';
import { parseNormalizedNamed } from './reference.js';

/** A checked (possibly rewritten) value, or the error text. */
export type CheckResult = { ok: true; value: string } | { ok: false; error: string };

const ok = (value: string): CheckResult => ({ ok: true, value });
const fail = (error: string): CheckResult => ({ ok: false, error });

const SYSCTL_NAMES = new Set([
  'kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem',
  'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced',
]);
const DOMAIN = /^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?\s*$/;
const DEVICE_CGROUP_RULE = /^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/;

function deviceSplit(val: string): [string, string] | string {
  const i = val.indexOf(':');
  if (i < 0) return `bad format: ${val}`;
  const path = val.slice(0, i);
  if (!path.startsWith('/dev/')) return `bad format for device path: ${val}`;
  return [path, val.slice(i + 1)];
}

function throttleBps(val: string): CheckResult {
  const parts = deviceSplit(val);
  if (typeof parts === 'string') return fail(parts);
  const rate = ramInBytes(parts[1]);
  if (!rate.ok || rate.value < 0) {
    return fail(
      `invalid rate for device: ${val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`,
    );
  }
  return ok(val);
}

/** Runs one ValueCheck; `env` is the docker client's environment (for `-e NAME`). */
export function runCheck(check: ValueCheck, val: string, env: ClientEnv): CheckResult {
  switch (check) {
    case 'env':
      return validateEnv(val, env);
    case 'label':
      return validateLabel(val);
    case 'attach': {
      const s = val.toLowerCase();
      return ['stdin', 'stdout', 'stderr'].includes(s) ? ok(s) : fail('valid streams are STDIN, STDOUT and STDERR');
    }
    case 'ip':
      return isValidIP(val.trim()) ? ok(val.trim()) : fail(`${val} is not an ip address`);
    case 'dns-search': {
      const v = val.replace(/^ +| +$/g, '');
      if (v === '.') return ok(v);
      const m = /[a-zA-Z]/.test(v) ? DOMAIN.exec(v) : null;
      return m && (m[1] ?? '').length < 255 ? ok(m[1] ?? '') : fail(`${v} is not a valid domain`);
    }
    case 'extra-host': {
      const i = val.indexOf(':');
      if (i <= 0) return fail(`bad format for add-host: ${goQuote(val)}`);
      const ip = val.slice(i + 1);
      if (ip !== 'host-gateway' && !isValidIP(ip.trim())) return fail(`invalid IP address in add-host: ${goQuote(ip)}`);
      return ok(val);
    }
    case 'link':
      if (val === '') return fail('empty string specified for links');
      return val.split(':').length > 2 ? fail(`bad format for links: ${val}`) : ok(val);
    case 'device-cgroup-rule':
      return DEVICE_CGROUP_RULE.test(val) ? ok(val) : fail(`invalid device cgroup format '${val}'`);
    case 'sysctl': {
      const parts = val.split('=');
      const name = parts[0] ?? '';
      const allowed = parts.length >= 2 && (SYSCTL_NAMES.has(name) || name.startsWith('net.') || name.startsWith('fs.mqueue.'));
      return allowed ? ok(val) : fail(`sysctl '${val}' is not whitelisted`);
    }
    case 'weight-device': {
      const parts = deviceSplit(val);
      if (typeof parts === 'string') return fail(parts);
      const w = parseGoDecimalUint(parts[1], 16);
      if (!w.ok || (w.value > 0 && (w.value < 10 || w.value > 1000))) return fail(`invalid weight for device: ${val}`);
      return ok(val);
    }
    case 'throttle-bps':
      return throttleBps(val);
    case 'throttle-iops': {
      const parts = deviceSplit(val);
      if (typeof parts === 'string') return fail(parts);
      if (!parseGoDecimalUint(parts[1], 64).ok) {
        return fail(`invalid rate for device: ${val}. The correct format is <device-path>:<number>. Number must be a positive integer`);
      }
      return ok(val);
    }
    case 'tag': {
      const r = parseNormalizedNamed(val);
      return r.ok ? ok(val) : fail(r.error);
    }
    case 'memswap': {
      if (val === '-1') return ok(val);
      const r = ramInBytes(val);
      return r.ok ? ok(val) : fail(r.error);
    }
  }
}

/** NetworkOpt.Set: a network name, or the long form `name=net,alias=a,ip=…`. */
export function checkNetwork(value: string): CheckResult {
  if (!/\w+=\w+(,\w+=\w+)*/.test(value)) return ok(value);
  const csv = readGoCsvRecord(value);
  if (!csv.ok) return fail(csv.error);
  let target = '';
  for (const field of csv.value) {
    const eq = field.indexOf('=');
    if (eq < 0) return fail(`invalid field ${field}`);
    const key = field.slice(0, eq).toLowerCase().trim();
    const v = field.slice(eq + 1).toLowerCase().trim();
    if (key === 'name') target = v;
    else if (key === 'driver-opt') {
      if (!v.includes('=')) return fail('invalid key value pair format in driver options');
    } else if (!['alias', 'ip', 'ip6'].includes(key)) return fail(`invalid field key ${key}`);
  }
  return target === '' ? fail('network name/id is not specified') : ok(value);
}

/** GpuOpts.Set: `all`, a count, or `count=…,device=…,driver=…,capabilities=…,options=…`. */
export function checkGpus(value: string): CheckResult {
  const csv = readGoCsvRecord(value);
  if (!csv.ok) return fail(csv.error);
  const seen = new Set<string>();
  const count = (s: string): CheckResult => {
    if (s === 'all') return ok(s);
    const n = parseGoDecimalInt(s, 'Atoi');
    return n.ok ? ok(s) : fail(`count must be an integer: ${n.error}`);
  };
  for (const field of csv.value) {
    const eq = field.indexOf('=');
    const key = eq < 0 ? field : field.slice(0, eq);
    if (seen.has(key)) return fail(`gpu request key '${key}' can be specified only once`);
    seen.add(key);
    if (eq < 0) {
      seen.add('count');
      const c = count(key);
      if (!c.ok) return c;
      continue;
    }
    const v = field.slice(eq + 1);
    if (key === 'count') {
      const c = count(v);
      if (!c.ok) return c;
    } else if (key === 'options') {
      const opts = readGoCsvRecord(v);
      if (!opts.ok) return fail(`failed to read gpu options: ${opts.error}`);
    } else if (!['driver', 'device', 'capabilities'].includes(key)) {
      return fail(`unexpected key '${key}' in '${field}'`);
    }
  }
  return ok(value);
}
