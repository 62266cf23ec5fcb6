import assert from 'node:assert/strict';
import { BuildLeftovers, parseBuildOutput } from '../../../src/engine/docker/build-leftovers.js';
import type { ClientResult, DockerClient } from '../../../src/engine/docker/docker-client.js';

// transcripts of the 20.10 legacy builder (DOCKER_BUILDKIT=0)
const FAILED = `Sending build context to Docker daemon  2.048kB\r\r
Step 1/3 : FROM drydock/busybox:1.35
 ---> 1e9726c64b5c
Step 2/3 : RUN echo one > /one
 ---> Running in e7a22dd31fe4
Removing intermediate container e7a22dd31fe4
 ---> 5a788dca3b4c
Step 3/3 : RUN echo two > /two && false
 ---> Running in ecdc2315459c
The command '/bin/sh -c echo two > /two && false' returned a non-zero code: 1
`;

const TRIGGERS_AND_CACHE = `Sending build context to Docker daemon  3.072kB\r\r
Step 1/5 : FROM drydock-probe/parent:1
# Executing 1 build trigger
 ---> Running in 40b28ed820be
Removing intermediate container 40b28ed820be
 ---> a95c54604122
Step 2/5 : COPY f /f
 ---> edcf16e515fd
Step 3/5 : RUN echo cached
 ---> Using cache
 ---> 0123456789ab
Step 4/5 : ENV A=b
 ---> Running in be78eed1dce0
Removing intermediate container be78eed1dce0
 ---> 9b3a0b5176a2
Step 5/5 : from drydock/busybox:1.35
 ---> 1e9726c64b5c
Successfully built 1e9726c64b5c
`;

describe('what a legacy build leaves behind', () => {
  it('a failed build: the failed step’s container and the images the steps before it committed', () => {
    assert.deepEqual(parseBuildOutput(FAILED), { containers: ['ecdc2315459c'], images: ['5a788dca3b4c'], quiet: [] });
  });

  it('leaves out FROM images and cache hits (someone else’s), keeps what ONBUILD triggers, COPY and ENV made', () => {
    assert.deepEqual(parseBuildOutput(TRIGGERS_AND_CACHE), {
      containers: [],
      images: ['a95c54604122', 'edcf16e515fd', '9b3a0b5176a2'],
      quiet: [],
    });
  });

  it('build -q prints only the final image; a failed one prints its steps (on stderr)', () => {
    const id = `sha256:${'ab'.repeat(32)}`;
    assert.deepEqual(parseBuildOutput(`${id}\n`), { containers: [], images: [], quiet: [id] });
    assert.deepEqual(parseBuildOutput(`\n${FAILED}`).containers, ['ecdc2315459c']);
  });

  it('--rm=false keeps every step container', () => {
    const kept = FAILED.replace('Removing intermediate container e7a22dd31fe4\n', '');
    assert.deepEqual(parseBuildOutput(kept).containers, ['e7a22dd31fe4', 'ecdc2315459c']);
  });
});

describe('removing what builds left', () => {
  // a daemon that knows a few objects by ID with their creation times and tags, and logs the commands it gets
  const daemon = (objects: Record<string, { created: string; tags?: number }>) => {
    const calls: string[][] = [];
    const client = {
      run: async (argv: readonly string[]): Promise<ClientResult<string>> => {
        calls.push([...argv]);
        const rows = argv
          .slice(argv.indexOf('--format') + 2)
          .filter((id) => objects[id] !== undefined)
          .map((id) => `${id.padEnd(64, '0')} ${objects[id]!.created}${argv[0] === 'image' ? ` ${objects[id]!.tags ?? 0}` : ''}\n`);
        return { exitCode: 0, stdout: argv.includes('inspect') ? rows.join('') : '', stderr: '', timedOut: false };
      },
    };
    return { client: client as unknown as DockerClient, calls };
  };
  const since = Date.parse('2026-01-01T10:00:00Z');
  const until = since + 5000;

  it('removes the printed containers and untagged images made while the build ran, children first', async () => {
    const { client, calls } = daemon({
      ecdc2315459c: { created: '2026-01-01T10:00:03.5Z' },
      '5a788dca3b4c': { created: '2026-01-01T10:00:02Z' },
      '9b3a0b5176a2': { created: '2026-01-01T10:00:03Z' },
    });
    const leftovers = new BuildLeftovers();
    leftovers.record(`${FAILED}Step 4/4 : CMD x\n ---> 9b3a0b5176a2\n`, since, until);
    assert.deepEqual(await leftovers.removeContainers(client), []);
    await leftovers.removeImages(client);
    assert.deepEqual(calls.filter((c) => c[0] === 'rm' || c[0] === 'rmi'), [
      ['rm', '-f', '-v', 'ecdc2315459c'.padEnd(64, '0')],
      ['rmi', '--no-prune', '9b3a0b5176a2', '5a788dca3b4c'],
    ]);
  });

  it('leaves what a RUN step merely printed (made before or after the build) and images someone tagged', async () => {
    const { client, calls } = daemon({
      ecdc2315459c: { created: '2025-12-31T09:00:00Z' },
      '5a788dca3b4c': { created: '2026-01-01T10:00:02Z', tags: 1 },
    });
    const leftovers = new BuildLeftovers();
    leftovers.record(FAILED, since, until);
    assert.deepEqual(await leftovers.removeContainers(client), []);
    await leftovers.removeImages(client);
    assert.deepEqual(calls.filter((c) => c[0] === 'rm' || c[0] === 'rmi'), []);
  });
});
