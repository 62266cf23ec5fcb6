// The progress bar of long batches (`drydock grade`, `drydock run`) on a terminal: done, failed and time left,
// redrawn in place on stderr. Lines the command prints meanwhile go above it: `wrap` clears the bar before a
// write and draws it again after, so a reporter's output is never torn. Off a terminal nothing here is used
// and the commands print their plain lines as before.

import type { RunHooks } from '../runner/result.js';

/** Seconds or minutes, the way a person reads a countdown. */
export function formatLeft(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** What the bar shows. */
export interface ProgressState {
  done: number;
  total: number;
  failed: number;
  /** what was already done before this run started (a resumed batch), not counted in the pace */
  reused?: number;
  elapsedMs: number;
}

/** `[######------] 12/40 done, 1 failed, about 8s left`: the pace is that of what was done in this run. */
export function progressText(p: ProgressState, width = 24): string {
  const filled = p.total === 0 ? width : Math.min(width, Math.round((p.done / p.total) * width));
  const fresh = p.done - (p.reused ?? 0);
  const left = p.done >= p.total ? 'done' : fresh > 0 ? `about ${formatLeft((p.elapsedMs / fresh) * (p.total - p.done))} left` : 'estimating time left';
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${p.total} done, ${p.failed} failed${p.reused ? ` (${p.reused} already done)` : ''}, ${left}`;
}

/** A bar drawn on one terminal line. */
export class ProgressBar {
  private state: ProgressState = { done: 0, total: 0, failed: 0, elapsedMs: 0 };
  private readonly started = performance.now();
  private shown = false;

  constructor(private readonly write: (text: string) => void) {}

  /** Sets what is done and draws the bar. */
  update(p: Omit<ProgressState, 'elapsedMs'>): void {
    this.state = { ...p, elapsedMs: performance.now() - this.started };
    this.draw();
  }

  /** Adds one finished item. */
  tick(failed: boolean): void {
    this.update({ ...this.state, done: this.state.done + 1, failed: this.state.failed + (failed ? 1 : 0) });
  }

  private draw(): void {
    this.write(`\r\x1b[K${progressText(this.state)}`);
    this.shown = true;
  }

  /** Removes the bar from the line (before other output, or at the end). */
  clear(): void {
    if (this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }

  /** `out`, with the bar cleared before each write and drawn again after. */
  wrap(out: (text: string) => void): (text: string) => void {
    return (text) => {
      const was = this.shown;
      this.clear();
      out(text);
      if (was) this.draw();
    };
  }

  /** Hooks for a scenario run: the total at onBegin, a tick per scenario that ends. */
  hooks(): RunHooks {
    return {
      onBegin: (info) => this.update({ done: 0, total: info.scenarios.length, failed: 0 }),
      onScenarioEnd: (_info, r) => this.tick(r.status === 'failed' || r.status === 'error'),
      onEnd: () => this.clear(),
    };
  }
}
