// What the tester does not hold the simulator to, each with its real reason. Short on purpose: a difference
// that the simulator's model could reproduce is fixed in the simulator, not listed here.

import type { CommandResult } from '../../engine/engine.js';
import type { FuzzStep } from './model.js';

/** What an allowance sees: the steps up to the differing one (last), the host files, both results. */
export interface AllowContext {
  steps: readonly FuzzStep[];
  files: Record<string, string>;
  sim: CommandResult;
  real: CommandResult;
  /** both stdouts after drydock's normalisation (times, IDs, widths) */
  normalized: { sim: string; real: string };
}

/** One allowed kind of difference. */
interface Allowance {
  id: string;
  /** why the simulator does not (or cannot) match */
  reason: string;
  matches: (c: AllowContext) => boolean;
}

// lines as a multiset key, with IDs masked (their placeholders depend on line order)
function lineBag(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(/<ID\d+>/gu, '<ID>'))
    .sort();
}

/** The allow-list. */
const ALLOWANCES: Allowance[] = [
  {
    id: 'real-engine-timeout',
    reason: 'the real engine did not answer within the step time limit (the machine is shared; nothing the simulator could match)',
    matches: ({ real }) => real.timedOut === true || (real.exitCode === 124 && /timed out after/u.test(real.stderr)),
  },
  {
    id: 'shared-stand-ins',
    reason:
      'the real engine is shared: the stand-in images (tomcat, centos, ubuntu) are rebuilt by other runs, so their ' +
      'creation order (the order of `docker images`) changes, and other runs\u2019 images made from the stand-ins carry ' +
      'their drydock.managed label, so the isolation lists them too',
    matches: ({ steps, sim, real, normalized }) => {
      if (steps[steps.length - 1]?.family !== 'images' || sim.exitCode !== real.exitCode || sim.stderr !== real.stderr) return false;
      const a = lineBag(normalized.sim);
      const b = lineBag(normalized.real);
      const rest = [...b];
      for (const line of a) {
        const at = rest.indexOf(line);
        if (at === -1) return false;
        rest.splice(at, 1);
      }
      // what is left is not this run's: other runs' stand-in rebuilds and images built from the stand-ins
      return rest.every((l) => !l.includes('h11c-'));
    },
  },
  {
    id: 'build-output-order',
    reason:
      'busybox sh keeps its builtins\u2019 and in-process applets\u2019 stdout in a stdio buffer until it exits or forks, ' +
      'while stderr is unbuffered; a build merges the two streams, so their order differs (the simulator does not ' +
      'model stdio buffering)',
    matches: ({ steps, sim, real, normalized }) => {
      if (steps[steps.length - 1]?.family !== 'build' || sim.exitCode !== real.exitCode) return false;
      const plain = (t: string) => lineBag(t.replace(/\\x1b\[(?:91|0)m/gu, '\n'));
      return plain(normalized.sim).join('\n') === plain(normalized.real).join('\n');
    },
  },
  {
    id: 'isolation-tag-order',
    reason:
      'the daemon sorts an image\u2019s RepoTags by name, and on the real engine the isolation prefixes this run\u2019s ' +
      'names (drydock-run-…/name), which sort before the shared stand-ins\u2019 names: the same tags in another order',
    matches: ({ sim, real, normalized }) =>
      sim.exitCode === real.exitCode && normalized.sim !== normalized.real && sortedTagLists(normalized.sim) === sortedTagLists(normalized.real),
  },
  {
    id: 'log-stream-order',
    reason:
      'the json-file log driver copies stdout and stderr in two goroutines, so the order of a container\u2019s ' +
      'messages across the two streams varies from run to run on the real engine (recorded: six runs of ' +
      '`echo a; echo b >&2; echo c; echo d >&2` logged b d a c four times, a c b d once, b a c d once); ' +
      '`logs --tail N` then picks other last messages',
    matches: ({ steps, sim, real }) => {
      const last = steps[steps.length - 1];
      if (last?.family !== 'logs' || !last.argv.includes('--tail') || sim.exitCode !== real.exitCode) return false;
      const count = (r: CommandResult) => (r.stdout + r.stderr).split('\n').filter((l) => l !== '').length;
      return count(sim) === count(real);
    },
  },
  {
    id: 'same-second-layers',
    reason:
      'a layer\u2019s diff ID hashes its files with whole-second times, so two layers of the same files made within ' +
      'one second are one layer that rmi keeps for the other image (checked on 20.10); whether two steps on the real ' +
      'engine fall within one second depends on its speed (seed 7373 kept the shared layer in one run and deleted it ' +
      'in another), while the simulator\u2019s clock runs a sequence within moments: rmi deletes one layer more or less',
    matches: ({ steps, sim, real, normalized }) => {
      if (steps[steps.length - 1]?.family !== 'rmi' || sim.exitCode !== real.exitCode || sim.stderr !== real.stderr) return false;
      const kept = (t: string) => lineBag(t).filter((l) => !l.startsWith('Deleted: '));
      return kept(normalized.sim).join('\n') === kept(normalized.real).join('\n');
    },
  },
];

// every JSON list of strings with its members sorted
function sortedTagLists(text: string): string {
  return text.replace(/\[("[^"\]]*"(?:,"[^"\]]*")+)\]/gu, (_, list: string) => `[${list.split(',').sort().join(',')}]`);
}

/** The reason a difference is allowed, if one is. */
export function allowedReason(c: AllowContext): string | undefined {
  const hit = ALLOWANCES.find((a) => a.matches(c));
  return hit === undefined ? undefined : hit.id;
}
