// Generators for the image and file-moving families: commit, build, tag, rmi, history, images, save, load,
// export, import, cp in both directions. Archives and copied files land in the host folder `out/`, so later
// steps (load, import, cp back in) use what earlier steps made.

import type { FamilyGen } from './container-families.js';
import type { GenContext } from './gen-context.js';
import { BASE_IMAGE, containersIn, identityInUse, ownImages, type FuzzStep, type Model } from './model.js';
import { dockerfile } from './scripts.js';
import { makeStep, withTag } from './step.js';

function missingImage(g: GenContext, family: string, before: string[], after: string[] = []): FuzzStep {
  return makeStep(family, [...before, `${g.fresh('missing')}:1`, ...after], { wrong: true });
}

function missingContainer(g: GenContext, family: string, before: string[], after: string[] = []): FuzzStep {
  return makeStep(family, [...before, g.fresh('nope'), ...after], { wrong: true });
}

let identities = 0;
// a new image identity (only compared for equality, so a counter is enough)
function newIdentity(): string {
  identities++;
  return `i${identities}`;
}

const commit: FamilyGen = (g, wrong) => {
  if (wrong) return missingContainer(g, 'commit', ['commit'], [g.freshImage()]);
  const all = Object.keys(g.model.containers);
  if (all.length === 0) return undefined;
  const name = g.rng.pick(all);
  const ref = g.freshImage();
  const opts = g.rng.chance(0.3) ? ['-c', g.rng.pick(['ENV X=1', 'CMD ["sh"]', 'WORKDIR /d', 'LABEL a=b'])] : g.rng.chance(0.2) ? ['-m', 'fuzz'] : [];
  return makeStep('commit', ['commit', ...opts, name, ref], {
    holds: (m) => name in m.containers,
    apply: (m) => {
      m.images[withTag(ref)] = newIdentity();
    },
  });
};

const build: FamilyGen = (g, wrong) => {
  const from = g.rng.pick(Object.keys(g.model.images));
  const ctx = g.fresh('ctx').slice('h11c-'.length);
  g.files.set(`${ctx}/a.txt`, `a ${ctx}\n`);
  g.files.set(`${ctx}/b.txt`, `b ${ctx}\n`);
  g.files.set(`${ctx}/Dockerfile`, dockerfile(g.rng, from, ['a.txt', 'b.txt'], wrong));
  const ref = g.freshImage();
  const quiet = g.rng.chance(0.2) ? ['-q'] : [];
  return makeStep('build', ['build', ...quiet, '-t', ref, ctx], {
    wrong,
    holds: (m) => from in m.images,
    apply: (m) => {
      m.images[withTag(ref)] = newIdentity();
    },
  });
};

const tag: FamilyGen = (g, wrong) => {
  if (wrong) return missingImage(g, 'tag', ['tag'], [g.freshImage()]);
  const source = g.rng.pick(Object.keys(g.model.images));
  const own = ownImages(g.model);
  const target = own.length > 0 && g.rng.chance(0.25) ? g.rng.pick(own) : g.freshImage();
  return makeStep('tag', ['tag', source, target], {
    holds: (m) => source in m.images,
    apply: (m) => {
      m.images[withTag(target)] = m.images[source]!;
    },
  });
};

// the image is removed (not only untagged) and a container uses it
function blocked(m: Model, ref: string): boolean {
  const id = m.images[ref]!;
  return Object.values(m.images).filter((i) => i === id).length === 1 && identityInUse(m, id);
}

const rmi: FamilyGen = (g, wrong) => {
  const own = ownImages(g.model);
  if (wrong) {
    const used = own.filter((r) => blocked(g.model, r));
    if (used.length === 0 || g.rng.chance(0.3)) return missingImage(g, 'rmi', ['rmi']);
    const ref = g.rng.pick(used);
    return makeStep('rmi', ['rmi', ref], { wrong: true, holds: (m) => ref in m.images && blocked(m, ref) });
  }
  if (own.length === 0) return undefined;
  const ref = g.rng.pick(own);
  const force = blocked(g.model, ref);
  return makeStep('rmi', ['rmi', ...(force ? ['-f'] : []), ref], {
    holds: (m) => ref in m.images && blocked(m, ref) === force,
    apply: (m) => {
      delete m.images[ref];
    },
  });
};

const history: FamilyGen = (g, wrong) => {
  if (wrong) return missingImage(g, 'history', ['history']);
  const ref = g.rng.pick(Object.keys(g.model.images));
  const opts = g.rng.pick([[], ['-q'], ['--no-trunc', '--format', '{{.CreatedBy}}'], ['--format', '{{.Size}} {{.Comment}}']]);
  return makeStep('history', ['history', ...opts, ref], { holds: (m) => ref in m.images });
};

const images: FamilyGen = (g, wrong) => {
  if (wrong) return makeStep('images', ['images', g.rng.pick(['--filter', '-f']), g.rng.pick(['bogus=1', 'dangling=maybe'])], { wrong: true });
  const own = ownImages(g.model);
  const repo = own.length > 0 ? g.rng.pick(own).split(':')[0]! : BASE_IMAGE.split(':')[0]!;
  const opts = g.rng.pick([[], ['-q'], ['--format', '{{.Repository}}:{{.Tag}}'], [repo], ['--filter', 'dangling=true'], ['--filter', `reference=h11c-*`], ['--format', '{{.Repository}} {{.Size}}', repo]]);
  return makeStep('images', ['images', ...opts]);
};

const save: FamilyGen = (g, wrong) => {
  const file = `out/${g.fresh('s').slice('h11c-'.length)}.tar`;
  if (wrong) return missingImage(g, 'save', ['save', '-o', file]);
  const refs = [...new Set([g.rng.pick(Object.keys(g.model.images)), g.rng.pick(Object.keys(g.model.images))])].filter((r) => r !== BASE_IMAGE || g.rng.chance(0.3));
  if (refs.length === 0) return undefined;
  return makeStep('save', ['save', '-o', file, ...refs], {
    holds: (m) => refs.every((r) => r in m.images),
    apply: (m) => {
      m.archives[file] = { kind: 'save', images: Object.fromEntries(refs.map((r) => [r, m.images[r]!])) };
    },
  });
};

const load: FamilyGen = (g, wrong) => {
  if (wrong) return makeStep('load', ['load', '-i', `out/${g.fresh('none')}.tar`], { wrong: true });
  const saved = Object.entries(g.model.archives).filter(([, a]) => a.kind === 'save');
  if (saved.length === 0) return undefined;
  const [file] = g.rng.pick(saved);
  return makeStep('load', ['load', ...(g.rng.chance(0.3) ? ['-q'] : []), '-i', file], {
    holds: (m) => m.archives[file]?.kind === 'save',
    apply: (m) => {
      const a = m.archives[file];
      if (a?.kind === 'save') Object.assign(m.images, a.images);
    },
  });
};

const exportFamily: FamilyGen = (g, wrong) => {
  const file = `out/${g.fresh('e').slice('h11c-'.length)}.tar`;
  if (wrong) return missingContainer(g, 'export', ['export', '-o', file]);
  const candidates = containersIn(g.model, 'created', 'exited', 'running');
  if (candidates.length === 0) return undefined;
  const name = g.rng.pick(candidates);
  return makeStep('export', ['export', '-o', file, name], {
    holds: (m) => name in m.containers,
    apply: (m) => {
      m.archives[file] = { kind: 'export' };
    },
  });
};

const importFamily: FamilyGen = (g, wrong) => {
  if (wrong) return makeStep('import', ['import', `out/${g.fresh('none')}.tar`, g.freshImage()], { wrong: true });
  const exported = Object.entries(g.model.archives).filter(([, a]) => a.kind === 'export');
  if (exported.length === 0) return undefined;
  const [file] = g.rng.pick(exported);
  const ref = g.freshImage();
  const opts = g.rng.chance(0.3) ? ['-m', 'imported'] : g.rng.chance(0.3) ? ['-c', 'CMD ["sh"]'] : [];
  return makeStep('import', ['import', ...opts, file, ref], {
    holds: (m) => m.archives[file]?.kind === 'export',
    apply: (m) => {
      m.images[withTag(ref)] = newIdentity();
    },
  });
};

const cpFrom: FamilyGen = (g, wrong) => {
  const candidates = containersIn(g.model, 'created', 'exited', 'running');
  if (candidates.length === 0) return wrong ? missingContainer(g, 'cp-from', ['cp'], []) : undefined;
  const name = g.rng.pick(candidates);
  if (wrong) return makeStep('cp-from', ['cp', `${name}:/nope/${g.fresh('f')}`, 'out/'], { wrong: true, holds: (m) => name in m.containers });
  const c = g.model.containers[name]!;
  const path = c.files.length > 0 && g.rng.chance(0.7) ? g.rng.pick(c.files) : g.rng.pick(['/bin/rev', '/tmp', '/etc']);
  const dest = `out/${g.fresh('cp').slice('h11c-'.length)}`;
  return makeStep('cp-from', ['cp', `${name}:${path}`, dest], {
    holds: (m) => name in m.containers && (path.startsWith('/d/') || path.startsWith('/tmp/') ? m.containers[name]!.files.includes(path) : true),
    apply: (m) => {
      m.hostFiles.push(dest);
    },
  });
};

const cpTo: FamilyGen = (g, wrong) => {
  const candidates = containersIn(g.model, 'created', 'exited', 'running');
  if (candidates.length === 0) return undefined;
  const name = g.rng.pick(candidates);
  if (wrong) {
    if (g.rng.chance(0.5)) return makeStep('cp-to', ['cp', `data/${g.fresh('none')}`, `${name}:/tmp/`], { wrong: true, holds: (m) => name in m.containers });
    return makeStep('cp-to', ['cp', 'data/a.txt', `${name}:/nope/dir/`], { wrong: true, holds: (m) => name in m.containers });
  }
  const source = g.rng.pick(g.model.hostFiles);
  const target = g.rng.pick(['/tmp/', '/', '/tmp/copied']);
  return makeStep('cp-to', ['cp', source, `${name}:${target}`], {
    holds: (m) => name in m.containers && m.hostFiles.includes(source),
    apply: (m) => {
      if (target === '/tmp/copied') m.containers[name]!.files.push('/tmp/copied');
    },
  });
};

/** The image and file-moving families by name. */
export const IMAGE_FAMILIES: Record<string, FamilyGen> = {
  commit,
  build,
  tag,
  rmi,
  history,
  images,
  save,
  load,
  export: exportFamily,
  import: importFamily,
  'cp-from': cpFrom,
  'cp-to': cpTo,
};
