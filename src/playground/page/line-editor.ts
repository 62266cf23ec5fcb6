/// <reference lib="dom" />
// A shell-like input line on an xterm.js terminal: a prompt, editing keys, history with the arrow keys, Tab
// completion, Ctrl+C, pasted text (each pasted line runs in turn), and keys typed while a command runs kept for
// the next prompt. It knows nothing of docker: it hands each line to `run` and completions to `complete`.

import type { Terminal } from '@xterm/xterm';

/** What the editor needs from its owner. */
export interface LineEditorHooks {
  /** runs a line; resolves with what it printed (written with the next prompt, in one write) */
  run: (line: string) => Promise<string>;
  complete: (line: string) => Promise<{ items: string[]; start: number }>;
  /** a prompt is shown and accepts input (after `ms` since Enter, for the page's timings) */
  onPrompt?: (ms: number | undefined) => void;
}

const PROMPT = '\x1b[1;32m/scenario\x1b[0m $ ';
/** a command still running after this long gets its line ended at once, so Enter shows it was taken */
const NEWLINE_AFTER_MS = 50;

/** The terminal's line discipline. */
export class LineEditor {
  history: string[] = [];
  private buffer = '';
  private cursor = 0;
  private historyAt = 0;
  private draft = '';
  private busy = false;
  private pending = '';
  private enterAt: number | undefined;
  /** the browser's time stamp of the Enter key being handled now (undefined for lines typed another way) */
  private keyAt: number | undefined;
  /** the Enter of the running line has not been echoed yet (see enter()) */
  private newlineOwed = false;
  private newlineTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly term: Terminal,
    private readonly hooks: LineEditorHooks,
  ) {
    term.onData((data) => this.input(data));
  }

  /**
   * The Enter key, taken before xterm sees it (from the terminal's custom key handler): xterm would empty its
   * hidden textarea, a change to the page in the key's own task, and chromium then holds every other task (the
   * worker's answer among them) until it has drawn a frame. Handed over as typed input instead, so that xterm
   * still parses the next write at once. The line is timed from the key's own time stamp.
   */
  pressEnter(timeStamp: number): void {
    this.keyAt = timeStamp;
    this.term.input('\r', true);
  }

  /** Shows a fresh prompt after `before` (what the last line printed), in one write. */
  prompt(before = ''): void {
    this.buffer = '';
    this.cursor = 0;
    this.historyAt = this.history.length;
    const enterAt = this.enterAt;
    this.enterAt = undefined;
    // The prompt counts once the terminal has parsed it. One write: xterm parses the first write after a key
    // press at once (later ones wait for a timer task), so the prompt is in the terminal when this returns.
    this.term.write(before + PROMPT, () => this.hooks.onPrompt?.(enterAt === undefined ? undefined : performance.now() - enterAt));
  }

  /** Writes text above the input line (a note from the page) and puts the line back. */
  note(text: string): void {
    this.term.write(`${this.payNewline()}\r\x1b[2K${text.replace(/\n/g, '\r\n')}\r\n`);
    if (!this.busy) this.redraw();
  }

  /** The running line's line end, when it is still owed (once). */
  private payNewline(): string {
    clearTimeout(this.newlineTimer);
    if (!this.newlineOwed) return '';
    this.newlineOwed = false;
    return '\r\n';
  }

  /** Types `line` at the prompt and runs it, as if the keys had been pressed. */
  type(line: string): void {
    this.input(`${line}\r`);
  }

  private redraw(): void {
    this.term.write(`\r\x1b[2K${PROMPT}${this.buffer}`);
    const back = this.buffer.length - this.cursor;
    if (back > 0) this.term.write(`\x1b[${back}D`);
  }

  private set(text: string): void {
    this.buffer = text;
    this.cursor = text.length;
    this.redraw();
  }

  private input(data: string): void {
    if (this.busy) {
      // Ctrl+C while a command runs cannot stop the simulator mid-command; it drops what was typed ahead
      this.pending = data.includes('\x03') ? '' : this.pending + data;
      return;
    }
    for (let i = 0; i < data.length; i++) {
      const c = data[i] as string;
      if (c === '\x1b') {
        const seq = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(data.slice(i));
        if (seq) {
          this.escape(seq[1] as string);
          i += seq[0].length - 1;
        }
        continue;
      }
      if (c === '\r' || c === '\n') {
        if (c === '\n' && data[i - 1] === '\r') continue;
        this.enter(data.slice(i + 1).replace(/^\n/, ''));
        return;
      }
      this.key(c);
    }
  }

  private escape(seq: string): void {
    switch (seq) {
      case '[A':
      case 'OA':
        if (this.historyAt > 0) {
          if (this.historyAt === this.history.length) this.draft = this.buffer;
          this.set(this.history[--this.historyAt] as string);
        }
        return;
      case '[B':
      case 'OB':
        if (this.historyAt < this.history.length) {
          this.historyAt++;
          this.set(this.historyAt === this.history.length ? this.draft : (this.history[this.historyAt] as string));
        }
        return;
      case '[C':
      case 'OC':
        if (this.cursor < this.buffer.length) {
          this.cursor++;
          this.term.write('\x1b[C');
        }
        return;
      case '[D':
      case 'OD':
        if (this.cursor > 0) {
          this.cursor--;
          this.term.write('\x1b[D');
        }
        return;
      case '[H':
      case 'OH':
        this.cursor = 0;
        this.redraw();
        return;
      case '[F':
      case 'OF':
        this.cursor = this.buffer.length;
        this.redraw();
        return;
      case '[3~':
        this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
        this.redraw();
        return;
    }
  }

  private key(c: string): void {
    switch (c) {
      case '\x7f':
      case '\b':
        if (this.cursor > 0) {
          this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
          this.cursor--;
          this.redraw();
        }
        return;
      case '\x03':
        this.prompt('^C\r\n');
        return;
      case '\x0c':
        this.term.clear();
        this.redraw();
        return;
      case '\x01':
        this.cursor = 0;
        this.redraw();
        return;
      case '\x05':
        this.cursor = this.buffer.length;
        this.redraw();
        return;
      case '\x15':
        this.set('');
        return;
      case '\t':
        void this.tab();
        return;
    }
    if (c < ' ') return;
    this.buffer = this.buffer.slice(0, this.cursor) + c + this.buffer.slice(this.cursor);
    this.cursor++;
    if (this.cursor === this.buffer.length) this.term.write(c);
    else this.redraw();
  }

  private async tab(): Promise<void> {
    const upTo = this.buffer.slice(0, this.cursor);
    this.busy = true;
    const { items, start } = await this.hooks.complete(upTo);
    this.busy = false;
    const word = upTo.slice(start);
    if (items.length === 1) {
      this.insertCompletion(start, word, `${items[0] as string} `);
    } else if (items.length > 1) {
      let common = items[0] as string;
      for (const item of items) while (!item.startsWith(common)) common = common.slice(0, -1);
      if (common.length > word.length) this.insertCompletion(start, word, common);
      else {
        this.term.write(`\r\n${items.join('  ')}\r\n`);
        this.redraw();
      }
    }
    this.flushPending();
  }

  private insertCompletion(start: number, word: string, text: string): void {
    this.buffer = this.buffer.slice(0, start) + text + this.buffer.slice(start + word.length);
    this.cursor = start + text.length;
    this.redraw();
  }

  private enter(rest: string): void {
    const line = this.buffer;
    const keyAt = this.keyAt;
    this.keyAt = undefined;
    this.pending = rest + this.pending;
    if (line.trim() === '') {
      this.prompt('\r\n');
      this.flushPending();
      return;
    }
    if (this.history.at(-1) !== line) this.history.push(line);
    this.busy = true;
    this.enterAt = Math.min(performance.now(), keyAt ?? Infinity);
    // The line end is written with the output and the next prompt: writing it now would change the screen in the
    // key's task (see pressEnter), a frame's wait on every command. A slow command gets its line end after a moment.
    this.newlineOwed = true;
    this.newlineTimer = setTimeout(() => this.term.write(this.payNewline()), NEWLINE_AFTER_MS);
    void this.hooks.run(line).then((printed) => {
      this.busy = false;
      this.prompt(this.payNewline() + printed);
      this.flushPending();
    });
  }

  private flushPending(): void {
    if (this.pending === '') return;
    const data = this.pending;
    this.pending = '';
    this.input(data);
  }

}
