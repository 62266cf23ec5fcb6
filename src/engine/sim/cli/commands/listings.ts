// The listing commands: `docker ps`, `docker images`, `docker history`, `docker volume ls`, and `container
// prune`. Each builds rows of the fields docker's formatters expose (.ID, .Names, .Status, …), applies
// docker's filters, and renders them as the 20.10 client does: its default table, `table …`, a plain template,
// or -q.

import type { Daemon } from '../../daemon.js';
import { isRunning, type Container } from '../../container/container.js';
import { containerSizes } from '../../container/inspect-json.js';
import { removeContainer } from '../../container/lifecycle.js';
import { imageSize, type Image } from '../../image/image.js';
import { shortId } from '../../image/image-store.js';
import { familiarRef, lookupImage } from '../image-ref.js';
import { parseFilters } from '../../../../docker-cli/filters.js';
import { renderList, type ListSpec } from '../format/table.js';
import { CONTAINER_LIST, CONTAINER_LIST_SIZE, HISTORY_LIST, HISTORY_LIST_NON_HUMAN, IMAGE_LIST, IMAGE_LIST_DIGESTS, VOLUME_LIST } from '../format/list-specs.js';
import { createdSince, containerStatus, goUnixTimeString, historyCreatedBy, psCommand, psSize, rfc3339Seconds } from '../format/display.js';
import { humanSizeWithPrecision } from '../format/units.js';

// docker's list formatters print sizes with 3 significant digits (1.99MB), unlike go-units' default 4.
const humanSize = (n: number) => humanSizeWithPrecision(n, 3);
import { TemplateError } from '../format/go-template.js';
import { flagBool, flagList, flagNumber, flagString, Output, type ParsedCommand } from '../command-io.js';
import picomatch from 'picomatch';

type Row = Record<string, unknown>;

function render(out: Output, rows: Row[], cmd: ParsedCommand, spec: ListSpec): Output {
  try {
    return out.out(renderList(rows, flagString(cmd, 'format'), spec, { quiet: flagBool(cmd, 'quiet') }));
  } catch (error) {
    if (error instanceof TemplateError) return out.err(`${error.message}\n`, 1);
    throw error;
  }
}

function filtersOf(cmd: ParsedCommand, out: Output): Map<string, string[]> | null {
  const parsed = parseFilters(flagList(cmd, 'filter'));
  if (!parsed.ok) {
    out.err(`${parsed.error}\n`, 1);
    return null;
  }
  return parsed.filters;
}

/** `docker ps`. */
export function ps(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const filters = filtersOf(cmd, out);
  if (!filters) return out;
  for (const key of filters.keys()) {
    if (!['name', 'id', 'status', 'label', 'ancestor', 'exited', 'volume'].includes(key)) {
      return out.daemon(`invalid filter '${key}'`);
    }
  }
  const now = daemon.clock.now();
  let list = daemon.listContainers();
  const last = flagNumber(cmd, 'last') ?? -1;
  const all = flagBool(cmd, 'all') || last > 0 || flagBool(cmd, 'latest') || filters.has('status') || filters.has('exited');
  if (!all) list = list.filter(isRunning);
  list = list.filter((c) => matchContainer(daemon, c, filters));
  if (flagBool(cmd, 'latest')) list = list.slice(0, 1);
  else if (last > 0) list = list.slice(0, last);
  const noTrunc = flagBool(cmd, 'no-trunc');
  const rows = list.map((c): Row => {
    const sizes = containerSizes(c, daemon.images.get(c.imageId));
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
      Size: psSize(sizes.rw, sizes.rootFs),
      Names: c.name,
      Labels: Object.entries(c.config.Labels ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
      Mounts: c.mounts.map((m) => (m.type === 'volume' ? (m.name ?? '').slice(0, m.anonymous ? 15 : undefined) : m.source)).join(','),
      Networks: c.host.networkMode === 'default' ? 'bridge' : c.host.networkMode,
    };
  });
  return render(out, rows, cmd, flagBool(cmd, 'size') ? CONTAINER_LIST_SIZE : CONTAINER_LIST);
}

/** The daemon shows the name given while it still means the container's image, else the ID; the CLI truncates IDs. */
function psImage(daemon: Daemon, c: Container, noTrunc: boolean): string {
  const shown = lookupImage(daemon, c.imageName)?.id === c.imageId ? c.imageName : c.imageId;
  return !noTrunc && shortId(shown) === shortId(c.imageId) ? shortId(c.imageId) : shown;
}

function matchContainer(daemon: Daemon, c: Container, filters: Map<string, string[]>): boolean {
  for (const [key, values] of filters) {
    const ok = values.some((v) => {
      switch (key) {
        case 'name':
          return new RegExp(v).test(`/${c.name}`);
        case 'id':
          return c.id.startsWith(v);
        case 'status':
          return c.state.status === v;
        case 'exited':
          return c.state.status === 'exited' && String(c.state.exitCode) === v;
        case 'label': {
          const [k, val] = v.split('=');
          const labels = c.config.Labels ?? {};
          return k !== undefined && k in labels && (val === undefined || labels[k] === val);
        }
        case 'ancestor': {
          const image = daemon.findImage(v.includes(':') ? v : `${v}:latest`, v);
          return image !== undefined && isDescendant(daemon, c.imageId, image.id);
        }
        case 'volume':
          return c.mounts.some((m) => m.name === v || m.destination === v || m.source === v);
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

/** `docker images` / `docker image ls`. */
export function images(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const filters = filtersOf(cmd, out);
  if (!filters) return out;
  const now = daemon.clock.now();
  const all = flagBool(cmd, 'all');
  const noTrunc = flagBool(cmd, 'no-trunc');
  const references = [...(filters.get('reference') ?? []), ...cmd.args];
  const dangling = filters.get('dangling')?.[0];
  const rows: Row[] = [];
  const sorted = daemon.images.all().sort((a, b) => b.created - a.created);
  for (const image of sorted) {
    const refs = daemon.images.refsOf(image.id);
    const hasChildren = daemon.images.children(image.id).length > 0;
    if (!all && refs.length === 0 && hasChildren) continue;
    if (dangling === 'true' && refs.length > 0) continue;
    if (dangling === 'false' && refs.length === 0) continue;
    let shown = refs;
    if (references.length) {
      shown = refs.filter((ref) => references.some((pattern) => matchesReference(ref, pattern)));
      if (shown.length === 0) continue;
    }
    const base = {
      ID: noTrunc ? image.id : shortId(image.id),
      Digest: '<none>',
      CreatedSince: createdSince(image.created, now),
      CreatedAt: goUnixTimeString(image.created),
      Size: humanSize(imageSize(image)),
      VirtualSize: humanSize(imageSize(image)),
      Containers: 'N/A',
    };
    if (shown.length === 0) rows.push({ ...base, Repository: '<none>', Tag: '<none>' });
    for (const ref of shown) {
      const colon = ref.lastIndexOf(':');
      rows.push({ ...base, Repository: ref.slice(0, colon), Tag: ref.slice(colon + 1) });
    }
  }
  if (flagBool(cmd, 'quiet')) {
    const seen = new Set<string>();
    for (const row of rows) if (!seen.has(String(row.ID))) {
      seen.add(String(row.ID));
      out.out(`${String(row.ID)}\n`);
    }
    return out;
  }
  return render(out, rows, cmd, flagBool(cmd, 'digests') ? IMAGE_LIST_DIGESTS : IMAGE_LIST);
}

/** docker's reference filter: path.Match on the familiar name, or on name:tag. */
function matchesReference(ref: string, pattern: string): boolean {
  const colon = ref.lastIndexOf(':');
  const name = ref.slice(0, colon);
  const match = picomatch(pattern, { dot: true });
  return match(name) || match(ref);
}

/** `docker history`. */
export function history(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const name = cmd.args[0] ?? '';
  const ref = familiarRef(name);
  if ('error' in ref && !/^[0-9a-f]{1,64}$/.test(name)) return out.daemon(ref.error);
  const image = daemon.findImage(name.includes(':') || /^[0-9a-f]{12,}$/.test(name) ? name : `${name}:latest`, name);
  if (!image) return out.daemon(`No such image: ${name.includes(':') ? name : `${name}:latest`}`);
  const now = daemon.clock.now();
  const human = cmd.flags.human !== false;
  const noTrunc = flagBool(cmd, 'no-trunc');
  // Walk the parent chain to show each step's own image ID, as the legacy builder's local images have them.
  const ids: string[] = [];
  for (let cur: Image | undefined = image; cur; cur = cur.parent ? daemon.images.get(cur.parent) : undefined) ids.push(cur.id);
  const rows: Row[] = [];
  const layers = image.layer ? image.layer.chain() : [];
  let layerIndex = layers.length - 1;
  const entries = [...image.history].reverse();
  entries.forEach((h, i) => {
    const size = h.emptyLayer ? 0 : layers[layerIndex--]?.size ?? 0;
    const id = ids[i];
    rows.push({
      ID: id ? (noTrunc ? id : shortId(id)) : '<missing>',
      CreatedSince: createdSince(h.created, now),
      CreatedAt: human ? goUnixTimeString(h.created) : rfc3339Seconds(h.created),
      CreatedBy: historyCreatedBy(h.createdBy, !noTrunc),
      Size: human ? humanSize(size) : String(size),
      Comment: h.comment,
    });
  });
  return render(out, rows, cmd, human ? HISTORY_LIST : HISTORY_LIST_NON_HUMAN);
}

/** `docker volume ls`. */
export function volumeLs(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const filters = filtersOf(cmd, out);
  if (!filters) return out;
  const used = new Set<string>();
  for (const c of daemon.containers.values()) for (const m of c.mounts) if (m.name) used.add(m.name);
  const rows = daemon.volumes
    .all()
    .filter((v) => {
      const names = filters.get('name');
      if (names && !names.some((n) => v.name.includes(n))) return false;
      const dangling = filters.get('dangling')?.[0];
      if (dangling === 'true' && used.has(v.name)) return false;
      if (dangling === 'false' && !used.has(v.name)) return false;
      const drivers = filters.get('driver');
      if (drivers && !drivers.includes(v.driver)) return false;
      return true;
    })
    .map((v): Row => ({
      Driver: v.driver,
      Name: v.name,
      Mountpoint: `/var/lib/docker/volumes/${v.name}/_data`,
      Labels: Object.entries(v.labels ?? {}).map(([k, val]) => `${k}=${val}`).join(','),
      Scope: 'local',
      Size: 'N/A',
      Links: 'N/A',
    }));
  return render(out, rows, cmd, VOLUME_LIST);
}

/** `docker container prune -f`. */
export function containerPrune(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  if (!flagBool(cmd, 'force')) {
    return out.err('drydock: docker container prune asks for confirmation on a terminal; the simulator has none, so pass -f\n', 1);
  }
  const removed: string[] = [];
  let bytes = 0;
  for (const c of daemon.listContainers()) {
    if (isRunning(c)) continue;
    bytes += c.rw.size;
    removeContainer(daemon, c, true, false);
    removed.push(c.id);
  }
  if (removed.length) out.out(`Deleted Containers:\n${removed.join('\n')}\n\n`);
  return out.out(`Total reclaimed space: ${humanSize(bytes)}\n`);
}
