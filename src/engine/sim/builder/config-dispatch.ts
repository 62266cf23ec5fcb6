// How each metadata instruction changes an image's config and what its `docker history` row says (the legacy
// builder's commit message). Shared by `docker build` and `docker commit --change`.

import { goQuote, goQuoteList, goQuoteRune } from '../../../go/quote.js';
import { formatGoDuration } from '../../../docker-cli/index.js';
import type { Instruction } from './dockerfile/instruction-types.js';
import { setEnv, type ContainerConfig } from '../image/config.js';
import { resolvePath } from '../fs/path.js';

/** An instruction the builder could not apply, with Docker's text (printed without a prefix). */
export class StepError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The expansion environment of a step: the config's Env plus the build args in scope. */
export function expansionEnv(config: ContainerConfig, args: ReadonlyMap<string, string>): Map<string, string> {
  const env = new Map(args);
  for (const item of config.Env ?? []) {
    const eq = item.indexOf('=');
    env.set(eq === -1 ? item : item.slice(0, eq), eq === -1 ? '' : item.slice(eq + 1));
  }
  return env;
}

/** Shell form → the stage's shell plus the text; exec form as is. */
export function commandOf(line: { command: string[]; prependShell: boolean }, shell: readonly string[]): string[] {
  return line.prependShell ? [...shell, line.command.join(' ')] : [...line.command];
}

/**
 * Applies a metadata instruction (already expanded: see expandInstruction) to `config`, mutating it, and
 * returns the history text after "#(nop) ", or null when the instruction is not a metadata one (RUN, COPY,
 * ADD, FROM, WORKDIR are the builder's).
 */
export function applyMetadata(
  config: ContainerConfig,
  instr: Instruction,
  state: { shell: string[]; cmdSet: boolean; author: string },
): string | null {
  switch (instr.kind) {
    case 'ENV': {
      const parts: string[] = [];
      for (const { key, value } of instr.env) {
        config.Env = setEnv(config.Env, key, value);
        parts.push(`${key}=${value}`);
      }
      return `ENV ${parts.join(' ')}`;
    }
    case 'LABEL': {
      const labels = { ...(config.Labels ?? {}) };
      const parts: string[] = [];
      for (const { key, value } of instr.labels) {
        labels[key] = value;
        parts.push(`${key}=${value}`);
      }
      config.Labels = labels;
      return `LABEL ${parts.join(' ')}`;
    }
    case 'EXPOSE': {
      const ports = { ...(config.ExposedPorts ?? {}) };
      const shown: string[] = [];
      for (const p of instr.ports) {
        for (const key of portKeys(p)) ports[key] = {};
        shown.push(p);
      }
      config.ExposedPorts = Object.fromEntries(Object.entries(ports).sort(([a], [b]) => (a < b ? -1 : 1)));
      return `EXPOSE ${[...shown].sort().join(' ')}`;
    }
    case 'USER':
      config.User = instr.user;
      return `USER ${config.User}`;
    case 'VOLUME': {
      const volumes = { ...(config.Volumes ?? {}) };
      const list: string[] = [];
      for (const raw of instr.volumes) {
        const v = raw.trim();
        if (!v) throw new StepError('VOLUME specified can not be an empty string');
        volumes[v] = {};
        list.push(v);
      }
      config.Volumes = Object.fromEntries(Object.entries(volumes).sort(([a], [b]) => (a < b ? -1 : 1)));
      return `VOLUME [${list.join(' ')}]`;
    }
    case 'CMD':
      config.Cmd = commandOf(instr, state.shell);
      state.cmdSet = true;
      return `CMD ${goQuoteList(config.Cmd)}`;
    case 'ENTRYPOINT':
      config.Entrypoint = instr.command === null ? null : commandOf({ command: instr.command, prependShell: instr.prependShell }, state.shell);
      if (!state.cmdSet) config.Cmd = null;
      return `ENTRYPOINT ${goQuoteList(config.Entrypoint ?? [])}`;
    case 'SHELL':
      state.shell = [...instr.shell];
      config.Shell = [...instr.shell];
      // fmt's %v of a []string
      return `SHELL [${instr.shell.join(' ')}]`;
    case 'MAINTAINER':
      state.author = instr.maintainer;
      return `MAINTAINER ${instr.maintainer}`;
    case 'ONBUILD':
      config.OnBuild = [...(config.OnBuild ?? []), instr.expression];
      return `ONBUILD ${instr.expression}`;
    case 'STOPSIGNAL':
      config.StopSignal = instr.signal;
      return `STOPSIGNAL ${config.StopSignal}`;
    case 'HEALTHCHECK': {
      const h = instr.health;
      config.Healthcheck = { Test: [...h.test], ...(h.interval ? { Interval: h.interval } : {}), ...(h.timeout ? { Timeout: h.timeout } : {}), ...(h.startPeriod ? { StartPeriod: h.startPeriod } : {}), ...(h.retries ? { Retries: h.retries } : {}) };
      // dispatchHealthcheck's commit message is fmt.Sprintf("HEALTHCHECK %q", health): %q of the struct's fields,
      // durations by their String(), the retry count as a quoted rune (observed on 20.10: '\x02')
      const d = (ns: number) => goQuote(formatGoDuration(ns));
      return `HEALTHCHECK &{${goQuoteList(h.test)} ${d(h.interval)} ${d(h.timeout)} ${d(h.startPeriod)} ${goQuoteRune(h.retries)}}`;
    }
    default:
      return null;
  }
}

/** "8080" → ["8080/tcp"]; "53/udp"; "8000-8002" → three keys. Invalid values fail as Docker does. */
function portKeys(spec: string): string[] {
  const [range = '', proto = 'tcp'] = spec.split('/');
  const m = /^(\d+)(?:-(\d+))?$/.exec(range);
  if (!m) throw new StepError(`Invalid containerPort: ${range}`);
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start > 65535 || end > 65535) throw new StepError(`Invalid containerPort: ${range}`);
  if (end < start) throw new StepError(`Invalid range specified for the Port: ${range}`);
  const out: string[] = [];
  for (let p = start; p <= end; p++) out.push(`${p}/${proto.toLowerCase()}`);
  return out;
}

/** WORKDIR's rule: relative paths are joined to the current working directory; absolute ones kept as written. */
export function nextWorkdir(current: string, requested: string): string {
  if (requested.startsWith('/')) return requested;
  return resolvePath(current || '/', requested);
}
