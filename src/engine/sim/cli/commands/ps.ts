// `docker ps`: the rows of formatter.ContainerContext (.ID, .Names, .Status, .Label "k", …), the daemon's
// filters with their refusals (daemon/list.go, 20.10), and the client's template check before the listing.

import type { Daemon } from '../../daemon.js';
import { isRunning, type Container } from '../../container/container.js';
import { containerSizes } from '../../container/inspect-json.js';
import { truncateId } from '../../../../docker-cli/index.js';
import { goQuote } from '../../../../go/quote.js';
import { lookupImage } from '../image-ref.js';
import { preflightListTemplate } from '../format/table.js';
import { TemplateError } from '../format/go-template.js';
import { CONTAINER_LIST, CONTAINER_LIST_SIZE } from '../format/list-specs.js';
import { createdSince, containerStatus, ellipsis, goUnixTimeString, psCommand, psSize } from '../format/display.js';
import { flagBool, flagNumber, flagString, Output, type ParsedCommand } from '../command-io.js';
import { filtersOf, render, type Row } from './listings.js';
import { filterMatch, invalidFilter, matchKVList, unacceptedFilter } from './list-filters.js';

const PS_FILTERS = ['ancestor', 'before', 'exited', 'expose', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume'];
const STATES = ['paused', 'restarting', 'removing', 'running', 'dead', 'created', 'exited'];

/** `docker ps`. */
export function ps(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const filters = filtersOf(cmd, out);
  if (!filters) return out;
  const format = flagString(cmd, 'format');
  if (format) {
    // the client runs the template once on an empty row before asking the daemon (container/list.go)
    try {
      preflightListTemplate(format, psRow(daemon, null, false), CONTAINER_LIST.typeName);
    } catch (error) {
      if (error instanceof TemplateError) return out.err(`${error.message}\n`, 1);
      throw error;
    }
  }
  const problem = psFilterProblem(daemon, filters);
  if (problem) return out.daemon(problem);
  const now = daemon.clock.now();
  let list = daemon.listContainers();
  const last = flagNumber(cmd, 'last') ?? -1;
  const all = flagBool(cmd, 'all') || last > 0 || flagBool(cmd, 'latest') || filters.has('status') || filters.has('exited');
  // before/since cut the newest-first list of all containers at the named ones, and only then are stopped
  // ones left out (includeContainerInList in daemon/list.go; 20.10: `ps --filter before=X` with X exited)
  for (const value of filters.get('before') ?? []) {
    const at = list.findIndex((c) => c === daemon.findContainer(value));
    list = at === -1 ? [] : list.slice(at + 1);
  }
  for (const value of filters.get('since') ?? []) {
    const at = list.findIndex((c) => c === daemon.findContainer(value));
    if (at !== -1) list = list.slice(0, at);
  }
  if (!all) list = list.filter(isRunning);
  list = list.filter((c) => matchContainer(daemon, c, filters));
  if (flagBool(cmd, 'latest')) list = list.slice(0, 1);
  else if (last > 0) list = list.slice(0, last);
  const noTrunc = flagBool(cmd, 'no-trunc');
  const rows = list.map((c) => psRow(daemon, c, noTrunc, now));
  return render(out, rows, cmd, flagBool(cmd, 'size') ? CONTAINER_LIST_SIZE : CONTAINER_LIST);
}

/** What the daemon refuses in ps filters, in its order of checks; null when they are fine. */
function psFilterProblem(daemon: Daemon, filters: Map<string, string[]>): string | null {
  const unaccepted = unacceptedFilter(filters, PS_FILTERS);
  if (unaccepted) return unaccepted;
  for (const value of filters.get('exited') ?? []) {
    if (!/^[+-]?\d+$/.test(value)) return `strconv.Atoi: parsing ${goQuote(value)}: invalid syntax`;
  }
  for (const value of filters.get('status') ?? []) if (!STATES.includes(value)) return invalidFilter('status', value);
  for (const value of filters.get('health') ?? []) {
    if (!['starting', 'healthy', 'unhealthy', 'none'].includes(value)) return `Unrecognised filter value for health: ${value}`;
  }
  const isTask = filters.get('is-task');
  if (isTask && !isTask.includes('true') && !isTask.includes('false')) return invalidFilter('is-task', isTask);
  for (const key of ['before', 'since']) {
    for (const value of filters.get(key) ?? []) if (!daemon.findContainer(value)) return `no such container ${value}`;
  }
  return null;
}

/** One row of `docker ps` (formatter.ContainerContext); an empty one (c null) for the client's template check. */
function psRow(daemon: Daemon, c: Container | null, noTrunc: boolean, now = 0): Row {
  const labels = c?.config.Labels ?? {};
  const label = (name: unknown) => labels[String(name)] ?? '';
  if (!c) {
    return { ID: '', Image: '', Command: '""', CreatedAt: '', RunningFor: '', Ports: '', Status: '', State: '', Size: '0B', Names: '', Labels: '', Mounts: '', Networks: '', LocalVolumes: '0', Label: label };
  }
  // computed only when a column or template reads it: it walks the container's files, which plain `ps` never needs
  const size = () => {
    const sizes = containerSizes(c, daemon.images.get(c.imageId));
    return psSize(sizes.rw, sizes.rootFs);
  };
  return {
    ID: noTrunc ? c.id : c.id.slice(0, 12),
    Image: psImage(daemon, c, noTrunc),
    Command: psCommand([c.path, ...c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' '), !noTrunc),
    CreatedAt: goUnixTimeString(c.created),
    RunningFor: createdSince(c.created, now),
    Ports: '',
    Status: containerStatus(
      { running: isRunning(c), paused: c.state.status === 'paused', exitCode: c.state.exitCode, startedAt: c.state.startedAt, finishedAt: c.state.finishedAt },
      now,
    ),
    State: c.state.status,
    Size: size,
    Names: c.name,
    Labels: Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(','),
    // ContainerContext.Mounts: the volume's name or the bind's source, each cut by Ellipsis(…, 15) unless --no-trunc
    Mounts: c.mounts.map((m) => ((m.type === 'volume' ? m.name : null) || m.source)).map((n) => (noTrunc ? n : ellipsis(n, 15))).join(','),
    Networks: networkOf(c),
    LocalVolumes: String(c.mounts.filter((m) => m.type === 'volume').length),
    Label: label,
  };
}

function networkOf(c: Container): string {
  return c.host.networkMode === 'default' ? 'bridge' : c.host.networkMode;
}

/** The daemon shows the name given while it still means the container's image, else the ID; the CLI truncates IDs. */
function psImage(daemon: Daemon, c: Container, noTrunc: boolean): string {
  const shown = lookupImage(daemon, c.imageName)?.id === c.imageId ? c.imageName : c.imageId;
  return !noTrunc && truncateId(shown) === truncateId(c.imageId) ? truncateId(c.imageId) : shown;
}

function matchContainer(daemon: Daemon, c: Container, filters: Map<string, string[]>): boolean {
  for (const [key, values] of filters) {
    if (key === 'before' || key === 'since' || key === 'isolation') continue;
    if (key === 'label') {
      if (!matchKVList(values, c.config.Labels)) return false;
      continue;
    }
    const ok = values.some((v) => {
      switch (key) {
        case 'name':
          return filterMatch([v], `/${c.name}`);
        case 'id':
          return filterMatch([v], c.id);
        case 'status':
          return c.state.status === v;
        case 'exited':
          return c.state.status === 'exited' && c.state.exitCode === Number(v);
        case 'ancestor': {
          const image = daemon.findImage(v.includes(':') ? v : `${v}:latest`, v);
          return image !== undefined && isDescendant(daemon, c.imageId, image.id);
        }
        case 'volume':
          return c.mounts.some((m) => m.name === v || m.destination === v || m.source === v);
        case 'network':
          return filterMatch([v], networkOf(c));
        case 'health':
          return v === 'none' && !c.config.Healthcheck;
        case 'is-task':
          return v === 'false';
        case 'expose':
          return Object.keys(c.config.ExposedPorts ?? {}).includes(v.includes('/') ? v : `${v}/tcp`);
        case 'publish':
          return c.host.networkMode !== 'none' && Object.keys(c.host.portBindings ?? {}).includes(v.includes('/') ? v : `${v}/tcp`);
        default:
          return false;
      }
    });
    if (!ok) return false;
  }
  return true;
}

function isDescendant(daemon: Daemon, id: string, ancestor: string): boolean {
  for (let cur: string | undefined = id; cur; cur = daemon.images.get(cur)?.parent) if (cur === ancestor) return true;
  return false;
}
