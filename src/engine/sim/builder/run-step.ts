// RUN in the legacy builder: a container from the stage's image with the step's command, its output streamed
// into the build's (stderr in red, as the daemon's stream formatter marks it), committed when it exits 0.

import { cloneConfig, type ContainerConfig } from '../image/config.js';
import type { Image } from '../image/image.js';
import type { Daemon } from '../daemon.js';
import type { Container } from '../container/container.js';
import { createContainer, ensureMountPoints, type CreateRequest } from '../container/create.js';
import { removeContainer, exited } from '../container/lifecycle.js';
import { runProcess } from '../container/process-runner.js';
import { PidNamespace } from '../shell/pid-namespace.js';
import type { BuildRequest } from './build-request.js';
import { commandOf, StepError } from './config-dispatch.js';
import type { Instruction } from './dockerfile/instruction-types.js';
import { commitStep, layerFrom, scratchImage, tryCache, type Stage } from './stage.js';

/** Runs a RUN step (or finds it in the cache); returns the ID of the image it committed. */
export function runInstruction(
  daemon: Daemon,
  req: BuildRequest,
  stage: Stage,
  instr: Extract<Instruction, { kind: 'RUN' }>,
  say: (text: string) => void,
): string {
  if (instr.flagsUsed.length) {
    throw new StepError(`the --${instr.flagsUsed[0]} option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled`);
  }
  const cmd = commandOf(instr, stage.shell);
  const args = [...stage.args].filter(([k]) => !(stage.config.Env ?? []).some((e) => e.startsWith(`${k}=`)));
  const prefix = args.length ? [`|${args.length}`, ...args.map(([k, v]) => `${k}=${v}`)] : [];
  const createdBy = [...prefix, ...cmd].join(' ');
  const hit = tryCache(daemon, req, stage, createdBy, [...prefix, ...cmd], say);
  if (hit) return hit;
  const image = stage.image ?? daemon.images.add(scratchImage(daemon, stage));
  const config = cloneConfig(stage.config);
  // withEntrypointOverride: an empty command (RUN []) keeps the image's entrypoint, and the daemon fills the
  // image's Cmd in, as for any container created without one
  config.Cmd = cmd.length ? cmd : stage.config.Cmd;
  if (cmd.length) config.Entrypoint = null;
  const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
  const container = createContainer(daemon, buildContainerRequest(image, config));
  say(` ---> Running in ${container.id.slice(0, 12)}\n`);
  container.state = { ...container.state, status: 'running', startedAt: daemon.clock.now() };
  // runc makes the mount points of the image's volumes at start: they enter the step's layer (fuzz:diff seed 4059)
  ensureMountPoints(daemon, container);
  container.procs = PidNamespace.start(argv);
  let output = '';
  const outcome = runProcess(
    container.fs,
    {
      proc: { ns: container.procs, pid: 1 },
      argv,
      env: [...(config.Env ?? []), ...args.map(([k, v]) => `${k}=${v}`)],
      cwd: config.WorkingDir || '/',
      user: config.User,
      hostname: container.config.Hostname,
      tty: false,
      stdin: new Uint8Array(0),
      stdinOpen: false,
      mode: 'build',
      // a step runs on the build's --network (none: loopback only) or the default network
      network: req.network ?? 'default',
      clock: daemon.clock,
      steps: daemon.stepBudget,
    },
    (stream, text) => {
      output += stream === 'stdout' ? text : `\x1b[91m${text}\x1b[0m`;
    },
  );
  say(output);
  // dispatch's deferred RemoveAll: --force-rm removes the step's container even when the step failed
  const fail = (error: StepError): StepError => {
    if (req.forceRm) removeStepContainer(daemon, container, say);
    return error;
  };
  if (outcome.kind === 'start-failed') {
    container.state = { ...container.state, status: 'created', startedAt: null };
    throw fail(new StepError(outcome.message, 1));
  }
  if (outcome.kind === 'blocked') throw new StepError(`drydock: the RUN step '${cmd.join(' ')}' waits for input that never comes`, 1);
  if (outcome.kind === 'budget') throw new StepError(`drydock: the RUN step '${cmd.join(' ')}' ${outcome.what}`, 1);
  exited(daemon, container, outcome.exitCode);
  if (outcome.exitCode !== 0) {
    throw fail(new StepError(`The command '${cmd.join(' ')}' returned a non-zero code: ${outcome.exitCode}`, outcome.exitCode));
  }
  const layer = layerFrom(stage, container.rw.snapshot());
  if (req.rm || req.forceRm) removeStepContainer(daemon, container, say);
  return commitStep(daemon, stage, { createdBy, cmd: [...prefix, ...cmd], containerId: container.id, layer, emptyLayer: layer === stage.layer });
}

/** Removes a step's container as the builder's RemoveAll does, with its line in the output. */
function removeStepContainer(daemon: Daemon, container: Container, say: (text: string) => void): void {
  removeContainer(daemon, container, true, true);
  say(`Removing intermediate container ${container.id.slice(0, 12)}\n`);
}

/** What the builder asks the daemon for a step's container: the stage's config, no network, nothing attached. */
export function buildContainerRequest(image: Image, config: ContainerConfig): CreateRequest {
  return {
    image: { ...image, config },
    imageName: image.id,
    name: null,
    cmd: config.Cmd,
    entrypoint: [],
    env: [],
    workdir: null,
    user: null,
    tty: false,
    openStdin: false,
    attachStdin: false,
    attachOutput: false,
    mounts: [],
    binds: [],
    volumesFrom: [],
    exposedPorts: [],
    host: { networkMode: 'none', portBindings: {}, autoRemove: false, privileged: false, publishAllPorts: false, readonlyRootfs: false, capAdd: null, capDrop: null, pidMode: '', devices: [], mounts: null },
    labels: {},
    autoRemove: false,
    stdin: new Uint8Array(0),
  };
}
