// Engine tests run only where a daemon answers; elsewhere they are skipped with a line saying why (mocha's
// skip() takes no reason, so the reason is printed).

import { DockerClient } from '../../../src/engine/docker/docker-client.js';

/** A client for the reachable engine, or skips the calling suite (call from a before hook). */
export async function requireDocker(context: Mocha.Context): Promise<DockerClient> {
  const client = new DockerClient();
  try {
    await client.checkReachable();
  } catch {
    console.log(`      no Docker engine reachable at ${client.describeHost()} (client ${client.binary}): skipping`);
    context.skip();
  }
  return client;
}
