// `docker volume create/rm/prune` (listing and inspect live with the other listings and inspect).

import type { Daemon } from '../../daemon.js';
import { kvStringsToMap, parseFilters, validateLocalVolumeName } from '../../../../docker-cli/index.js';
import { goQuote } from '../../../../go/quote.js';
import { matchKVList, unacceptedFilter } from './list-filters.js';
import { flagBool, flagList, flagString, Output, type ParsedCommand } from '../command-io.js';

/** `docker volume create [NAME]`. */
export function volumeCreate(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const name = cmd.args[0] ?? flagString(cmd, 'name') ?? daemon.ids.next('volume');
  const driver = flagString(cmd, 'driver');
  // no volume plugins are installed, so any other driver is not found (volume/service, 20.10)
  if (driver && driver !== 'local') return out.daemon(`create ${name}: error looking up volume plugin ${driver}: plugin ${goQuote(driver)} not found`);
  const bad = validateLocalVolumeName(name);
  if (bad) return out.daemon(bad);
  const options = kvStringsToMap(flagList(cmd, 'opt'));
  const badOption = localDriverOptionsProblem(options);
  if (badOption) return out.daemon(`create ${name}: ${badOption}`);
  daemon.volumes.create(name, daemon.clock.now(), false, kvStringsToMap(flagList(cmd, 'label')), options);
  return out.out(`${name}\n`);
}

/** The local driver's option checks (volume/local, 20.10): known keys, and `type`, `device`, `o` go together. */
function localDriverOptionsProblem(options: Record<string, string>): string | null {
  for (const key of Object.keys(options)) if (!['type', 'o', 'device', 'size'].includes(key)) return `invalid option: ${goQuote(key)}`;
  // an engine on overlay2 without project quotas (as the reference engine) has no quota support
  if ('size' in options) return 'quota size requested but no quota support';
  const required: Record<string, string[]> = { device: ['type'], type: ['device'], o: ['device'] };
  for (const [key, needs] of Object.entries(required)) {
    if (!(key in options)) continue;
    for (const need of needs) if (!(need in options)) return `missing required option: ${goQuote(need)}`;
  }
  return null;
}

/** `docker volume rm`: refused while a container (running or not) uses the volume, even with -f. */
export function volumeRm(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  for (const name of cmd.args) {
    if (!daemon.volumes.get(name)) {
      // -f: the daemon ignores a missing volume, and the client prints its name as removed
      if (flagBool(cmd, 'force')) out.out(`${name}\n`);
      else out.local(`No such volume: ${name}`);
      continue;
    }
    const users = [...daemon.containers.values()].filter((c) => c.mounts.some((m) => m.name === name));
    if (users.length) {
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
  const filters = parseFilters(flagList(cmd, 'filter'));
  if (!filters.ok) return out.err(`${filters.error}\n`, 1);
  const unaccepted = unacceptedFilter(filters.filters, ['label', 'label!']);
  if (unaccepted) return out.daemon(unaccepted);
  const used = new Set<string>();
  for (const c of daemon.containers.values()) for (const m of c.mounts) if (m.name) used.add(m.name);
  const removed: string[] = [];
  let bytes = 0;
  for (const v of daemon.volumes.all()) {
    if (used.has(v.name)) continue;
    if (filters.filters.has('label') && !matchKVList(filters.filters.get('label'), v.labels)) continue;
    // label!=k[=v]: keep the volumes whose labels would match
    if ((filters.filters.get('label!') ?? []).some((f) => matchKVList([f], v.labels))) continue;
    bytes += v.data.size;
    daemon.volumes.delete(v.name);
    removed.push(v.name);
  }
  if (removed.length) out.out(`Deleted Volumes:\n${removed.join('\n')}\n\n`);
  return out.out(`Total reclaimed space: ${bytes}B\n`);
}
