// Which object a check looks into: `container: dc03`, `image: tim/centos`, `volume: data` or `host: true`,
// as an engine ObjectRef, with the schema fragment that makes exactly one of them required.

import type { ObjectRef } from '../engine/engine.js';
import type { SchemaFragment } from './types.js';

/** The target keys a check kind accepts. */
export type TargetKey = 'container' | 'image' | 'volume' | 'host';

/** Schema properties and the exactly-one constraint for the given target keys. */
export function targetSchema(keys: readonly TargetKey[]): { properties: Record<string, SchemaFragment>; allOf: SchemaFragment[] } {
  const properties: Record<string, SchemaFragment> = {};
  for (const k of keys) {
    properties[k] = k === 'host' ? { const: true, description: 'the sandbox host' } : { type: 'string', minLength: 1, description: `the ${k}'s name or ID` };
  }
  const list = keys.map((k) => `\`${k}\``);
  const words = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : (list[0] ?? '');
  return {
    properties,
    allOf: [{ 'x-code': 'TARGET_KIND', 'x-message': `name exactly one of ${words}`, oneOf: keys.map((k) => ({ required: [k] })) }],
  };
}

/** The ObjectRef a spec names. */
export function targetOf(spec: Record<string, unknown>): ObjectRef {
  if (typeof spec.container === 'string') return { kind: 'container', name: spec.container };
  if (typeof spec.image === 'string') return { kind: 'image', name: spec.image };
  if (typeof spec.volume === 'string') return { kind: 'volume', name: spec.volume };
  return { kind: 'host' };
}

/** "container dc03", "the host". */
export function describeTarget(ref: ObjectRef): string {
  return ref.kind === 'host' ? 'host' : `${ref.kind} ${ref.name}`;
}

/** An absolute path inside the target: relative host paths are in the scenario directory. */
export function resolvePath(ref: ObjectRef, path: string, hostDir: string): string {
  const base = path.startsWith('/') ? '' : ref.kind === 'host' ? hostDir : '';
  const parts: string[] = [];
  for (const seg of `${base}/${path}`.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** The spec without its target keys and the given extra keys, for titles. */
export function restOf(spec: Record<string, unknown>, omit: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) if (!['container', 'image', 'volume', 'host', ...omit].includes(k)) out[k] = v;
  return out;
}

/** `exists: true, content: {contains: "x"}`: a spec's remaining keys in one short line. */
export function summarise(rest: Record<string, unknown>, max = 70): string {
  const s = Object.entries(rest)
    .map(([k, v]) => `${k}: ${typeof v === 'string' && /^[\w./:@=*-]+$/.test(v) ? v : JSON.stringify(v)}`)
    .join(', ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
