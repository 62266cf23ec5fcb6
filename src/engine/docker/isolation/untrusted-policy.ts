// The policy for scenarios nobody vouched for: on a real engine, flags that reach the host (`--privileged`,
// `--pid=host`, devices, added capabilities, bind mounts that lead out of the run folder) are refused unless
// the scenario declares the need (`needs: [privileged]`). Networks are refused always (argv-policy.ts).

import { realpathSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { slotArgv } from './argv-slots.js';

/** The needs a scenario can declare, one per group of host-reaching flags. */
export type HostNeed = 'privileged' | 'host-namespaces' | 'devices' | 'capabilities' | 'host-mounts';

/** A flag the policy refuses, and the need that would allow it. */
export interface PolicyViolation {
  flag: string;
  need: HostNeed;
}

const CONTAINER_COMMANDS = new Set(['run', 'create', 'exec', 'update']);
const NAMESPACES = new Set(['pid', 'ipc', 'uts', 'userns', 'cgroupns', 'network', 'net']);

/** The host-reaching flags of a docker command line (before any rewriting). */
export function policyViolations(argv: readonly string[]): PolicyViolation[] {
  const slotted = slotArgv(argv);
  if (slotted === null || !CONTAINER_COMMANDS.has(slotted.node.canonical)) return [];
  const out: PolicyViolation[] = [];
  if (slotted.booleans.includes('privileged')) out.push({ flag: '--privileged', need: 'privileged' });
  for (const slot of slotted.slots) {
    const flag = slot.flag;
    if (flag === undefined) continue;
    if (flag === 'privileged' && slot.value !== 'false') out.push({ flag: '--privileged', need: 'privileged' });
    else if (NAMESPACES.has(flag) && flag !== 'network' && flag !== 'net' && slot.value === 'host') out.push({ flag: `--${flag}=host`, need: 'host-namespaces' });
    else if (flag === 'device' || flag === 'device-cgroup-rule' || flag === 'gpus') out.push({ flag: `--${flag} ${slot.value}`, need: 'devices' });
    else if (flag === 'cap-add' || flag === 'security-opt') out.push({ flag: `--${flag} ${slot.value}`, need: 'capabilities' });
  }
  return out;
}

/** Bind-mount sources of a rewritten command line that resolve (through symlinks) outside `runDir`. */
export function escapingBindSources(argv: readonly string[], runDir: string): string[] {
  const slotted = slotArgv(argv);
  if (slotted === null || !['run', 'create'].includes(slotted.node.canonical)) return [];
  const sources: string[] = [];
  for (const slot of slotted.slots) {
    if (slot.flag === 'volume' && slot.value.startsWith('/')) sources.push(slot.value.split(':')[0]!);
    if (slot.flag === 'mount' && /(^|,)type=bind(,|$)/u.test(slot.value)) {
      const source = /(?:^|,)(?:source|src)=([^,]*)/u.exec(slot.value)?.[1];
      if (source !== undefined) sources.push(source);
    }
  }
  const root = safeRealpath(runDir);
  return sources.filter((source) => {
    const real = safeRealpath(source);
    return real !== root && !real.startsWith(`${root}/`);
  });
}

// a path that does not exist yet is created by docker below its deepest existing parent, symlinks resolved
function safeRealpath(path: string): string {
  let head = path;
  let tail = '';
  for (;;) {
    try {
      return realpathSync(head) + tail;
    } catch {
      const parent = dirname(head);
      if (parent === head) return path;
      tail = `/${basename(head)}${tail}`;
      head = parent;
    }
  }
}
