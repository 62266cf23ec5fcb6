// Linux capabilities as the 20.10 daemon reads --cap-add/--cap-drop (moby's oci/caps): the names it knows, the
// default set of a container, and the set a container's processes get, so a refused name and a dropped
// capability give Docker's answers.

// Every capability the daemon knows: capability.List() of its vendored gocapability, which ends at CAP_AUDIT_READ
// (20.10.24 refuses --cap-drop perfmon as unknown, on a kernel that has it); the place in the list is the bit
const ALL_CAPABILITIES: readonly string[] = [
  'CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'SETPCAP',
  'LINUX_IMMUTABLE', 'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'IPC_OWNER',
  'SYS_MODULE', 'SYS_RAWIO', 'SYS_CHROOT', 'SYS_PTRACE', 'SYS_PACCT', 'SYS_ADMIN', 'SYS_BOOT', 'SYS_NICE',
  'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'MKNOD', 'LEASE', 'AUDIT_WRITE', 'AUDIT_CONTROL', 'SETFCAP',
  'MAC_OVERRIDE', 'MAC_ADMIN', 'SYSLOG', 'WAKE_ALARM', 'BLOCK_SUSPEND', 'AUDIT_READ',
].map((c) => `CAP_${c}`);

/** The capabilities of a container that asks for none (moby's oci.DefaultCapabilities). */
export const DEFAULT_CAPABILITIES: readonly string[] = [
  'CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP',
  'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE',
].map((c) => `CAP_${c}`);

// caps.NormalizeLegacyCapabilities: upper case, CAP_ prefixed, ALL kept; an unknown name is an error
function normalizeCapabilities(names: readonly string[]): { ok: true; caps: string[] } | { ok: false; error: string } {
  const caps: string[] = [];
  for (const raw of names) {
    let c = raw.toUpperCase();
    if (c === 'ALL') {
      caps.push(c);
      continue;
    }
    if (!c.startsWith('CAP_')) c = `CAP_${c}`;
    if (!ALL_CAPABILITIES.includes(c)) return { ok: false, error: `unknown capability: "${c}"` };
    caps.push(c);
  }
  return { ok: true, caps };
}

/** The daemon's validateCapabilities (part of verifyContainerSettings): its error, or null. */
export function capabilitiesError(capAdd: readonly string[], capDrop: readonly string[]): string | null {
  const add = normalizeCapabilities(capAdd);
  if (!add.ok) return `invalid CapAdd: ${add.error}`;
  const drop = normalizeCapabilities(capDrop);
  if (!drop.ok) return `invalid CapDrop: ${drop.error}`;
  return null;
}

/** caps.TweakCapabilities: the capabilities a container's processes run with. */
export function effectiveCapabilities(capAdd: readonly string[] | null, capDrop: readonly string[] | null, privileged: boolean): Set<string> {
  if (privileged) return new Set(ALL_CAPABILITIES);
  const add = normalizeCapabilities(capAdd ?? []);
  const drop = normalizeCapabilities(capDrop ?? []);
  const adds = add.ok ? add.caps : [];
  const drops = drop.ok ? drop.caps : [];
  let caps: readonly string[];
  if (adds.includes('ALL')) caps = ALL_CAPABILITIES;
  else if (drops.includes('ALL')) caps = [];
  else caps = DEFAULT_CAPABILITIES;
  const out = new Set(caps.filter((c) => !drops.includes(c)));
  for (const c of adds) if (c !== 'ALL') out.add(c);
  return out;
}

/** What run/create keep of the settings: HostConfig's CapAdd, CapDrop and Privileged. */
export interface CapabilitySettings {
  capAdd: readonly string[] | null;
  capDrop: readonly string[] | null;
  privileged: boolean;
}

/** The bounding (and, for root, effective) set as a bit mask. */
export function capabilityMask(s: CapabilitySettings): bigint {
  let set = 0n;
  for (const c of effectiveCapabilities(s.capAdd, s.capDrop, s.privileged)) set |= 1n << BigInt(ALL_CAPABILITIES.indexOf(c));
  return set;
}

/** The Cap* lines of /proc/PID/status for a process of that user (root holds the set; others none of it). */
export function capabilityStatusLines(s: CapabilitySettings, uid: number): string[] {
  const hex = (m: bigint) => m.toString(16).padStart(16, '0');
  const set = capabilityMask(s);
  const held = uid === 0 ? set : 0n;
  return [`CapInh:\t${hex(0n)}`, `CapPrm:\t${hex(held)}`, `CapEff:\t${hex(held)}`, `CapBnd:\t${hex(set)}`, `CapAmb:\t${hex(0n)}`];
}
