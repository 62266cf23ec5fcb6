// Test helpers for the runner: scenarios from YAML text, and a scriptable fake engine.

import assert from 'node:assert/strict';
import { builtinAssertions } from '../../src/assertions/registry.js';
import type { CommandInput, CommandResult, Engine } from '../../src/engine/engine.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/model.js';
import { formatProblem } from '../../src/scenario/problem.js';

/** A loaded scenario; fails the test on any problem. */
export function scenario(text: string, file = 'test.yaml'): Scenario {
  const r = loadScenario(text, file);
  if (!r.ok) assert.fail(r.problems.map(formatProblem).join('\n'));
  return r.scenario;
}

/** The built-in registry (shared). */
export const registry = builtinAssertions();

/** An engine whose docker() and host() answer with `handler`; records every call. */
export class FakeEngine implements Engine {
  readonly name = 'sim' as const;
  readonly capabilities = { commands: new Set(['run', 'ps', 'rm', 'exec', 'images']), realProcesses: false };
  readonly calls: (readonly string[] | string)[] = [];
  disposed = false;

  constructor(private readonly handler: (argv: readonly string[] | string, input?: CommandInput) => CommandResult | Promise<CommandResult> = () => ({ exitCode: 0, stdout: '', stderr: '' })) {}

  async docker(argv: readonly string[], input?: CommandInput): Promise<CommandResult> {
    this.calls.push(argv);
    return this.handler(argv, input);
  }
  async host(script: string, input?: CommandInput): Promise<CommandResult> {
    this.calls.push(script);
    return this.handler(script, input);
  }
  async inspect(): Promise<unknown> {
    return { Id: 'x' };
  }
  async stat() {
    return null;
  }
  async readFile(): Promise<Uint8Array> {
    return new Uint8Array();
  }
  async readDir() {
    return [];
  }
  async dispose(): Promise<void> {
    this.disposed = true;
  }
}
