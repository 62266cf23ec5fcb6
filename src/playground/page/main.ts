/// <reference lib="dom" />
// The exercise page: wires the terminal, the editor, the checks, reset and hand-in to the simulator's worker,
// keeps the session in localStorage after every command, and replays it on load. A command's answer is written
// with the next prompt in the task that receives it; the checks, the file list and the saved session follow.

import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import type { PlaygroundExercise } from '../exercise-data.js';
import type { FromWorker, LineOutput, SessionEvent, SessionView } from '../protocol.js';
import { renderChecks } from './checks-view.js';
import { LineEditor } from './line-editor.js';
import { SessionStore, type StoredSession } from './session-store.js';
import { WorkerLink } from './worker-link.js';

declare global {
  interface Window {
    /** Enter → next prompt, in ms, for every command (read by the tests and the README's figures) */
    drydockTimings: number[];
    /** navigation → first prompt that accepts input, in ms */
    drydockReadyMs?: number;
    /** the worker's own share of each command (running it), in ms */
    drydockWorkerMs: number[];
    /** the worker's time on the checks after a command (they run after its answer is sent), in ms */
    drydockChecksMs: number[];
    /** Enter → the animation frame that first draws the next prompt, in ms */
    drydockPaintMs: number[];
  }
}

const HELP = `This terminal runs docker commands on drydock's simulator of Docker 20.10, in your browser.
  docker …          any docker command line (networks, pulls, swarm… are refused, as on drydock's command line)
  echo, cat, ls, mkdir, rm, touch …   the sandbox host's shell (busybox), in /scenario
  clear             clear the screen
Keys: ↑/↓ history, Tab completes, Ctrl+C drops the line, Ctrl+Shift+C/V copy and paste.`;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const data = JSON.parse($('drydock-exercise').textContent ?? '{}') as { exercise: PlaygroundExercise | null; key: string };
const store = new SessionStore(data.key);
let session: StoredSession = store.load();
window.drydockTimings = [];
window.drydockWorkerMs = [];
window.drydockPaintMs = [];
window.drydockChecksMs = [];

let link = new WorkerLink((m) => onWorker(m));
link.send({ type: 'init', exercise: data.exercise, createdAt: session.createdAt, events: session.events });
const term = new Terminal({ convertEol: true, cursorBlink: true, fontSize: 14, scrollback: 5000, theme: { background: '#1e1e1e' } });
const fit = new FitAddon();
term.loadAddon(fit);
term.open($('terminal'));
fit.fit();
window.addEventListener('resize', () => fit.fit());
term.attachCustomKeyEventHandler((e) => {
  if (e.key === 'Enter' && !e.isComposing && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey && e.type !== 'keyup') {
    if (e.type === 'keydown') {
      e.preventDefault();
      lines.pressEnter(e.timeStamp);
    }
    return false;
  }
  // Ctrl+Shift+C copies; so does Ctrl+C while text is selected (without a selection it drops the line)
  if (e.type === 'keydown' && e.ctrlKey && e.code === 'KeyC' && (e.shiftKey || term.hasSelection())) {
    void navigator.clipboard?.writeText(term.getSelection());
    return false;
  }
  // Ctrl+Shift+V: the browser's own paste event, which xterm turns into input
  return !(e.ctrlKey && e.shiftKey && e.code === 'KeyV');
});

const files = $<HTMLSelectElement>('files');
const editor = $<HTMLTextAreaElement>('editor');

/** What a line printed, as the terminal shows it (its exit code when not 0). */
function printed(out: LineOutput): string {
  $('terminal').dataset.lastExit = String(out.exitCode);
  return out.stdout + out.stderr + (out.exitCode !== 0 ? `\x1b[2m[exit ${out.exitCode}]\x1b[0m\r\n` : '');
}

let shown = '';

function show(v: SessionView): void {
  // most commands change nothing a check sees: leave the DOM alone then
  const json = JSON.stringify(v);
  if (json === shown) return;
  shown = json;
  renderChecks($('checks'), $('score'), v);
  const current = files.value;
  files.replaceChildren(...v.files.map((f) => new Option(f, f)));
  if (v.files.includes(current)) files.value = current;
}

async function send(event: SessionEvent): Promise<LineOutput | undefined> {
  session.events.push(event);
  const answer = await link.ask({ type: 'event', event }, 'done');
  window.drydockWorkerMs.push(answer.ms);
  $('terminal').dataset.events = String(session.events.length);
  // after this task, which writes the prompt: keeping the session is not what the student waits for
  setTimeout(() => store.save(session), 0);
  return answer.output;
}

const lines = new LineEditor(term, {
  run: async (line) => {
    const word = line.trim().split(/\s+/)[0];
    // what the clear command prints: home, erase the screen, erase the scrollback
    if (word === 'clear') return '\x1b[H\x1b[2J\x1b[3J';
    if (word === 'help') return `${HELP}\n`;
    const out = await send({ kind: 'line', line, at: Date.now() });
    return out ? printed(out) : '';
  },
  complete: async (line) => link.ask({ type: 'complete', line }, 'completions'),
  onPrompt: (ms) => {
    if (ms !== undefined) {
      window.drydockTimings.push(ms);
      const enterAt = performance.now() - ms;
      // xterm draws in its animation frame callback, asked for when the prompt was parsed: this one runs after it
      requestAnimationFrame(() => window.drydockPaintMs.push(performance.now() - enterAt));
    }
    window.drydockReadyMs ??= performance.now();
    $('terminal').dataset.ready = 'true';
  },
});

function onWorker(m: Exclude<FromWorker, { id: number }>): void {
  if (m.type === 'failed') {
    console.error(`drydock playground: ${m.message}`);
    term.write(`\r\n\x1b[31mthe simulator failed: ${m.message.split('\n')[0]}\x1b[0m\r\n`);
    return;
  }
  if (m.type === 'view') {
    window.drydockChecksMs.push(m.ms);
    show(m.view);
    $('checks').dataset.events = String(m.events);
    return;
  }
  for (const out of m.replayed) term.write(`\x1b[1;32m/scenario\x1b[0m $ ${out.line}\r\n${printed(out)}`);
  $('terminal').dataset.events = $('checks').dataset.events = String(session.events.length);
  lines.history = session.events.flatMap((e) => (e.kind === 'line' ? [e.line] : []));
  show(m.view);
  if (files.value) void openFile(files.value);
  lines.prompt();
}

function start(): void {
  $('terminal').dataset.ready = 'false';
  if (session.events.length === 0) term.write(`\x1b[2m${data.exercise ? data.exercise.title : 'Free play'} · simulated Docker 20.10 · type help\x1b[0m\r\n`);
}

async function openFile(path: string): Promise<void> {
  const answer = await link.ask({ type: 'read', path }, 'file');
  editor.value = answer.content ?? '';
  $<HTMLInputElement>('file-name').value = path;
}

files.addEventListener('change', () => void openFile(files.value));
$('save').addEventListener('click', () => {
  const path = $<HTMLInputElement>('file-name').value.trim();
  if (!path) return;
  void send({ kind: 'write', path, content: editor.value, at: Date.now() }).then(() => {
    lines.note(`\x1b[2m(saved ${path})\x1b[0m`);
    files.value = path.startsWith('/') ? path : `/scenario/${path}`;
  });
});

$('reset').addEventListener('click', () => {
  link.stop();
  store.clear();
  session = { createdAt: Date.now(), events: [] };
  term.reset();
  editor.value = '';
  shown = '';
  start();
  link = new WorkerLink((m) => onWorker(m));
  link.send({ type: 'init', exercise: data.exercise, createdAt: session.createdAt, events: session.events });
});

const student = $<HTMLInputElement>('student');
student.value = session.student ?? '';
student.addEventListener('change', () => {
  session.student = student.value;
  store.save(session);
});
$('hand-in').addEventListener('click', () => {
  void link.ask({ type: 'hand-in', folder: student.value.trim() || (data.exercise?.slug ?? 'free-play') }, 'hand-in').then((answer) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([answer.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
    a.download = answer.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
});

// Narrow screens: a plain input line under the terminal (phones type better into a text field).
const plain = $<HTMLInputElement>('plain-line');
plain.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter') return;
  lines.type(plain.value);
  plain.value = '';
});

// Click-to-run: a command in the instructions is typed into the terminal and run.
for (const code of Array.from(document.querySelectorAll<HTMLElement>('.instructions code.run'))) {
  code.title = 'click to run in the terminal';
  code.addEventListener('click', () => {
    for (const line of (code.textContent ?? '').split('\n').filter((l: string) => l.trim() !== '')) lines.type(line);
    term.focus();
  });
}

start();
term.focus();
