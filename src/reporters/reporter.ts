// A reporter is a set of optional hooks (Playwright's ReporterV2); the multiplexer calls several of them,
// each inside try/catch, so one broken reporter never stops a run or the other reporters.

import type { RunHooks, RunResult } from '../runner/result.js';

/** A reporter: a name for messages, and any of the run hooks. */
export interface Reporter extends RunHooks {
  readonly name: string;
}

type HookName = keyof RunHooks;

/** Calls every reporter's hook in turn; a reporter that throws is named on `warn` and the run goes on. */
export class ReporterMultiplexer implements RunHooks {
  private readonly warned = new Set<string>();

  constructor(
    private readonly reporters: readonly Reporter[],
    private readonly warn: (message: string) => void,
  ) {}

  private call(hook: HookName, args: unknown[]): void {
    for (const r of this.reporters) {
      const fn = r[hook] as ((...a: unknown[]) => unknown) | undefined;
      if (!fn) continue;
      try {
        const ret = fn.apply(r, args);
        if (ret instanceof Promise) ret.catch((e: unknown) => this.broken(r, hook, e));
      } catch (e) {
        this.broken(r, hook, e);
      }
    }
  }

  private broken(r: Reporter, hook: string, e: unknown): void {
    const key = `${r.name}.${hook}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(`drydock: the ${r.name} reporter failed in ${hook}: ${e instanceof Error ? e.message : String(e)}`);
  }

  onBegin(...args: Parameters<NonNullable<RunHooks['onBegin']>>): void {
    this.call('onBegin', args);
  }
  onScenarioBegin(...args: Parameters<NonNullable<RunHooks['onScenarioBegin']>>): void {
    this.call('onScenarioBegin', args);
  }
  onStepEnd(...args: Parameters<NonNullable<RunHooks['onStepEnd']>>): void {
    this.call('onStepEnd', args);
  }
  onCheckEnd(...args: Parameters<NonNullable<RunHooks['onCheckEnd']>>): void {
    this.call('onCheckEnd', args);
  }
  onScenarioEnd(...args: Parameters<NonNullable<RunHooks['onScenarioEnd']>>): void {
    this.call('onScenarioEnd', args);
  }
  onError(...args: Parameters<NonNullable<RunHooks['onError']>>): void {
    this.call('onError', args);
  }

  /** Waits for every reporter's onEnd (they may write files). */
  async onEnd(result: RunResult): Promise<void> {
    for (const r of this.reporters) {
      if (!r.onEnd) continue;
      try {
        await r.onEnd(result);
      } catch (e) {
        this.broken(r, 'onEnd', e);
      }
    }
  }
}
