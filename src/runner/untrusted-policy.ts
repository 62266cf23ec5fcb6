// The untrusted-scenario policy as the runner applies it: every docker line of a scenario is looked at before
// anything runs (a refusal names the step and the flag), and each command is looked at again as it runs, with
// its templates rendered and its bind mounts resolved in the run folder.

import { EngineError } from '../errors/engine-error.js';
import { escapingBindSources, policyViolations, type HostNeed } from '../engine/docker/isolation/untrusted-policy.js';
import type { IsolatedCommand } from '../engine/docker/isolation/isolate-argv.js';
import type { Scenario } from '../scenario/model.js';

/** The per-command guard for one scenario; throws POLICY_REFUSED at once when a step is refused. */
export function untrustedPolicy(scenario: Scenario, trusted: boolean): ((argv: readonly string[], command: IsolatedCommand, runDir: string) => void) | undefined {
  if (trusted) return undefined;
  const needs = new Set<string>(scenario.needs ?? []);
  for (const step of [...scenario.setup, ...scenario.steps, ...scenario.teardown]) {
    if (step.kind !== 'docker') continue;
    const refused = policyViolations(step.words).find((v) => !needs.has(v.need));
    if (refused !== undefined) {
      const at = `${step.location.file}:${step.location.line}:${step.location.col}`;
      throw new EngineError('POLICY_REFUSED', `${at}: \`${step.title}\` uses ${refused.flag}, refused on a real engine unless the scenario declares \`needs: [${refused.need}]\`; nothing was run`);
    }
  }
  return (argv, command, runDir) => {
    const refused = policyViolations(argv).find((v) => !needs.has(v.need));
    if (refused !== undefined) throw refusal(argv, refused.flag, refused.need);
    if (!needs.has('host-mounts')) {
      const escaping = escapingBindSources(command.argv, runDir)[0];
      if (escaping !== undefined) throw refusal(argv, `a bind mount of ${escaping} (outside the run folder)`, 'host-mounts');
    }
  };
}

function refusal(argv: readonly string[], what: string, need: HostNeed): EngineError {
  return new EngineError('POLICY_REFUSED', `\`docker ${argv.join(' ')}\` uses ${what}, refused on a real engine unless the scenario declares \`needs: [${need}]\``);
}
