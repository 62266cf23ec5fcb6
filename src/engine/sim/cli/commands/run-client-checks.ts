// Checks docker/cli's run and create make on the client (opts.go parse, run.go) of options the simulator
// stores or refuses: --mac-address, --device, and run's -a with -d. Each gives the client's own text, so a
// wrong value is answered as Docker answers it before anything reaches the daemon.

import { flagBool, flagList, flagString, type ParsedCommand } from '../command-io.js';
import { validDeviceMode } from '../../container/devices.js';

// net.ParseMAC: 6, 8 or 20 octets as hex pairs joined by ':' or '-', or as groups of four joined by '.'
const MAC = [
  /^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}$|^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){7}$|^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){19}$/,
  /^[0-9a-fA-F]{2}(?:-[0-9a-fA-F]{2}){5}$|^[0-9a-fA-F]{2}(?:-[0-9a-fA-F]{2}){7}$|^[0-9a-fA-F]{2}(?:-[0-9a-fA-F]{2}){19}$/,
  /^[0-9a-fA-F]{4}(?:\.[0-9a-fA-F]{4}){2}$|^[0-9a-fA-F]{4}(?:\.[0-9a-fA-F]{4}){3}$|^[0-9a-fA-F]{4}(?:\.[0-9a-fA-F]{4}){9}$/,
];

/** parse()'s first check: the --mac-address value, or null when it is absent or valid. */
export function macAddressError(cmd: ParsedCommand): string | null {
  const mac = flagString(cmd, 'mac-address');
  if (!mac) return null;
  return MAC.some((re) => re.test(mac)) ? null : `${mac} is not a valid mac address`;
}

/** validateLinuxPath with validDeviceMode: the error for one --device value, or null. */
function deviceSpecError(val: string): string | null {
  if ((val.match(/:/g) ?? []).length > 2) return `bad format for path: ${val}`;
  const split = val.split(':');
  if (split[0] === '') return `bad format for path: ${val}`;
  let containerPath = split[0] ?? '';
  if (split.length === 2 && !validDeviceMode(split[1] ?? '')) containerPath = split[1] ?? '';
  if (split.length === 3) {
    containerPath = split[1] ?? '';
    if (!validDeviceMode(split[2] ?? '')) return `bad mode specified: ${split[2]}`;
  }
  return containerPath.startsWith('/') ? null : `${containerPath} is not an absolute path`;
}

/** Every --device checked as parse() checks them: the first error, or null. */
export function devicesError(cmd: ParsedCommand): string | null {
  for (const device of flagList(cmd, 'device')) {
    const bad = deviceSpecError(device);
    if (bad) return bad;
  }
  return null;
}

/** run.go: -a (--attach) with -d is refused before the container is made (a plain error, exit 1). */
export function attachDetachConflict(cmd: ParsedCommand): string | null {
  return flagBool(cmd, 'detach') && flagList(cmd, 'attach').length > 0 ? 'Conflicting options: -a and -d' : null;
}
