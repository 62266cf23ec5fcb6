// The listing commands but `docker ps` (ps.ts): `docker images`, `docker history`, `docker volume ls`, and
// `container prune`. Each builds rows of the fields docker's formatters expose (.ID, .Names, .Status, …), applies
// docker's filters, and renders them as the 20.10 client does: its default table, `table …`, a plain template,
// or -q.

import type { Daemon } from '../../daemon.js';
import { isRunning } from '../../container/container.js';
import { removeContainer } from '../../container/lifecycle.js';
import { imageSize, type Image } from '../../image/image.js';
import { parseFilters, truncateId } from '../../../../docker-cli/index.js';
import { familiarRef, lookupImage } from '../image-ref.js';
import { renderList, type ListSpec } from '../format/table.js';
import { HISTORY_LIST, HISTORY_LIST_NON_HUMAN, IMAGE_LIST, IMAGE_LIST_DIGESTS, VOLUME_LIST } from '../format/list-specs.js';
import { createdSince, goUnixTimeString, historyCreatedBy, rfc3339Seconds } from '../format/display.js';
import { humanSize as humanSize4, humanSizeWithPrecision } from '../format/units.js';
import { boolFilter, filterMatch, invalidFilter, matchKVList, unacceptedFilter } from './list-filters.js';

// docker's list formatters print sizes with 3 significant digits (1.99MB), unlike go-units' default 4.
const humanSize = (n: number) => humanSizeWithPrecision(n, 3);
import { TemplateError } from '../format/go-template.js';
import { flagBool, flagList, flagString, Output, type ParsedCommand } from '../command-io.js';
import { goPathMatch } from '../../../../go/path-match.js';

/** One row of a listing, as docker's formatter contexts expose it. */
export type Row = Record<string, unknown>;

/** Renders a listing's rows with the command's --format / -q. */
export function render(out: Output, rows: Row[], cmd: ParsedCommand, spec: ListSpec): Output {
  try {
    return out.out(renderList(rows, flagString(cmd, 'format'), spec, { quiet: flagBool(cmd, 'quiet') }));
  } catch (error) {
    if (error instanceof TemplateError) return out.err(`${error.message}\n`, 1);
    throw error;
  }
}

/** The command's --filter values, or null after printing the client's parse error. */
export function filtersOf(cmd: ParsedCommand, out: Output): Map<string, string[]> | null {
  const parsed = parseFilters(flagList(cmd, 'filter'));
  if (!parsed.ok) {
    out.err(`${parsed.error}\n`, 1);
    return null;
  }
  return parsed.filters;
}

/** `docker images` / `docker image ls`. */
export function images(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const filters = filtersOf(cmd, out);
  if (!filters) return out;
  // the daemon's checks, in its order (daemon/images/images.go)
  const unaccepted = unacceptedFilter(filters, ['dangling', 'label', 'before', 'since', 'reference']);
  if (unaccepted) return out.daemon(unaccepted);
  const danglingValues = filters.get('dangling');
  let dangling: 'true' | 'false' | undefined;
  if (danglingValues) {
    if (danglingValues.includes('true')) dangling = 'true';
    else if (danglingValues.includes('false')) dangling = 'false';
    else return out.daemon(invalidFilter('dangling', danglingValues));
  }
  const bound = (key: 'before' | 'since'): Image | null | undefined => {
    let found: Image | null = null;
    for (const value of filters.get(key) ?? []) {
      const image = lookupImage(daemon, value);
      if (!image) {
        const r = familiarRef(value);
        out.daemon(`No such image: ${'ref' in r ? r.ref : value}`);
        return undefined;
      }
      found = image;
    }
    return found;
  };
  const before = bound('before');
  if (before === undefined) return out;
  const since = bound('since');
  if (since === undefined) return out;
  const now = daemon.clock.now();
  const all = flagBool(cmd, 'all');
  const noTrunc = flagBool(cmd, 'no-trunc');
  const references = [...(filters.get('reference') ?? []), ...cmd.args];
  const rows: Row[] = [];
  const sorted = daemon.images.all().sort((a, b) => b.created - a.created);
  for (const image of sorted) {
    if (before && image.created >= before.created) continue;
    if (since && image.created <= since.created) continue;
    if (filters.has('label') && !matchKVList(filters.get('label'), image.config.Labels)) continue;
    const refs = daemon.images.refsOf(image.id);
    const hasChildren = daemon.images.children(image.id).length > 0;
    if (!all && refs.length === 0 && hasChildren) continue;
    if (dangling === 'true' && refs.length > 0) continue;
    if (dangling === 'false' && refs.length === 0) continue;
    let shown = refs;
    if (references.length) {
      shown = [];
      for (const ref of refs) {
        for (const pattern of references) {
          const matched = matchesReference(ref, pattern);
          if (typeof matched === 'object') return out.daemon(matched.error);
          if (matched) {
            shown.push(ref);
            break;
          }
        }
      }
      if (shown.length === 0) continue;
    }
    const base = {
      ID: noTrunc ? image.id : truncateId(image.id),
      Digest: '<none>',
      CreatedSince: createdSince(image.created, now),
      CreatedAt: goUnixTimeString(image.created),
      Size: humanSize(imageSize(image)),
      // formatter/image.go: VirtualSize and the unknown shared sizes use go-units' default precision (1.985MB)
      VirtualSize: humanSize4(imageSize(image)),
      SharedSize: 'N/A',
      UniqueSize: 'N/A',
      Containers: 'N/A',
    };
    if (shown.length === 0) rows.push({ ...base, Repository: '<none>', Tag: '<none>' });
    for (const ref of shown) {
      const colon = ref.lastIndexOf(':');
      rows.push({ ...base, Repository: ref.slice(0, colon), Tag: ref.slice(colon + 1) });
    }
  }
  // -q prints a row per tag, so an image with two tags prints its ID twice (observed on 20.10)
  return render(out, rows, cmd, flagBool(cmd, 'digests') ? IMAGE_LIST_DIGESTS : IMAGE_LIST);
}

/** docker's reference filter: path.Match on the familiar name, or on name:tag. */
// reference.FamiliarMatch: Go's path.Match on the familiar reference, then on its name alone
function matchesReference(ref: string, pattern: string): boolean | { error: string } {
  const colon = ref.lastIndexOf(':');
  const name = ref.slice(0, colon);
  const whole = goPathMatch(pattern, ref);
  return whole === false ? goPathMatch(pattern, name) : whole;
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
      ID: id ? (noTrunc ? id : truncateId(id)) : '<missing>',
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
  const unaccepted = unacceptedFilter(filters, ['driver', 'name', 'dangling', 'label']);
  if (unaccepted) return out.daemon(unaccepted);
  const danglingValues = filters.get('dangling');
  const dangling = danglingValues ? boolFilter(danglingValues, ['true', '1'], ['false', '0']) : undefined;
  if (dangling === null) return out.daemon(invalidFilter('dangling', danglingValues));
  const used = new Set<string>();
  for (const c of daemon.containers.values()) for (const m of c.mounts) if (m.name) used.add(m.name);
  const rows = daemon.volumes
    .all()
    .filter((v) => {
      const names = filters.get('name');
      if (names && !filterMatch(names, v.name)) return false;
      if (dangling === true && used.has(v.name)) return false;
      if (dangling === false && !used.has(v.name)) return false;
      const drivers = filters.get('driver');
      if (drivers && !drivers.includes(v.driver)) return false;
      return matchKVList(filters.get('label'), v.labels);
    })
    .map((v): Row => ({
      Driver: v.driver,
      Name: v.name,
      Mountpoint: `/var/lib/docker/volumes/${v.name}/_data`,
      Labels: Object.entries(v.labels ?? {}).map(([k, val]) => `${k}=${val}`).join(','),
      Scope: 'local',
      Size: 'N/A',
      Links: 'N/A',
      Label: (name: unknown) => v.labels?.[String(name)] ?? '',
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
