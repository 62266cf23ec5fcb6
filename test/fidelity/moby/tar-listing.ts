// moby's save/load tests read the archive `docker save` writes with the host's tar (`tar t`, `tar tv`) and
// grep it; neither the simulator's host nor its containers have a tar program. A `tar` step lists the
// archive an earlier step printed with the project's own tar reader, the same way on both engines, so what
// the engines wrote is compared member by member.

import { readTarPrefix } from '../../../src/tar/tar-reader.js';
import type { TarEntry } from '../../../src/tar/tar.js';
import type { RecordedStep } from './case-file.js';

/** How a `tar` step lists an archive. */
export interface TarListingSpec {
  /** the step whose stdout is the archive */
  step: number;
  /** each member as `mode uid/gid name` (sizes and times vary between two builds of the same files) */
  verbose?: boolean;
  /** also list the members of each `…/layer.tar` inside, indented */
  layers?: boolean;
  /** only the members whose mtime falls in the minute of the RFC 3339 time an earlier step printed (moby's grep of `tar tv`) */
  sameMinuteAs?: number;
  /** members whose contents are printed after the listing (small text members: repositories, manifest.json) */
  show?: string[];
}

/** The listing of an archive as a step's result (exit 1 and the reader's error when it is not a tar). */
export function tarListing(bytes: Uint8Array, spec: TarListingSpec, outs: readonly string[] = []): RecordedStep {
  const { entries, error } = readTarPrefix(bytes);
  const minute = spec.sameMinuteAs === undefined ? undefined : minuteOf(Date.parse((outs[spec.sameMinuteAs] ?? '').trim()));
  const blocks: string[][] = [];
  for (const e of entries) {
    if (minute !== undefined && minuteOf(e.mtime) !== minute) continue;
    const lines: string[] = [line(e, spec.verbose === true, '')];
    blocks.push(lines);
    if (spec.layers && e.type === 'file' && e.path.endsWith('layer.tar')) {
      const inner = readTarPrefix(e.data);
      for (const x of inner.entries) lines.push(line(x, spec.verbose === true, '  '));
      if (inner.error) lines.push(`  ${inner.error.message}`);
    }
  }
  const lines = canonical(blocks);
  for (const name of spec.show ?? []) {
    const e = entries.find((x) => x.path === name);
    lines.push(`== ${name}`, e ? new TextDecoder().decode(e.data) : '(absent)');
  }
  const stdout = lines.map((l) => `${l}\n`).join('');
  return error ? { stdout, stderr: `${error.message}\n`, exitCode: 1 } : { stdout, stderr: '', exitCode: 0 };
}

/**
 * Members named by an image or layer ID (`<id>.json`, `<v1 id>/layer.tar`) come in the order of their hex
 * digits, which differ between two engines that made the same images: each member, with the layers listed
 * under it, is written with every ID as `<id>` and the members are sorted, so the count and shape of what
 * was saved is compared, not the digits.
 */
function canonical(blocks: readonly string[][]): string[] {
  return blocks
    .map((b) => b.map((l) => l.replace(/[0-9a-f]{64}/g, '<id>')))
    .sort((a, b) => (a.join('\n') < b.join('\n') ? -1 : a.join('\n') > b.join('\n') ? 1 : 0))
    .flat();
}

function line(e: TarEntry, verbose: boolean, indent: string): string {
  const name = e.type === 'dir' ? `${e.path}/` : e.type === 'symlink' ? `${e.path} -> ${e.linkname ?? ''}` : e.path;
  if (!verbose) return `${indent}${name}`;
  return `${indent}${e.mode.toString(8).padStart(4, '0')} ${e.uid}/${e.gid} ${name}`;
}

function minuteOf(ms: number): string {
  return Number.isNaN(ms) ? 'invalid time' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
