// Normalisation of docker output for comparison between engines (the simulator, a real daemon, a recorded
// transcript): everything that legitimately differs between two runs — IDs, times, generated names, host
// paths, table widths, unstable orders — is rewritten to a canonical form, and nothing else is touched.
// OutputNormalizer handles one stream; PairedNormalizer normalises two outputs of the same command together so
// that IDs and names get the same placeholder where both outputs show them at the same place.

import { joinColourChunks, showEscapes } from './ansi-escapes.js';
import { dropClientRaces } from './client-races.js';
import { replaceGeneratedNames } from './container-names.js';
import { replaceIds } from './docker-ids.js';
import { replaceHostPaths } from './host-paths.js';
import { alignLines } from './line-alignment.js';
import { stripCarriageReturns } from './line-endings.js';
import { PairedPlaceholders, PlaceholderMap } from './placeholder-map.js';
import { replaceProcessIds } from './process-ids.js';
import { replaceRelativeTimes } from './relative-times.js';
import { maskTokens, renderTokens, runTokens, type RunToken } from './run-tokens.js';
import { isRealignedTable, realignHeaderlessRows, realignTable } from './tables.js';
import { replaceLsDates, replaceTimestamps } from './timestamps.js';
import { sortDiffLines, sortMountArrays, sortRowsBelowHeader, sortSameImageRows } from './unstable-order.js';

/** Settings of one side of a comparison. */
export interface NormalizeOptions {
  /** host directories that stand for the reference's `<HOSTDIR>` */
  hostRoots?: readonly string[];
}

/** What printed the text: the docker command line (everything after `docker`), when it was one. */
export interface OutputContext {
  argv?: readonly string[];
  /** the text is rows of a docker table without its header (the header was filtered out, e.g. by grep) */
  headerlessTable?: boolean;
}

/** Docker's command path of an argv (`['volume','ls','-q']` → `volume ls`; `['-H','x','ps']` → `ps`). */
export function commandPath(argv: readonly string[]): string {
  const words = argv.filter((a) => !a.startsWith('-'));
  const first = words[0] ?? '';
  return ['container', 'image', 'volume', 'network', 'system', 'builder'].includes(first) ? `${first} ${words[1] ?? ''}` : first;
}

/** Every rule that needs no placeholders, in the order they must run (tables first: they need the raw widths). */
function prepareOutput(text: string, options: NormalizeOptions = {}, context: OutputContext = {}): string {
  const path = context.argv ? commandPath(context.argv) : '';
  let out = joinColourChunks(dropClientRaces(showEscapes(stripCarriageReturns(text))));
  out = context.headerlessTable ? realignHeaderlessRows(out) : realignTable(out);
  out = replaceHostPaths(out, options.hostRoots ?? []);
  out = replaceProcessIds(replaceLsDates(replaceTimestamps(out)));
  if (path === 'diff' || path === 'container diff') out = sortDiffLines(out);
  return replaceRelativeTimes(sortMountArrays(out));
}

/** The rules that sort by placeholders, after IDs and names were replaced. */
function finishOutput(text: string, context: OutputContext = {}): string {
  const path = context.argv ? commandPath(context.argv) : '';
  const table = isRealignedTable(text);
  let out = table ? sortSameImageRows(text) : text;
  if (path === 'volume ls' || path === 'volume list') out = sortRowsBelowHeader(out, table);
  return out;
}

/** A stateful normaliser of one stream: the same ID gets the same placeholder in every output it sees. */
export class OutputNormalizer {
  readonly ids = new PlaceholderMap('ID', 12);
  readonly names = new PlaceholderMap('NAME');

  constructor(private readonly options: NormalizeOptions = {}) {}

  normalize(text: string, context: OutputContext = {}): string {
    const prepared = prepareOutput(text, this.options, context);
    return finishOutput(replaceGeneratedNames(replaceIds(prepared, this.ids), this.names), context);
  }
}

/** Two outputs of one command, normalised together. */
export interface NormalizedPair {
  expected: string;
  actual: string;
}

/**
 * Normalises pairs of outputs (expected, actual) over a whole session. Lines that are equal once IDs and
 * names are masked pair their IDs and names; other values get placeholders of their own side.
 */
export class PairedNormalizer {
  readonly ids = new PairedPlaceholders('ID', 12);
  readonly names = new PairedPlaceholders('NAME');

  constructor(private readonly options: { expected?: NormalizeOptions; actual?: NormalizeOptions } = {}) {}

  normalizePair(expected: string, actual: string, context: { expected?: OutputContext; actual?: OutputContext } = {}): NormalizedPair {
    const left = prepareOutput(expected, this.options.expected, context.expected).split('\n');
    const right = prepareOutput(actual, this.options.actual, context.actual).split('\n');
    const lt = left.map(runTokens);
    const rt = right.map(runTokens);
    const outL = [...left];
    const outR = [...right];
    const maps = (t: RunToken): PairedPlaceholders => (t.kind === 'id' ? this.ids : this.names);
    for (const [i, j] of alignLines(left.map((l, k) => maskTokens(l, lt[k]!)), right.map((l, k) => maskTokens(l, rt[k]!)))) {
      if (i !== null && j !== null) {
        const pairs = lt[i]!.map((t, k) => maps(t).pair(t.value, rt[j]![k]!.value));
        outL[i] = renderTokens(left[i]!, lt[i]!, pairs.map((p) => p[0]));
        outR[j] = renderTokens(right[j]!, rt[j]!, pairs.map((p) => p[1]));
      } else if (i !== null) {
        outL[i] = renderTokens(left[i]!, lt[i]!, lt[i]!.map((t) => maps(t).left.placeholderFor(t.value)));
      } else if (j !== null) {
        outR[j] = renderTokens(right[j]!, rt[j]!, rt[j]!.map((t) => maps(t).right.placeholderFor(t.value)));
      }
    }
    return { expected: finishOutput(outL.join('\n'), context.expected), actual: finishOutput(outR.join('\n'), context.actual) };
  }

  /** The right-hand (actual) value that shares a placeholder with a left-hand (expected) value, if any. */
  counterpart(expectedValue: string): { placeholder?: string; value?: string } {
    const placeholder = this.ids.left.lookup(expectedValue);
    return { placeholder, value: placeholder ? this.ids.right.valueOf(placeholder) : undefined };
  }
}
