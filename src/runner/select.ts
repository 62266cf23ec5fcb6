// Which scenarios a run takes: `only` focusing, --grep, --tag, then --shard i/n (contiguous slices, as
// Playwright shards, so each shard's files stay together).

import type { Scenario } from '../scenario/model.js';

/** The filters of a run. */
export interface Selection {
  grep?: RegExp;
  /** a scenario runs when it has any of these tags (none given: all) */
  tags?: readonly string[];
  shard?: { index: number; total: number };
}

/** Parses `i/n` (1 ≤ i ≤ n); undefined when it is not that. */
export function parseShard(text: string): { index: number; total: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const total = Number(m[2]);
  return total >= 1 && index >= 1 && index <= total ? { index, total } : undefined;
}

/** The scenarios to run, in order. */
export function selectScenarios(all: readonly Scenario[], selection: Selection): Scenario[] {
  let list = all.some((s) => s.only) ? all.filter((s) => s.only) : [...all];
  const { grep, tags, shard } = selection;
  if (grep) list = list.filter((s) => grep.test(s.name) || grep.test(s.file));
  if (tags && tags.length > 0) list = list.filter((s) => s.tags.some((t) => tags.includes(t)));
  if (shard) {
    const from = Math.floor(((shard.index - 1) * list.length) / shard.total);
    const to = Math.floor((shard.index * list.length) / shard.total);
    list = list.slice(from, to);
  }
  return list;
}
