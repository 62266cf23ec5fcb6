// `docker build` with Docker 20.10's legacy builder: one step per instruction, one committed image per step
// (the "intermediate images"), the build cache, ONBUILD triggers, multi-stage builds, and the exact output
// ("Step 1/4 : …", " ---> Running in …", "Successfully built …"), including what a failed build leaves
// behind: the failed step's container and the images of the steps before it.

import { MountedFs } from '../fs/mounted-fs.js';
import { resolvePath } from '../fs/path.js';
import { resolveInRoot } from '../../root-path.js';
import { cloneConfig, emptyConfig } from '../image/config.js';
import type { Image } from '../image/image.js';
import { MergedIndex } from '../layer/merged-index.js';
import { RwLayer } from '../layer/rw-layer.js';
import type { Daemon } from '../daemon.js';
import { DaemonError } from '../daemon-error.js';
import { resolveUser } from '../container/process-runner.js';
import { humanSize } from '../cli/format/units.js';
import type { BuildRequest, BuildResult } from './build-request.js';
import { applyMetadata, expansionEnv, nextWorkdir, StepError } from './config-dispatch.js';
import { copyInto, type CopySource } from './copy.js';
import { DockerfileError } from './dockerfile/dockerfile-error.js';
import type { EscapeToken } from './dockerfile/directives.js';
import { ExpansionError } from './dockerfile/expand.js';
import { expandInstruction } from './dockerfile/expand-instruction.js';
import type { Instruction } from './dockerfile/instruction-types.js';
import { parseInstruction } from './dockerfile/instructions.js';
import { parseDockerfile } from './dockerfile/parser.js';
import { readDockerfile } from './dockerfile/read-dockerfile.js';
import { buildContainerRequest, runInstruction } from './run-step.js';
import { createContainer } from '../container/create.js';
import { commitStep, layerFrom, scratchImage, tryCache, type Stage } from './stage.js';
import { cacheSources, type CacheSources } from './cache-from.js';

const DEFAULT_SHELL = ['/bin/sh', '-c'];

// builtinAllowedBuildArgs: usable without an ARG, so never reported as unused
const PROXY_ARGS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

/** Runs a build; never throws for build errors (they are output and an exit code, as with docker). */
export function build(daemon: Daemon, request: BuildRequest): BuildResult {
  let req = request;
  let stdout = '';
  // with -q the client buffers the progress; a failed build prints the buffer to stderr before the error
  let buffered = '';
  const say = (text: string) => {
    if (!req.quiet) stdout += text;
    else buffered += text;
  };
  const done = (stderr: string, exitCode: number): BuildResult => ({ stdout, stderr: `${buffered}${stderr ? `${stderr}\n` : ''}`, exitCode, image: null });
  say(`Sending build context to Docker daemon ${humanSize(req.context.tarSize).padStart(8)}\r\r\n`);
  if (req.refusal) return done(`Error response from daemon: ${req.refusal}`, 1);
  // the daemon drops .dockerignore and the Dockerfile from the context when .dockerignore names them
  req = { ...req, context: req.context.withoutBuildFiles(req.dockerfileName) };

  let instructions: Instruction[];
  let escapeToken: EscapeToken;
  // the --label options, which the legacy builder adds to the last stage as LABEL steps (not expanded)
  const labelSteps = new Set<Instruction>();
  try {
    const parsed = readDockerfile(req.dockerfileText, req.dockerfileName);
    let stages = parsed.stages;
    if (req.target !== null) {
      // --target cuts the Dockerfile after the named stage (names compare case-insensitively)
      const at = stages.findIndex((s) => s.from.stageName !== '' && s.from.stageName === req.target?.toLowerCase());
      if (at === -1) return done(`Error response from daemon: failed to reach build target ${req.target} in Dockerfile`, 1);
      stages = stages.slice(0, at + 1);
    }
    instructions = [...parsed.metaArgs, ...stages.flatMap((s) => [s.from, ...s.commands])];
    for (const key of Object.keys(req.labels).sort()) {
      const code = `LABEL ${key}=${req.labels[key] ?? ''}`;
      const step: Instruction = { kind: 'LABEL', keyword: 'LABEL', code, startLine: 0, endLine: 0, labels: [{ key, value: req.labels[key] ?? '' }] };
      labelSteps.add(step);
      instructions.push(step);
    }
    escapeToken = parsed.escapeToken;
  } catch (error) {
    if (error instanceof DockerfileError) return done(`Error response from daemon: ${error.daemonMessage}`, 1);
    throw error;
  }
  const sources = req.cacheFrom ? cacheSources(req.cacheFrom, req.resolveImage) : null;
  const metaArgs = new Map<string, string>();
  const referencedArgs = new Set<string>();
  const stages: Stage[] = [];
  let stage: Stage | null = null;
  const total = instructions.length;
  try {
    for (let i = 0; i < instructions.length; i++) {
      const instr = instructions[i] as Instruction;
      say(`Step ${i + 1}/${total} : ${instr.code}\n`);
      if (instr.kind === 'ARG' && stage === null) {
        for (const a of expandInstruction(instr, metaArgs, { escapeToken }).args) {
          metaArgs.set(a.key, req.buildArgs.get(a.key) ?? a.value ?? '');
          referencedArgs.add(a.key);
        }
        continue;
      }
      if (instr.kind === 'FROM') {
        if (stage) stages.push(stage);
        stage = fromStage(daemon, req, expandInstruction(instr, metaArgs, { escapeToken }), stages, say, sources);
        continue;
      }
      const current = stage as Stage;
      if (instr.kind === 'ARG') for (const a of instr.args) referencedArgs.add(a.key);
      const expanded = labelSteps.has(instr) ? instr : expandInstruction(instr, expansionEnv(current.config, current.args), { escapeToken });
      const id = runStep(daemon, req, current, expanded, stages, say, false);
      say(` ---> ${id.slice(7, 19)}\n`);
    }
  } catch (error) {
    if (error instanceof StepError) return done(error.message, error.exitCode);
    if (error instanceof ExpansionError) return done(error.message, 1);
    if (error instanceof DockerfileError) return done(`Error response from daemon: ${error.daemonMessage}`, 1);
    if (error instanceof DaemonError) return done(error.message, error.exitCode ?? 1);
    throw error;
  }
  // BuildArgs.WarnOnUnusedBuildArgs: --build-arg names no ARG declared, sorted, proxies excepted
  const unused = [...req.buildArgs.keys()].filter((k) => !referencedArgs.has(k) && !PROXY_ARGS.includes(k)).sort();
  if (unused.length) say(`[Warning] One or more build-args [${unused.join(' ')}] were not consumed\n`);
  const last = stage as Stage;
  const image = last.image;
  if (!image) return done('No image was generated. Is your Dockerfile empty?', 1);
  say(`Successfully built ${image.id.slice(7, 19)}\n`);
  for (const tag of req.tags) {
    daemon.images.tag(tag, image.id, daemon.clock.now());
    say(`Successfully tagged ${tag}\n`);
  }
  if (req.quiet) stdout = `${image.id}\n`;
  return { stdout, stderr: '', exitCode: 0, image };
}

function fromStage(
  daemon: Daemon,
  req: BuildRequest,
  instr: Extract<Instruction, { kind: 'FROM' }>,
  stages: Stage[],
  say: (text: string) => void,
  sources: CacheSources | null,
): Stage {
  const name = instr.image;
  const named = stages.find((s) => s.name !== '' && s.name === name.toLowerCase());
  let base: Image | null = null;
  if (named) base = named.image;
  else if (name !== 'scratch') {
    const found = req.resolveImage(name);
    if (!found) {
      throw new StepError(
        `drydock: the image ${name} is not in the simulator and it cannot pull from a registry (there is none offline); build or import it first, or run with --engine docker`,
      );
    }
    base = found;
  }
  const stage: Stage = {
    name: instr.stageName,
    image: base,
    config: base ? cloneConfig(base.config) : emptyConfig(),
    history: base ? [...base.history] : [],
    layer: base?.layer ?? null,
    shell: base?.config.Shell ? [...base.config.Shell] : [...DEFAULT_SHELL],
    cmdSet: false,
    author: base?.author ?? '',
    args: new Map(),
    sources,
  };
  if (!(stage.config.Env ?? []).some((e) => e.startsWith('PATH='))) {
    stage.config.Env = [...(stage.config.Env ?? []), 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];
  }
  const triggers = base?.config.OnBuild ?? [];
  if (triggers.length) {
    say(`# Executing ${triggers.length} build trigger${triggers.length === 1 ? '' : 's'}\n`);
    stage.config.OnBuild = null;
    for (const text of triggers) {
      const node = parseDockerfile(text).nodes[0];
      if (!node) continue;
      const trigger = expandInstruction(parseInstruction(node), expansionEnv(stage.config, stage.args));
      runStep(daemon, req, stage, trigger, stages, say, true);
    }
  }
  // FROM scratch prints the arrow with no ID, as the legacy builder does
  say(` ---> ${stage.image ? stage.image.id.slice(7, 19) : ''}\n`);
  return stage;
}

/** Runs one non-FROM instruction; returns the ID of the image it committed (or found in the cache). */
function runStep(
  daemon: Daemon,
  req: BuildRequest,
  stage: Stage,
  instr: Instruction,
  stages: Stage[],
  say: (text: string) => void,
  trigger: boolean,
): string {
  if (instr.kind === 'ARG') {
    for (const a of instr.args) {
      // BuildArgs.getBuildArg: an ARG with no value from --build-arg or a default is not set at all
      const value = req.buildArgs.get(a.key) ?? a.value;
      if (value === undefined || value === null) stage.args.delete(a.key);
      else stage.args.set(a.key, value);
    }
    return metadataStep(daemon, req, stage, `ARG ${instr.args.map((a) => (a.value === undefined ? a.key : `${a.key}=${a.value}`)).join(' ')}`, say, () => undefined);
  }
  if (instr.kind === 'RUN') return runInstruction(daemon, req, stage, instr, say);
  if (instr.kind === 'COPY' || instr.kind === 'ADD') return copyInstruction(daemon, req, stage, instr, stages, say, trigger);
  if (instr.kind === 'WORKDIR') {
    const dir = nextWorkdir(stage.config.WorkingDir, instr.path);
    stage.config.WorkingDir = dir;
    return fsStep(daemon, req, stage, `#(nop) WORKDIR ${dir}`, say, true, (fs) => {
      const path = resolvePath('/', dir);
      if (!fs.stat(path)) mkdirAll(fs, path);
    });
  }
  const config = stage.config;
  return metadataStep(daemon, req, stage, '', say, () => {
    const message = applyMetadata(config, instr, stage);
    if (message === null) throw new StepError(`drydock: ${instr.kind} is not supported by the simulator's builder; use --engine docker`);
    if (instr.kind === 'VOLUME') refuseVolumeOverFile(daemon, stage);
    return message;
  });
}

/** A step that changes only the config: "Running in", "Removing intermediate container", no layer. */
function metadataStep(
  daemon: Daemon,
  req: BuildRequest,
  stage: Stage,
  fixedMessage: string,
  say: (text: string) => void,
  apply: () => string | undefined,
): string {
  const message = apply() ?? fixedMessage;
  const createdBy = `${stage.shell.join(' ')} #(nop)  ${message}`;
  const cmd = [...stage.shell, '#(nop) ', message];
  const hit = tryCache(daemon, req, stage, createdBy, cmd, say);
  if (hit) return hit;
  const cid = stepContainer(daemon, req, stage, cmd);
  say(` ---> Running in ${cid.slice(0, 12)}\n`);
  const id = commitStep(daemon, stage, { createdBy, cmd, containerId: cid, layer: stage.layer, emptyLayer: true });
  if (req.rm || req.forceRm) say(`Removing intermediate container ${cid.slice(0, 12)}\n`);
  return id;
}

/** A step that may change files (WORKDIR) in a throwaway container over the stage's layers. */
function fsStep(
  daemon: Daemon,
  req: BuildRequest,
  stage: Stage,
  message: string,
  say: (text: string) => void,
  runsContainer: boolean,
  change: (fs: MountedFs) => void,
): string {
  const createdBy = `${stage.shell.join(' ')} ${message}`;
  const hit = tryCache(daemon, req, stage, createdBy, [...stage.shell, message], say);
  if (hit) return hit;
  const cid = runsContainer ? stepContainer(daemon, req, stage, [...stage.shell, message]) : daemon.ids.next('container');
  if (runsContainer) say(` ---> Running in ${cid.slice(0, 12)}\n`);
  const rw = new RwLayer(stage.layer?.index ?? MergedIndex.empty());
  const fs = new MountedFs(rw, false, () => ({ uid: 0, gid: 0, now: daemon.clock.now() }));
  change(fs);
  const layer = layerFrom(stage, rw.snapshot());
  const id = commitStep(daemon, stage, { createdBy, cmd: [...stage.shell, message], containerId: cid, layer, emptyLayer: layer === stage.layer });
  if (runsContainer && (req.rm || req.forceRm)) say(`Removing intermediate container ${cid.slice(0, 12)}\n`);
  return id;
}

function copyInstruction(
  daemon: Daemon,
  req: BuildRequest,
  stage: Stage,
  instr: Extract<Instruction, { kind: 'COPY' | 'ADD' }>,
  stages: Stage[],
  say: (text: string) => void,
  trigger: boolean,
): string {
  void trigger;
  const from = instr.kind === 'COPY' ? instr.from : '';
  let source: CopySource = req.context;
  if (from) {
    if (/^\d+$/.test(from) && Number(from) >= stages.length) throw new StepError(`invalid from flag value ${from}: refers to current build stage`);
    const other = stages.find((s) => s.name === from.toLowerCase()) ?? stages[Number(from)];
    const image = other ? other.image : req.resolveImage(from);
    if (!image) throw new StepError(`invalid from flag value ${from}: No such image: ${from}`);
    const index = image.layer?.index ?? MergedIndex.empty();
    source = { get: (p) => index.get(p), list: (p) => [...index.childNames(p)].sort() };
  }
  let owner: { uid: number; gid: number } | null = null;
  const rw = new RwLayer(stage.layer?.index ?? MergedIndex.empty());
  const fs = new MountedFs(rw, false, () => ({ uid: 0, gid: 0, now: daemon.clock.now() }));
  if (instr.chown) {
    const who = resolveUser(fs, instr.chown);
    owner = { uid: who.uid, gid: who.gid };
  }
  const summary = copyInto(
    fs,
    {
      kind: instr.kind,
      sources: instr.sources,
      dest: instr.dest,
      workdir: stage.config.WorkingDir,
      owner,
      chown: instr.chown ?? '',
      now: daemon.clock.now(),
      fromImage: Boolean(from),
    },
    source,
  );
  const message = `#(nop) ${summary}`;
  const createdBy = `${stage.shell.join(' ')} ${message}`;
  const hit = tryCache(daemon, req, stage, createdBy, [...stage.shell, message], say);
  if (hit) return hit;
  const layer = layerFrom(stage, rw.snapshot());
  return commitStep(daemon, stage, { createdBy, cmd: [...stage.shell, message], containerId: '', layer, emptyLayer: layer === stage.layer });
}

/**
 * The container of a step that only commits (metadata, WORKDIR): with --rm it is removed as soon as it is made,
 * so only its ID is drawn; with --rm=false it stays, never started, as `docker ps -a` shows it.
 */
function stepContainer(daemon: Daemon, req: BuildRequest, stage: Stage, cmd: string[]): string {
  if (req.rm || req.forceRm) return daemon.ids.next('container');
  const image = stage.image ?? daemon.images.add(scratchImage(daemon, stage));
  const config = cloneConfig(stage.config);
  config.Cmd = cmd;
  return createContainer(daemon, buildContainerRequest(image, config)).id;
}

/**
 * The daemon creating the step's container refuses a volume whose path is a file in the image (after its
 * symlinks), naming the path in the container's overlay2 mount.
 */
function refuseVolumeOverFile(daemon: Daemon, stage: Stage): void {
  const index = stage.layer?.index;
  if (!index) return;
  const lookup = (p: string): { kind: string; target?: string } | undefined => {
    const e = index.get(p);
    return e && e.kind === 'symlink' ? { kind: e.kind, target: e.target } : e;
  };
  for (const key of Object.keys(stage.config.Volumes ?? {})) {
    const path = resolveInRoot(lookup, resolvePath('/', key));
    const entry = path ? index.get(path) : undefined;
    if (entry && entry.kind !== 'dir') {
      throw new StepError(`cannot mount volume over existing file, file exists /var/lib/docker/overlay2/${daemon.ids.next('container')}/merged${path}`);
    }
  }
}

function mkdirAll(fs: MountedFs, path: string): void {
  let cur = '';
  for (const part of path.split('/').filter(Boolean)) {
    cur += `/${part}`;
    if (!fs.lstat(cur)) fs.mkdir(cur);
  }
}
