// Generators for the families that read state (inspect, ps with filters) and for volumes (create, ls,
// inspect, rm, with removal of a volume in use as the typical wrong step).

import type { FamilyGen } from './container-families.js';
import { volumeUsers } from './model.js';
import { makeStep } from './step.js';

const CONTAINER_FORMATS = [
  '{{.State.Status}} {{.State.ExitCode}}',
  '{{.Config.Cmd}} {{.Config.WorkingDir}}',
  '{{json .Config.Env}}',
  '{{.Name}} {{.State.Running}} {{.State.Paused}}',
  '{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{.RW}};{{end}}',
  '{{json .Config.Volumes}} {{.Config.User}}',
  '{{.HostConfig.AutoRemove}} {{.RestartCount}} {{.Path}} {{json .Args}}',
];

const IMAGE_FORMATS = [
  '{{json .Config.Cmd}} {{.Config.WorkingDir}}',
  '{{json .Config.Env}}',
  '{{len .RootFS.Layers}} {{.RootFS.Type}}',
  '{{json .Config.Volumes}} {{.Config.User}}',
  '{{json .RepoTags}} {{.Comment}}',
  '{{.Os}} {{.Architecture}} {{.Size}}',
];

const inspect: FamilyGen = (g, wrong) => {
  if (wrong) return makeStep('inspect', ['inspect', g.fresh('nope')], { wrong: true });
  const containers = Object.keys(g.model.containers);
  if (containers.length > 0 && g.rng.chance(0.6)) {
    const name = g.rng.pick(containers);
    return makeStep('inspect', ['inspect', '--format', g.rng.pick(CONTAINER_FORMATS), name], { holds: (m) => name in m.containers });
  }
  const ref = g.rng.pick(Object.keys(g.model.images));
  const kind = g.rng.chance(0.3) ? ['image', 'inspect'] : ['inspect'];
  return makeStep('inspect', [...kind, '--format', g.rng.pick(IMAGE_FORMATS), ref], { holds: (m) => ref in m.images });
};

const ps: FamilyGen = (g, wrong) => {
  if (wrong) return makeStep('ps', ['ps', '--filter', g.rng.pick(['bogus=1', 'status=sleeping', 'exited=abc'])], { wrong: true });
  const containers = Object.keys(g.model.containers);
  const some = containers.length > 0 ? g.rng.pick(containers) : 'h11c-c1';
  const filters = [
    [],
    ['-a'],
    ['-a', '-q'],
    ['-a', '--filter', `status=${g.rng.pick(['exited', 'running', 'created', 'paused'])}`],
    ['-a', '--filter', `name=${some}`],
    ['-a', '--filter', 'exited=0'],
    ['-a', '--filter', `ancestor=${g.rng.pick(Object.keys(g.model.images))}`],
    ['-a', '--format', '{{.Names}} {{.Status}} {{.Command}}'],
    ['-a', '--filter', `volume=${g.model.volumes[0] ?? 'none'}`, '--format', '{{.Names}} {{.State}}'],
    ['-a', '-n', '2', '--format', '{{.Names}} {{.Image}}'],
    ['-a', '-s', '--format', '{{.Names}} {{.Size}}'],
  ];
  return makeStep('ps', ['ps', ...g.rng.pick(filters)]);
};

const volumeCreate: FamilyGen = (g, wrong) => {
  if (wrong) return makeStep('volume-create', ['volume', 'create', '--driver', 'nosuchdriver', g.fresh('vol')], { wrong: true });
  const name = g.model.volumes.length > 0 && g.rng.chance(0.2) ? g.rng.pick(g.model.volumes) : g.fresh('vol');
  const label = g.rng.chance(0.3) ? ['--label', 'k=v'] : [];
  return makeStep('volume-create', ['volume', 'create', ...label, name], {
    apply: (m) => {
      if (!m.volumes.includes(name)) m.volumes.push(name);
    },
  });
};

const volumeLs: FamilyGen = (g, wrong) => {
  if (wrong) return makeStep('volume-ls', ['volume', 'ls', '--filter', 'colour=red'], { wrong: true });
  const opts = g.rng.pick([[], ['-q'], ['--filter', 'dangling=true'], ['--format', '{{.Name}} {{.Driver}}'], ['--filter', 'label=k=v', '-q']]);
  return makeStep('volume-ls', ['volume', 'ls', ...opts]);
};

const volumeInspect: FamilyGen = (g, wrong) => {
  if (wrong || g.model.volumes.length === 0) return makeStep('volume-inspect', ['volume', 'inspect', g.fresh('vol')], { wrong: true });
  const v = g.rng.pick(g.model.volumes);
  return makeStep('volume-inspect', ['volume', 'inspect', '--format', '{{.Name}} {{.Driver}} {{.Scope}} {{json .Labels}}', v], { holds: (m) => m.volumes.includes(v) });
};

const volumeRm: FamilyGen = (g, wrong) => {
  const used = g.model.volumes.filter((v) => volumeUsers(g.model, v).length > 0);
  const free = g.model.volumes.filter((v) => volumeUsers(g.model, v).length === 0);
  if (wrong) {
    if (used.length === 0) return makeStep('volume-rm', ['volume', 'rm', g.fresh('vol')], { wrong: true });
    const v = g.rng.pick(used);
    return makeStep('volume-rm', ['volume', 'rm', v], { wrong: true, holds: (m) => volumeUsers(m, v).length > 0 });
  }
  if (free.length === 0) return undefined;
  const v = g.rng.pick(free);
  return makeStep('volume-rm', ['volume', 'rm', v], {
    holds: (m) => m.volumes.includes(v) && volumeUsers(m, v).length === 0,
    apply: (m) => {
      m.volumes = m.volumes.filter((x) => x !== v);
    },
  });
};

/** The query and volume families by name. */
export const QUERY_FAMILIES: Record<string, FamilyGen> = {
  inspect,
  ps,
  'volume-create': volumeCreate,
  'volume-ls': volumeLs,
  'volume-inspect': volumeInspect,
  'volume-rm': volumeRm,
};
