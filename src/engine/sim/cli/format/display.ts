// The small display rules of docker's list columns: short IDs (stringid.TruncateID), the `…` truncation of
// COMMAND and CREATED BY (formatter.Ellipsis, which counts East Asian wide characters as two), the daemon's
// STATUS phrases (`Up 5 minutes (Paused)`, `Exited (0) 5 minutes ago`) and the CREATED / CREATED AT forms.

import { goQuote } from '../../../../go/quote.js';
import { humanDuration, humanSizeWithPrecision } from './units.js';

/** stringid.TruncateID: drop an algorithm prefix (`sha256:`), keep 12 characters. */
export function truncateId(id: string): string {
  const colon = id.indexOf(':');
  const bare = colon >= 0 ? id.slice(colon + 1) : id;
  return bare.slice(0, 12);
}

// East Asian Wide and Fullwidth ranges (golang.org/x/text/width), the main blocks.
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0x303e],
  [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4],
  [0x17000, 0x18aff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

function charWidth(cp: number): number {
  return WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
}

/** formatter.Ellipsis: fit into maxWidth display columns, ending in `…` when cut. */
export function ellipsis(s: string, maxWidth: number): string {
  if (maxWidth <= 0) return '';
  const runes = [...s];
  if (maxWidth === 1) return runes[0] ?? '';
  if (runes.every((r) => r.charCodeAt(0) < 0x80)) {
    return runes.length <= maxWidth ? s : runes.slice(0, maxWidth - 1).join('') + '…';
  }
  const display: number[] = [];
  let total = 0;
  for (const r of runes) display.push((total += charWidth(r.codePointAt(0) ?? 0)));
  if (total <= maxWidth) return s;
  for (let i = 0; i + 1 < display.length; i++) {
    if ((display[i] ?? 0) <= maxWidth - 1 && (display[i + 1] ?? 0) > maxWidth - 1) {
      return runes.slice(0, i + 1).join('') + '…';
    }
  }
  return s;
}

/** `docker ps` COMMAND: Go-quoted, cut to 20 columns inside the quotes unless --no-trunc. */
export function psCommand(command: string, trunc: boolean): string {
  return goQuote(trunc ? ellipsis(command, 20) : command);
}

/** `docker history` CREATED BY: tabs become spaces, cut to 45 columns unless --no-trunc. */
export function historyCreatedBy(createdBy: string, trunc: boolean): string {
  const flat = createdBy.replace(/\t/g, ' ');
  return trunc ? ellipsis(flat, 45) : flat;
}

/** `docker ps -s` SIZE: `31B (virtual 1.99MB)`, or just the writable size when the root size is unknown. */
export function psSize(sizeRw: number, sizeRootFs: number): string {
  const rw = humanSizeWithPrecision(sizeRw, 3);
  return sizeRootFs > 0 ? `${rw} (virtual ${humanSizeWithPrecision(sizeRootFs, 3)})` : rw;
}

/** CREATED in ls tables: `About a minute ago`. */
export function createdSince(createdMs: number, nowMs: number): string {
  return humanDuration(nowMs - createdMs) + ' ago';
}

/** A container's state as the daemon summarises it in STATUS. Times in milliseconds, null if never. */
export interface ContainerStateSummary {
  running: boolean;
  paused?: boolean;
  restarting?: boolean;
  removalInProgress?: boolean;
  dead?: boolean;
  exitCode: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Health status when the image has a healthcheck: 'starting', 'healthy', 'unhealthy'. */
  health?: string;
}

/** The daemon's State.String(): `Created`, `Up 5 minutes`, `Up 2 seconds (Paused)`, `Exited (0) 1 second ago`. */
export function containerStatus(s: ContainerStateSummary, nowMs: number): string {
  const since = (t: number | null) => humanDuration(nowMs - (t ?? nowMs));
  if (s.running) {
    if (s.paused) return `Up ${since(s.startedAt)} (Paused)`;
    if (s.restarting) return `Restarting (${s.exitCode}) ${since(s.finishedAt)} ago`;
    if (s.health) return `Up ${since(s.startedAt)} (${s.health === 'starting' ? 'health: starting' : s.health})`;
    return `Up ${since(s.startedAt)}`;
  }
  if (s.removalInProgress) return 'Removal In Progress';
  if (s.dead) return 'Dead';
  if (s.startedAt === null) return 'Created';
  if (s.finishedAt === null) return '';
  return `Exited (${s.exitCode}) ${since(s.finishedAt)} ago`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Go's time.Unix(sec, 0).String() in UTC: `2026-11-22 21:26:02 +0000 UTC` (ps/images CreatedAt). */
export function goUnixTimeString(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  return `${date} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000 UTC`;
}

/** RFC 3339 to the second in UTC: `2026-11-22T21:26:02Z` (history -H=false CREATED AT). */
export function rfc3339Seconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
