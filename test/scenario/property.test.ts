// Random and mutated input never crashes the loader or the docker line check: the answer is always a valid
// scenario or problems with positions inside the file.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseRunArgs } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { checkDockerLine } from '../../src/scenario/docker-line.js';
import { loadScenario } from '../../src/scenario/load.js';

const example = readFileSync(new URL('../../scenarios/examples/volumes-from.yaml', import.meta.url), 'utf8');
const runs = Number(process.env.DRYDOCK_PROPERTY_RUNS ?? 200);

function checkLoad(input: string | Uint8Array): void {
  const r = loadScenario(input, 'p.yaml');
  if (r.ok) {
    assert.equal(typeof r.scenario.name, 'string');
    return;
  }
  assert.ok(r.problems.length > 0);
  const text = typeof input === 'string' ? input : '';
  const lines = text.split('\n').length;
  for (const p of r.problems) {
    assert.match(p.code, /^[A-Z_]+$/);
    assert.ok(p.start.line >= 1 && p.start.col >= 1, `position ${p.start.line}:${p.start.col}`);
    if (typeof input === 'string') assert.ok(p.start.line <= lines + 1, `line ${p.start.line} of ${lines}`);
    assert.ok(p.message.length > 0);
  }
}

// Mutations of a valid scenario: delete, insert or replace a slice with YAML-ish noise.
const noise = fc.constantFrom('', ':', '- ', '  ', '\n', '"', "'", '{', '}', '[', ']', '#', '${{', '}}', '--nmae', '|', '>', '&', '*a', '&a ', '!!str ', '\t', 'docker: ', 'host: ', 'steps:', '\u0000', 'é');
const mutation = fc.tuple(fc.nat(example.length), fc.nat(12), fc.array(noise, { maxLength: 4 }));

const DOCKER_WORDS = ['run', 'exec', 'rm', '-f', '-d', '-it', '--name', 'x1', 'ubuntu', '-v', 'a:/b', '--volumes-from', 'container', 'ls', 'volume', 'create', 'image', 'build', '-t', '.', '--format', '{{.Id}}', '-m', '1g', '--rm', '-e', 'A=b', '--', 'sh', '-c', 'echo hi', '--help', '-p', '80:80', 'commit', 'network', 'pull', '--nope', '-z'];

describe('property: loader and parsers never crash', () => {
  it('random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => checkLoad(s)), { numRuns: runs });
  });

  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => checkLoad(b)), { numRuns: runs });
  });

  it('random JSON values as YAML', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => checkLoad(stringify(v))), { numRuns: runs });
  });

  it('mutations of a valid scenario', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (muts) => {
        let text = example;
        for (const [at, del, ins] of muts) {
          const i = Math.min(at, text.length);
          text = text.slice(0, i) + ins.join('') + text.slice(i + del);
        }
        checkLoad(text);
      }),
      { numRuns: runs },
    );
  });

  it('random scenarios built from the format\'s own keys', () => {
    const step = fc.record({ docker: fc.array(fc.constantFrom(...DOCKER_WORDS), { maxLength: 6 }).map((w) => w.join(' ')), name: fc.constantFrom('a', 'b', 'c') }, { requiredKeys: [] });
    const scenario = fc.record({ name: fc.string(), steps: fc.array(step, { maxLength: 4 }), checks: fc.array(fc.dictionary(fc.constantFrom('file', 'dir', 'inspect', 'images', 'diff', 'name'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }), { maxLength: 2 }) }, { requiredKeys: [] });
    fc.assert(fc.property(scenario, (s) => checkLoad(stringify(s))), { numRuns: runs });
  });

  it('docker lines: a positioned problem or none', () => {
    const line = fc.array(fc.oneof(fc.constantFrom(...DOCKER_WORDS), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(line, (l) => {
        const r = checkDockerLine(l);
        for (const p of r.problems) assert.ok(p.start >= 0 && p.start <= l.length && p.end >= p.start, `${p.start}-${p.end} in ${JSON.stringify(l)}`);
      }),
      { numRuns: runs * 2 },
    );
  });

  it('drydock run options: parsed, or a usage error', () => {
    const arg = fc.oneof(fc.constantFrom('--jobs', '-j', '2', '0', 'x', '--grep', '--tag', 'a,b', '--bail', '--shard', '1/2', '--watch', '--reporter', 'spec,json', '--out', '--engine', 'sim', '--', '-'), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 6 }), (argv) => {
        try {
          const a = parseRunArgs(argv);
          assert.ok(a.jobs >= 1 && a.paths.length >= 1);
        } catch (e) {
          assert.ok(e instanceof UsageError, String(e));
        }
      }),
      { numRuns: runs },
    );
  });
});
