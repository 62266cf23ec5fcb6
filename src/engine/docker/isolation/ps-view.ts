// What `docker ps` shows a run. Its containers carry its label, and isolateArgv() filters on it; but the step
// container a failed legacy build keeps carries none (builds get no labels), and docker (and the simulator)
// list it under `ps -a`, as `Exited (1)` with a generated name. So when the run's builds kept containers, the
// label filter becomes one `id=` filter per container of the run (docker ORs repeated `id` filters and ANDs
// them with the other keys), the kept build containers included.

import type { BuildLeftovers } from '../build-leftovers.js';
import type { DockerClient } from '../docker-client.js';
import { slotArgv } from './argv-slots.js';

/**
 * The `ps` argv to run: `run` (already isolated) unchanged unless the run's builds kept containers. A scenario
 * that filters on `id` itself keeps the label filter (its ids would be ORed with ours).
 */
export async function psArgv(
  run: readonly string[],
  original: readonly string[],
  runId: string,
  client: DockerClient,
  builds: BuildLeftovers,
): Promise<string[]> {
  const label = `label=drydock.run=${runId}`;
  const at = run.findIndex((word, i) => word === label && run[i - 1] === '--filter');
  if (at === -1 || !builds.hasContainers) return [...run];
  if (slotArgv(original)?.slots.some((s) => s.flag === 'filter' && s.value.startsWith('id=')) === true) return [...run];
  const kept = await builds.findContainers(client);
  if (kept.length === 0) return [...run];
  const labelled = (await client.run(['ps', '-aq', '--no-trunc', '--filter', label])).stdout.split('\n').filter((l) => l !== '');
  const ids = [...new Set([...labelled, ...kept])].flatMap((id) => ['--filter', `id=${id}`]);
  return [...run.slice(0, at - 1), ...ids, ...run.slice(at + 1)];
}
