// `docker volume create/rm/prune` (listing and inspect live with the other listings and inspect).

import type { Daemon } from '../../daemon.js';
import { validateLocalVolumeName } from '../../../../docker-cli/volume-spec.js';
import { kvStringsToMap } from '../../../../docker-cli/kv-options.js';
import { flagBool, flagList, flagString, Output, type ParsedCommand } from '../command-io.js';

/** `docker volume create [NAME]`. */
export function volumeCreate(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const name = cmd.args[0] ?? flagString(cmd, 'name') ?? daemon.ids.next('volume');
  const driver = flagString(cmd, 'driver');
  if (driver && driver !== 'local') return out.daemon(`drydock: volume driver ${driver} is not simulated; use --engine docker`);
  const bad = validateLocalVolumeName(name);
  if (bad) return out.daemon(bad);
  daemon.volumes.create(name, daemon.clock.now(), false, kvStringsToMap(flagList(cmd, 'label')), kvStringsToMap(flagList(cmd, 'opt')));
  return out.out(`${name}\n`);
}

/** `docker volume rm`: refused while a container (running or not) uses the volume. */
export function volumeRm(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  for (const name of cmd.args) {
    if (!daemon.volumes.get(name)) {
      out.local(`No such volume: ${name}`);
      continue;
    }
    const users = [...daemon.containers.values()].filter((c) => c.mounts.some((m) => m.name === name));
    if (users.length && !flagBool(cmd, 'force')) {
      out.daemon(`remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]`);
      continue;
    }
    daemon.volumes.delete(name);
    out.out(`${name}\n`);
  }
  return out;
}

/** `docker volume prune -f`: removes volumes no container uses (20.10 prunes named ones too). */
export function volumePrune(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  if (!flagBool(cmd, 'force')) {
    return out.err('drydock: docker volume prune asks for confirmation on a terminal; the simulator has none, so pass -f\n', 1);
  }
  const used = new Set<string>();
  for (const c of daemon.containers.values()) for (const m of c.mounts) if (m.name) used.add(m.name);
  const removed: string[] = [];
  let bytes = 0;
  for (const v of daemon.volumes.all()) {
    if (used.has(v.name)) continue;
    bytes += v.data.size;
    daemon.volumes.delete(v.name);
    removed.push(v.name);
  }
  if (removed.length) out.out(`Deleted Volumes:\n${removed.join('\n')}\n\n`);
  return out.out(`Total reclaimed space: ${bytes}B\n`);
}
