// The daemon's checks of run/create's resource settings (verifyPlatformContainerResources, then the OOM score
// range of verifyPlatformContainerSettings), word for word and in moby's order: a wrong value gets Docker's
// answer before the simulator refuses a limit it does not carry out (--memory, --cpuset-cpus, --cpuset-mems).

import { flagNumber, flagString, type ParsedCommand } from '../command-io.js';

/** moby's linuxMinMemory. */
const MIN_MEMORY = 6 * 1024 * 1024;

/** The daemon's refusal of a resource setting, or null when the values pass. */
export function resourceSettingsError(cmd: ParsedCommand): string | null {
  const memory = cmd.flagsSet.has('memory') ? (flagNumber(cmd, 'memory') ?? 0) : 0;
  if (memory !== 0 && memory < MIN_MEMORY) return 'Minimum memory limit allowed is 6MB';
  for (const [flag, what] of [['cpuset-cpus', 'cpus'], ['cpuset-mems', 'mems']] as const) {
    const value = flagString(cmd, flag) ?? '';
    if (value !== '' && !isUintList(value)) return `Invalid value ${value} for cpuset ${what}: invalid format: ${value}`;
  }
  const oom = oomScoreAdj(cmd);
  if (oom < -1000 || oom > 1000) return `Invalid value ${oom}, range for oom score adj is [-1000, 1000]`;
  return null;
}

/** --oom-score-adj as HostConfig.OomScoreAdj holds it (0 when not given). */
export function oomScoreAdj(cmd: ParsedCommand): number {
  return cmd.flagsSet.has('oom-score-adj') ? (flagNumber(cmd, 'oom-score-adj') ?? 0) : 0;
}

// pkg/parsers.ParseUintList: comma-separated numbers and ranges low-high (high not below low), as strconv.Atoi
// reads each number (an optional sign, decimal digits)
function isUintList(value: string): boolean {
  const int = /^[+-]?\d+$/;
  return value.split(',').every((part) => {
    if (!part.includes('-')) return int.test(part);
    const at = part.indexOf('-');
    const low = part.slice(0, at);
    const high = part.slice(at + 1);
    return int.test(low) && int.test(high) && Number(high) >= Number(low);
  });
}
