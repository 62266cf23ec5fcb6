// A container's capability set, as 20.10 computes it (oci/caps TweakCapabilities over the default set; --cap-add
// ALL and --privileged give every capability moby knows, up to CAP_AUDIT_READ) and shows it in
// /proc/PID/status. The simulator does not enforce capabilities; it shows what the kernel would hold.

/** Capability names by bit number, as moby lists them (capability.List() up to CAP_AUDIT_READ). */
const NAMES = [
  'CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'SETPCAP',
  'LINUX_IMMUTABLE', 'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'IPC_OWNER',
  'SYS_MODULE', 'SYS_RAWIO', 'SYS_CHROOT', 'SYS_PTRACE', 'SYS_PACCT', 'SYS_ADMIN', 'SYS_BOOT', 'SYS_NICE',
  'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'MKNOD', 'LEASE', 'AUDIT_WRITE', 'AUDIT_CONTROL', 'SETFCAP',
  'MAC_OVERRIDE', 'MAC_ADMIN', 'SYSLOG', 'WAKE_ALARM', 'BLOCK_SUSPEND', 'AUDIT_READ',
].map((n) => `CAP_${n}`);

/** The default set of a container (moby's oci.DefaultCapabilities). */
const DEFAULTS = ['CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE'].map((n) => `CAP_${n}`);

/** What run/create keep of the settings: HostConfig's CapAdd, CapDrop and Privileged. */
export interface CapabilitySettings {
  capAdd: readonly string[] | null;
  capDrop: readonly string[] | null;
  privileged: boolean;
}

// NormalizeLegacyCapabilities: upper case, CAP_ added, ALL kept; an unknown name is an error
function normalize(caps: readonly string[]): string[] | { unknown: string } {
  const out: string[] = [];
  for (const raw of caps) {
    let c = raw.toUpperCase();
    if (c !== 'ALL' && !c.startsWith('CAP_')) c = `CAP_${c}`;
    if (c !== 'ALL' && !NAMES.includes(c)) return { unknown: c };
    out.push(c);
  }
  return out;
}

/** validateCapabilities (verifyContainerSettings): the daemon's refusal of an unknown name, or null. */
export function capabilityError(capAdd: readonly string[], capDrop: readonly string[]): string | null {
  for (const [list, field] of [[capAdd, 'CapAdd'], [capDrop, 'CapDrop']] as const) {
    const n = normalize(list);
    if ('unknown' in n) return `invalid ${field}: unknown capability: "${n.unknown}"`;
  }
  return null;
}

/** The bounding (and, for root, effective) set as a bit mask: TweakCapabilities. */
export function capabilityMask(s: CapabilitySettings): bigint {
  const adds = normalize(s.capAdd ?? []);
  const drops = normalize(s.capDrop ?? []);
  let names: string[];
  if (s.privileged) names = NAMES;
  else if (!Array.isArray(adds) || !Array.isArray(drops) || (adds.length === 0 && drops.length === 0)) names = DEFAULTS;
  else if (adds.includes('ALL')) names = NAMES.filter((c) => !drops.includes(c));
  else if (drops.includes('ALL')) names = adds;
  else names = [...DEFAULTS.filter((c) => !drops.includes(c)), ...adds];
  return names.reduce((mask, c) => mask | (1n << BigInt(NAMES.indexOf(c))), 0n);
}

/** The Cap* lines of /proc/PID/status for a process of that user (root holds the set; others none of it). */
export function capabilityStatusLines(s: CapabilitySettings, uid: number): string[] {
  const hex = (m: bigint) => m.toString(16).padStart(16, '0');
  const set = capabilityMask(s);
  const held = uid === 0 ? set : 0n;
  return [`CapInh:\t${hex(0n)}`, `CapPrm:\t${hex(held)}`, `CapEff:\t${hex(held)}`, `CapBnd:\t${hex(set)}`, `CapAmb:\t${hex(0n)}`];
}
