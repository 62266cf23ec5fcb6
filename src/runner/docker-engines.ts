// Scenario engines on a real Docker daemon: one connection check and one fixture preparation per run, then a
// fresh, isolated namespace per scenario (its own run ID, folder, name prefix and labels). Every live engine
// is known here, so Ctrl-C and SIGTERM can remove what the unfinished scenarios made.

import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerClient, type DockerClientOptions } from '../engine/docker/docker-client.js';
import { ensureFixtureImages, type FixtureImageReport } from '../engine/docker/base-image.js';
import { IsolatedDockerEngine } from '../engine/docker/isolation/isolated-engine.js';
import type { IsolatedCommand } from '../engine/docker/isolation/isolate-argv.js';
import type { Engine } from '../engine/engine.js';
import { SCENARIO_DIR, type Scenario } from '../scenario/model.js';

/** Where the run folders go: `<tmp>/drydock-run-<run>-…`, which `drydock clean` also finds. */
export const RUN_DIR_PREFIX = 'drydock-run-';

/** How to reach the daemon and what to check before each command. */
export interface DockerEnginesOptions extends DockerClientOptions {
  /** the untrusted-scenario policy, given the scenario (throws EngineError POLICY_REFUSED to refuse a command) */
  policy?: (scenario: Scenario) => ((argv: readonly string[], command: IsolatedCommand, runDir: string) => void) | undefined;
  /** parent of the run folders; default the system's temporary folder */
  baseDir?: string;
}

/** Makes isolated engines for scenarios and remembers the live ones. */
export class DockerEngines {
  readonly client: DockerClient;
  private readonly live = new Set<IsolatedDockerEngine>();
  fixtures: FixtureImageReport[] = [];

  constructor(private readonly options: DockerEnginesOptions = {}) {
    this.client = new DockerClient(options);
  }

  /** Checks the daemon answers (ENGINE_UNREACHABLE otherwise) and builds the stand-in images it lacks. */
  async prepare(): Promise<void> {
    await this.client.checkReachable();
    this.fixtures = await ensureFixtureImages(this.client);
  }

  /** A fresh engine for one scenario, with the scenario's files in its run folder. */
  create(scenario: Scenario): Engine {
    // the policy looks at the whole scenario first, so a refused one creates nothing at all
    const guard = this.options.policy?.(scenario);
    const runId = randomBytes(6).toString('hex');
    const runDir = mkdtempSync(join(this.options.baseDir ?? tmpdir(), `${RUN_DIR_PREFIX}${runId}-`));
    const { policy: _policy, baseDir: _baseDir, ...client } = this.options;
    const engine = new IsolatedDockerEngine({
      ...client,
      env: { ...this.options.env, ...Object.fromEntries(scenario.env) },
      runId,
      runDir,
      fixtureIds: this.fixtures.map((f) => f.id),
      cwd: SCENARIO_DIR,
      ...(guard !== undefined ? { guard } : {}),
    });
    engine.writeFiles(scenario.files);
    this.live.add(engine);
    const dispose = engine.dispose.bind(engine);
    engine.dispose = async () => {
      try {
        await dispose();
      } finally {
        this.live.delete(engine);
      }
    };
    return engine;
  }

  /** How many scenario engines are still live (not disposed). */
  get liveCount(): number {
    return this.live.size;
  }

  /** Disposes every live engine (on a signal); never throws, returns what could not be removed. */
  async disposeAll(): Promise<string[]> {
    const problems: string[] = [];
    await Promise.all(
      [...this.live].map((engine) =>
        engine.dispose().catch((e: unknown) => {
          problems.push(e instanceof Error ? e.message : String(e));
        }),
      ),
    );
    return problems;
  }
}
