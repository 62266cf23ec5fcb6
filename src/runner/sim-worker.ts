// A worker thread that runs scenarios on fresh simulator states, so `--jobs N` uses N cores (the simulator is
// synchronous JavaScript: in one thread, concurrent scenarios only take turns). It builds the built-in images
// as soon as it starts, then answers {run} messages with {begin} and {done}.

import { parentPort } from 'node:worker_threads';
import { builtinAssertions } from '../assertions/registry.js';
import type { Scenario } from '../scenario/model.js';
import type { WorkerReply, WorkerRequest } from './sim-pool.js';
import { runScenario } from './run-scenario.js';
import { createScenarioSimEngine } from './sim-engine.js';
import { createSimEngine } from '../engine/sim/node/create-sim-engine.js';

const port = parentPort;
if (port) {
  const registry = builtinAssertions();
  const post = (reply: WorkerReply) => port.postMessage(reply);
  createSimEngine();
  port.on('message', (request: WorkerRequest) => {
    const scenario: Scenario = request.scenario;
    void runScenario(scenario, { createEngine: createScenarioSimEngine, registry, hooks: { onScenarioBegin: () => post({ type: 'begin', id: request.id }) } }).then(
      (result) => post({ type: 'done', id: request.id, result }),
      (error: unknown) => post({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) }),
    );
  });
  post({ type: 'ready' });
}
