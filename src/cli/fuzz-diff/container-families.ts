// Generators for the container families: run, create, start, stop, kill, rm, exec, pause, unpause, logs, wait,
// rename, diff. Each returns a step valid in the model or, when asked, a deliberately wrong one (missing name,
// name conflict, wrong state, bad flag), or undefined when the model offers nothing to work on.

import { GenContext } from './gen-context.js';
import { containersIn, type FuzzStep, type Model, type ModelContainer } from './model.js';
import { fileScript } from './scripts.js';
import { makeStep } from './step.js';

/** A family generator: the context and whether to make a wrong step. */
export type FamilyGen = (g: GenContext, wrong: boolean) => FuzzStep | undefined;

const SLEEP = ['sleep', '600'];
// a long-running main process whose shell traps signals and waits for a background job (`sleep … & wait`, the
// usual way to make docker stop run a trap): USR1 prints and waits again, TERM prints and exits 3
const TRAPPING = ['sh', '-c', `trap 'echo got USR1' USR1; trap 'echo bye; exit 3' TERM; while true; do sleep 600 & wait; echo "woke $?"; done`];

function anyImage(g: GenContext): string {
  return g.rng.pick(Object.keys(g.model.images));
}

function names(g: GenContext): string[] {
  return Object.keys(g.model.containers);
}

// a missing-container step: the name was never used
function missing(g: GenContext, family: string, before: string[], after: string[] = []): FuzzStep {
  return makeStep(family, [...before, g.fresh('nope'), ...after], { wrong: true });
}

function runOrCreate(family: 'run' | 'create'): FamilyGen {
  return (g, wrong) => {
    const { rng, model } = g;
    const image = anyImage(g);
    if (wrong) {
      const existing = names(g);
      const kind = rng.int(0, 2);
      if (kind === 0 && existing.length > 0) {
        const taken = rng.pick(existing);
        return makeStep(family, [family, ...(family === 'run' ? ['-d'] : []), '--name', taken, image, ...SLEEP], { wrong: true, holds: (m) => taken in m.containers && image in m.images });
      }
      if (kind === 1) return makeStep(family, [family, '--name', g.fresh('c'), `${g.fresh('missing')}:1`, 'true'], { wrong: true });
      return makeStep(family, [family, rng.pick(['--bogus', '-z', '--memory=lots']), image, 'true'], { wrong: true });
    }
    const name = g.fresh('c');
    const oneShot = family === 'create' ? rng.chance(0.5) : rng.chance(0.6);
    const opts: string[] = [];
    const volumes: string[] = [];
    if (rng.chance(0.3)) {
      const v = model.volumes.length > 0 && rng.chance(0.5) ? rng.pick(model.volumes) : g.fresh('vol');
      volumes.push(v);
      opts.push('-v', `${v}:${rng.pick(['/data', '/d/v'])}`);
    }
    if (rng.chance(0.2)) opts.push('-e', `K=${rng.int(1, 9)}`);
    if (rng.chance(0.2)) opts.push('-w', rng.pick(['/w', '/d', '/tmp']));
    if (family === 'run' && rng.chance(0.15) && oneShot) {
      const { script } = fileScript(rng);
      return makeStep('run', ['run', '--rm', ...opts, image, 'sh', '-c', script], {
        holds: (m) => image in m.images,
        apply: (m) => {
          for (const v of volumes) if (!m.volumes.includes(v)) m.volumes.push(v);
        },
      });
    }
    const { script, files } = fileScript(rng);
    const cmd = oneShot ? ['sh', '-c', script] : rng.chance(0.3) ? TRAPPING : SLEEP;
    const detach = family === 'run' && !oneShot ? ['-d'] : [];
    return makeStep(family, [family, ...detach, '--name', name, ...opts, image, ...cmd], {
      holds: (m) => image in m.images,
      apply: (m) => {
        for (const v of volumes) if (!m.volumes.includes(v)) m.volumes.push(v);
        const state = family === 'create' ? 'created' : oneShot ? 'exited' : 'running';
        m.containers[name] = { image: m.images[image]!, state, oneShot, volumes, files: family === 'run' && oneShot ? files : [] };
      },
    });
  };
}

// a step on a container in one of `states`, changing its state to `to`
function onState(family: string, states: ModelContainer['state'][], build: (g: GenContext, name: string, c: ModelContainer) => string[], effect?: (c: ModelContainer, m: Model, name: string) => void): (g: GenContext) => FuzzStep | undefined {
  return (g) => {
    const candidates = containersIn(g.model, ...states);
    if (candidates.length === 0) return undefined;
    const name = g.rng.pick(candidates);
    const c = g.model.containers[name]!;
    return makeStep(family, build(g, name, c), {
      holds: (m) => m.containers[name] !== undefined && states.includes(m.containers[name].state) && m.containers[name].oneShot === c.oneShot,
      apply: (m) => effect?.(m.containers[name]!, m, name),
    });
  };
}

// a step on a container in a state where the command fails
function wrongState(family: string, states: ModelContainer['state'][], build: (name: string) => string[]): (g: GenContext) => FuzzStep | undefined {
  return (g) => {
    const candidates = containersIn(g.model, ...states);
    if (candidates.length === 0) return undefined;
    const name = g.rng.pick(candidates);
    return makeStep(family, build(name), { wrong: true, holds: (m) => m.containers[name] !== undefined && states.includes(m.containers[name].state) });
  };
}

function either(valid: (g: GenContext) => FuzzStep | undefined, wrongs: ((g: GenContext) => FuzzStep | undefined)[]): FamilyGen {
  return (g, wrong) => (wrong ? g.rng.pick(wrongs)(g) : valid(g));
}

const start = either(
  onState('start', ['created', 'exited'], (_g, n, c) => (c.oneShot ? ['start', '-a', n] : ['start', n]), (c) => {
    c.state = c.oneShot ? 'exited' : 'running';
  }),
  [(g) => missing(g, 'start', ['start'])],
);

const stop = either(
  onState('stop', ['running', 'exited', 'created'], (_g, n) => ['stop', '-t', '1', n], (c) => {
    if (c.state === 'running') c.state = 'exited';
  }),
  [(g) => missing(g, 'stop', ['stop'])],
);

const kill = either(
  (g) =>
    g.rng.chance(0.3)
      ? // a signal PID 1 ignores unless it traps it: the container runs on either way
        onState('kill', ['running'], (g2, n) => ['kill', '-s', g2.rng.pick(['USR1', 'HUP', 'SIGUSR1']), n])(g)
      : onState('kill', ['running'], (g2, n) => (g2.rng.chance(0.3) ? ['kill', '-s', 'KILL', n] : ['kill', n]), (c) => {
          c.state = 'exited';
        })(g),
  [wrongState('kill', ['created', 'exited'], (n) => ['kill', n]), (g) => missing(g, 'kill', ['kill'])],
);

const rm = either(
  (g) =>
    g.rng.chance(0.4)
      ? onState('rm', ['running', 'paused', 'exited', 'created'], (_g, n) => ['rm', '-f', n], (_c, m, n) => delete m.containers[n])(g)
      : onState('rm', ['exited', 'created'], (_g, n) => ['rm', n], (_c, m, n) => delete m.containers[n])(g),
  [wrongState('rm', ['running', 'paused'], (n) => ['rm', n]), (g) => missing(g, 'rm', ['rm'])],
);

const exec = either(
  (g) => {
    const { script, files } = fileScript(g.rng);
    return onState('exec', ['running'], (_g, n) => ['exec', n, 'sh', '-c', script], (c) => {
      c.files = [...new Set([...c.files, ...files])];
    })(g);
  },
  [wrongState('exec', ['created', 'exited'], (n) => ['exec', n, 'true']), wrongState('exec', ['paused'], (n) => ['exec', n, 'true']), (g) => missing(g, 'exec', ['exec'], ['true'])],
);

const pause = either(
  onState('pause', ['running'], (_g, n) => ['pause', n], (c) => {
    c.state = 'paused';
  }),
  [wrongState('pause', ['created', 'exited'], (n) => ['pause', n]), wrongState('pause', ['paused'], (n) => ['pause', n])],
);

const unpause = either(
  onState('unpause', ['paused'], (_g, n) => ['unpause', n], (c) => {
    c.state = 'running';
  }),
  [wrongState('unpause', ['running', 'exited'], (n) => ['unpause', n]), (g) => missing(g, 'unpause', ['unpause'])],
);

const logs = either(onState('logs', ['exited', 'running', 'created'], (g, n) => (g.rng.chance(0.3) ? ['logs', '--tail', '1', n] : ['logs', n])), [(g) => missing(g, 'logs', ['logs'])]);

const wait = either(onState('wait', ['exited'], (_g, n) => ['wait', n]), [(g) => missing(g, 'wait', ['wait'])]);

const diff = either(onState('diff', ['exited', 'running', 'created', 'paused'], (_g, n) => ['diff', n]), [(g) => missing(g, 'diff', ['diff'])]);

const rename: FamilyGen = (g, wrong) => {
  const all = names(g);
  if (all.length === 0) return wrong ? missing(g, 'rename', ['rename'], [g.fresh('c')]) : undefined;
  const from = g.rng.pick(all);
  if (wrong) {
    if (all.length < 2) return missing(g, 'rename', ['rename'], [g.fresh('c')]);
    const to = g.rng.pick(all.filter((n) => n !== from));
    return makeStep('rename', ['rename', from, to], { wrong: true, holds: (m) => from in m.containers && to in m.containers });
  }
  const to = g.fresh('c');
  return makeStep('rename', ['rename', from, to], {
    holds: (m) => from in m.containers,
    apply: (m) => {
      m.containers[to] = m.containers[from]!;
      delete m.containers[from];
    },
  });
};

/** The container families by name. */
export const CONTAINER_FAMILIES: Record<string, FamilyGen> = {
  run: runOrCreate('run'),
  create: runOrCreate('create'),
  start,
  stop,
  kill,
  rm,
  exec,
  pause,
  unpause,
  logs,
  wait,
  diff,
  rename,
};
