// What the `images`, `containers` and `volumes` checks share: asking the engine, through docker commands both
// engines run, whether an object exists and how many there are.

import type { CheckContext, Failure, SchemaFragment } from './types.js';
import { runMatcher, toLines } from './matchers.js';

/** The three listable object kinds. */
export type ListedKind = 'image' | 'container' | 'volume';

/** Schema properties every listing check has. */
export function listingProperties(kind: ListedKind): Record<string, SchemaFragment> {
  const names = { type: 'array', items: { type: 'string', minLength: 1 } };
  return {
    present: { ...names, description: `${kind}s that must exist (names, references or IDs)` },
    absent: { ...names, description: `${kind}s that must not exist` },
    count: { $ref: '#/$defs/matcher', description: `the number of ${kind}s (after \`filter\`)` },
    filter: { type: 'array', items: { type: 'string', pattern: '^[\\w.-]+=', 'x-message': 'must be name=value, as docker --filter takes it' }, description: 'docker --filter values for `count`' },
  };
}

/** Thrown when a docker command a check relies on fails for another reason than "No such …". */
class ListingError extends Error {}

/** The value `docker <kind> inspect --format <format> <name>` prints, or undefined when there is no such object. */
export async function probe(ctx: CheckContext, kind: ListedKind, name: string, format = kind === 'volume' ? '{{.Name}}' : '{{.Id}}'): Promise<string | undefined> {
  const r = await ctx.engine.docker([kind, 'inspect', '--format', format, name]);
  if (r.exitCode === 0) return r.stdout.trim();
  if (/No such/i.test(r.stderr)) return undefined;
  throw new ListingError(`docker ${kind} inspect ${name}: ${r.stderr.trim() || `exit code ${r.exitCode}`}`);
}

/** The lines a listing command prints. */
export async function list(ctx: CheckContext, argv: string[]): Promise<string[]> {
  const r = await ctx.engine.docker(argv);
  if (r.exitCode !== 0) throw new ListingError(`docker ${argv.join(' ')}: ${r.stderr.trim() || `exit code ${r.exitCode}`}`);
  return toLines(r.stdout);
}

/** Failures for `present`, `absent` and `count` of one kind; `listArgv` lists the objects counted. */
export async function presenceFailures(
  ctx: CheckContext,
  kind: ListedKind,
  spec: { present?: string[]; absent?: string[]; count?: unknown; filter?: string[] },
  listArgv: string[],
): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const name of spec.present ?? []) {
    if ((await probe(ctx, kind, name)) === undefined) failures.push({ message: `${kind} ${name} does not exist`, expected: 'present', actual: 'absent' });
  }
  for (const name of spec.absent ?? []) {
    if ((await probe(ctx, kind, name)) !== undefined) failures.push({ message: `${kind} ${name} exists, and should not`, expected: 'absent', actual: 'present' });
  }
  if (spec.count !== undefined) {
    const argv = [...listArgv, ...(spec.filter ?? []).flatMap((f) => ['--filter', f])];
    const lines = await list(ctx, argv);
    const failed = runMatcher(spec.count, lines.length, `number of ${kind}s${spec.filter?.length ? ` (${spec.filter.join(', ')})` : ''}`);
    for (const f of failed) f.message += `\n${lines.length === 0 ? '(none)' : lines.join('\n')}`;
    failures.push(...failed);
  }
  return failures;
}
