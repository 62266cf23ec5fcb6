// `file:` checks one path in a container, an image, a volume or the sandbox host: whether it exists, its type,
// content, permission bits, owner, size and symlink target.

import type { Engine, ObjectRef } from '../engine/engine.js';
import { runMatcher } from './matchers.js';
import { describeTarget, resolvePath, restOf, summarise, targetOf, targetSchema } from './target.js';
import { errorOutcome, outcome, type Assertion, type Failure } from './types.js';

const target = targetSchema(['container', 'image', 'volume', 'host']);
const matcherRef = { $ref: '#/$defs/matcher' };

/** Permission bits of "0644", 644 (octal digits) or "rw-r--r--" / "-rw-r--r--". */
export function parseMode(mode: string | number): number {
  const text = String(mode);
  if (/^[0-7]{1,4}$/.test(text)) return parseInt(text, 8);
  const bits = text.length === 10 ? text.slice(1) : text;
  let value = 0;
  for (let i = 0; i < 9; i++) if (!'-ST'.includes(bits[i] as string)) value |= 1 << (8 - i);
  if (/[sS]/.test(bits[2] ?? '')) value |= 0o4000;
  if (/[sS]/.test(bits[5] ?? '')) value |= 0o2000;
  if (/[tT]/.test(bits[8] ?? '')) value |= 0o1000;
  return value;
}

/** "0644". */
export function formatMode(mode: number): string {
  return `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;
}

// Names in `owner:` are looked up in the target's own /etc/passwd and /etc/group, as `ls -l` would.
async function resolveId(engine: Engine, ref: ObjectRef, db: 'passwd' | 'group', name: string): Promise<number | undefined> {
  if (/^\d+$/.test(name)) return Number(name);
  try {
    const text = new TextDecoder().decode(await engine.readFile(ref, `/etc/${db}`));
    for (const line of text.split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f[2] !== undefined) return Number(f[2]);
    }
  } catch {
    // no database: only numeric IDs can be checked
  }
  return name === 'root' ? 0 : undefined;
}

interface FileSpec {
  path: string;
  exists?: boolean;
  type?: 'file' | 'dir' | 'symlink' | 'char';
  content?: unknown;
  mode?: string | number;
  owner?: string | number;
  size?: unknown;
  target?: unknown;
  [key: string]: unknown;
}

/** The `file` check kind. */
export const fileAssertion: Assertion<FileSpec> = {
  name: 'file',
  description: 'a path in a container, image, volume or the sandbox host: exists, type, content, mode, owner, size, link target',
  schema: {
    type: 'object',
    properties: {
      ...target.properties,
      path: { type: 'string', minLength: 1, description: 'the path (relative host paths are in the scenario directory)' },
      exists: { type: 'boolean', description: 'false: the path must be absent (default true)' },
      type: { enum: ['file', 'dir', 'symlink', 'char'], description: 'what the path is (symlinks are not followed)' },
      content: { ...matcherRef, description: 'the file content as text' },
      mode: {
        type: ['string', 'integer'],
        pattern: '^(0?[0-7]{3,4}|[-dlc]?[-r][-w][-xsS][-r][-w][-xsS][-r][-w][-xtT])$',
        'x-message': 'must be an octal mode such as "0644" or a mode string such as "rw-r--r--"',
        description: 'permission bits: "0644", 644 (read as octal) or "rw-r--r--"',
      },
      owner: { type: ['string', 'integer'], pattern: '^[\\w.-]+(:[\\w.-]+)?$', 'x-message': 'must be "uid", "uid:gid", "user" or "user:group"', description: 'owner as "0:0", "root:root" or a uid' },
      size: { ...matcherRef, description: 'size in bytes' },
      target: { ...matcherRef, description: 'the symlink target' },
    },
    required: ['path'],
    additionalProperties: false,
    allOf: target.allOf,
  },
  describe(spec) {
    const rest = summarise(restOf(spec, ['path']));
    return `file ${describeTarget(targetOf(spec))}:${spec.path}${rest ? ` (${rest})` : ' exists'}`;
  },
  async run(spec, ctx) {
    try {
      const ref = targetOf(spec);
      const path = resolvePath(ref, spec.path, ctx.hostDir);
      const st = await ctx.engine.stat(ref, path);
      const where = `${path} in ${describeTarget(ref)}`;
      if (spec.exists === false) return outcome(st ? [{ message: `${where} exists, and should not`, expected: 'absent', actual: st.kind }] : []);
      if (!st) return outcome([{ message: `${where} does not exist`, expected: spec.type ?? 'a file', actual: 'absent' }]);
      const failures: Failure[] = [];
      if (spec.type !== undefined && st.kind !== spec.type) failures.push({ message: `${where} is a ${st.kind}, not a ${spec.type}`, expected: spec.type, actual: st.kind });
      if (spec.mode !== undefined && (st.mode & 0o7777) !== parseMode(spec.mode)) {
        failures.push({ message: `mode of ${where} is ${formatMode(st.mode)}`, expected: formatMode(parseMode(spec.mode)), actual: formatMode(st.mode) });
      }
      if (spec.owner !== undefined) {
        const [user, group] = String(spec.owner).split(':') as [string, string | undefined];
        const uid = await resolveId(ctx.engine, ref, 'passwd', user);
        const gid = group === undefined ? undefined : await resolveId(ctx.engine, ref, 'group', group);
        if (uid === undefined || (group !== undefined && gid === undefined)) {
          return { status: 'error', failures: [{ message: `owner ${spec.owner}: no such user or group in ${describeTarget(ref)}` }] };
        }
        if (st.uid !== uid || (gid !== undefined && st.gid !== gid)) {
          const actual = group === undefined ? String(st.uid) : `${st.uid}:${st.gid}`;
          failures.push({ message: `owner of ${where} is ${actual}`, expected: group === undefined ? String(uid) : `${uid}:${gid}`, actual });
        }
      }
      if (spec.size !== undefined) failures.push(...runMatcher(spec.size, st.size, `size of ${where}`));
      if (spec.target !== undefined) {
        if (st.kind !== 'symlink') failures.push({ message: `${where} is a ${st.kind}, not a symlink`, expected: 'symlink', actual: st.kind });
        else failures.push(...runMatcher(spec.target, st.target ?? '', `target of ${where}`));
      }
      if (spec.content !== undefined) {
        if (st.kind === 'dir') failures.push({ message: `${where} is a directory: it has no content`, expected: 'file', actual: 'dir' });
        else {
          const text = new TextDecoder().decode(await ctx.engine.readFile(ref, path));
          failures.push(...runMatcher(spec.content, text, `content of ${where}`));
        }
      }
      return outcome(failures);
    } catch (e) {
      return errorOutcome(e);
    }
  },
};
