// `docker build` on a real engine: `FROM centos` must build on the stand-in drydock/centos and `FROM tim/centos`
// on the run's own image. The scenario's context is copied into the run folder and its Dockerfile rewritten
// there (the scenario's files stay as written); the build output names the images as the Dockerfile did,
// because the engine maps drydock/centos back to centos.

import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { RunNames } from './run-names.js';

/** A Dockerfile with each FROM image (and COPY --from image) in the run's namespace; stages and ARGs left alone. */
export function rewriteDockerfile(text: string, names: RunNames): string {
  const stages = new Set<string>();
  return text
    .split('\n')
    .map((line) => {
      const from = /^(\s*FROM\s+)((?:--\S+\s+)*)(\S+)(.*)$/iu.exec(line);
      if (from !== null) {
        const [, head = '', flags = '', image = '', tail = ''] = from;
        const as = /^\s+AS\s+(\S+)/iu.exec(tail);
        const mapped = image.includes('$') || image.toLowerCase() === 'scratch' || stages.has(image.toLowerCase()) ? image : names.sourceImage(image);
        if (as?.[1] !== undefined) stages.add(as[1].toLowerCase());
        return `${head}${flags}${mapped}${tail}`;
      }
      const copy = /^(\s*COPY\s+(?:--\S+\s+)*--from=)(\S+)(.*)$/iu.exec(line);
      if (copy !== null) {
        const [, head = '', image = '', tail = ''] = copy;
        const keep = /^\d+$/u.test(image) || stages.has(image.toLowerCase()) || image.includes('$');
        return `${head}${keep ? image : names.sourceImage(image)}${tail}`;
      }
      return line;
    })
    .join('\n');
}

/** Where the copied build runs from. */
export interface PreparedBuild {
  context: string;
  /** the -f value to pass instead, when the scenario gave one */
  file?: string;
}

/**
 * Copies `context` to `target` and rewrites its Dockerfile (or `file`); a Dockerfile outside the context is
 * rewritten beside the copy. Returns null when the context is not a folder here (docker then reports it).
 */
export function prepareBuildContext(context: string, file: string | undefined, target: string, names: RunNames): PreparedBuild | null {
  if (!existsSync(context) || !statSync(context).isDirectory()) return null;
  mkdirSync(dirname(target), { recursive: true });
  cpSync(context, target, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  const original = file ?? join(context, 'Dockerfile');
  const inside = !relative(context, original).startsWith('..');
  const copied = inside ? join(target, relative(context, original)) : `${target}.Dockerfile`;
  if (!existsSync(original)) return file === undefined ? { context: target } : { context: target, file: copied };
  writeFileSync(copied, rewriteDockerfile(readFileSync(original, 'utf8'), names));
  return file === undefined ? { context: target } : { context: target, file: copied };
}
