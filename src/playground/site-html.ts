// The site's HTML: the start page and one page per exercise (plus free play). Plain strings, everything a teacher
// wrote escaped except the description, which is Markdown rendered here at build time (marked), with the
// commands in it marked click-to-run.

import { Marked, type Tokens } from 'marked';
import type { PlaygroundExercise } from './exercise-data.js';

/** Text safe inside HTML (element content and quoted attributes). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A line the terminal can run as written: a docker command or a host command, with no "…" placeholder. */
function runnable(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && !text.includes('…') && lines.every((l) => /^\s*(docker|echo|cat|ls|mkdir|touch|rm)\s/.test(l));
}

const markdown = new Marked({
  renderer: {
    code(token: Tokens.Code): string {
      const cls = runnable(token.text) ? ' class="run"' : '';
      return `<pre><code${cls}>${escapeHtml(token.text)}</code></pre>\n`;
    },
    codespan(token: Tokens.Codespan): string {
      return `<code${runnable(token.text) ? ' class="run"' : ''}>${escapeHtml(token.text)}</code>`;
    },
    // the description is the teacher's text, but raw HTML in it is shown, not run
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
  },
});

/** The description as HTML. */
function renderDescription(md: string): string {
  return markdown.parse(md, { async: false });
}

const BADGE = '<span class="badge" data-testid="badge" title="drydock simulates Docker 20.10 in this page: no real containers run">simulated Docker 20.10</span>';

function head(title: string, root: string, liveReload: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${root}assets/playground.css">
${liveReload ? `<script>new EventSource('/__drydock/events').onmessage = () => location.reload();</script>\n` : ''}</head>`;
}

/** index.html: the exercises with their points, and free play. */
export function startPage(exercises: readonly PlaygroundExercise[], liveReload: boolean): string {
  const items = exercises
    .map((e) => `<li><a data-testid="exercise" data-slug="${escapeHtml(e.slug)}" href="${encodeURIComponent(e.slug)}/index.html">${escapeHtml(e.title)}</a> <span class="points">${e.maxScore} point${e.maxScore === 1 ? '' : 's'}</span></li>`)
    .join('\n');
  return `${head('drydock playground', '', liveReload)}
<body class="start">
<header><h1>drydock playground</h1>${BADGE}</header>
<main>
<p>Docker exercises that run in your browser on drydock's simulator: no install, no account, nothing leaves the page.
Your work is kept in this browser; hand it in as a zip for your teacher to grade with <code>drydock grade</code>.</p>
<h2>Exercises</h2>
<ol class="exercises">
${items}
</ol>
<p><a data-testid="free-play" href="free-play/index.html">Free play</a>: a terminal with no exercise.</p>
</main>
</body>
</html>
`;
}

/** `<slug>/index.html`: instructions, terminal, editor, checks. */
export function exercisePage(exercise: PlaygroundExercise | null, key: string, liveReload: boolean): string {
  const title = exercise?.title ?? 'Free play';
  const json = JSON.stringify({ exercise, key }).replace(/</g, '\\u003c');
  const instructions = exercise
    ? renderDescription(exercise.description || exercise.scenario.name)
    : '<p>A terminal on a fresh simulated Docker 20.10 with the built-in images <code>centos</code>, <code>ubuntu</code>, <code>tomcat</code> and <code>drydock/busybox:1.35</code>. Try <code class="run">docker run -dit --name c1 centos</code>.</p>';
  return `${head(`${title} · drydock playground`, '../', liveReload)}
<body class="exercise">
<header><a href="../index.html" class="home">drydock playground</a><h1>${escapeHtml(title)}</h1>${BADGE}</header>
<main>
<section class="instructions">${instructions}</section>
<section class="work">
<div id="terminal" class="terminal" data-testid="terminal"></div>
<input id="plain-line" class="plain-line" data-testid="plain-line" autocomplete="off" autocapitalize="off" spellcheck="false" placeholder="type a command, then Enter">
<details class="files" open>
<summary>Host files (the sandbox host's /scenario is the working directory)</summary>
<div class="file-bar"><select id="files" aria-label="host file"></select><input id="file-name" aria-label="file path" placeholder="Dockerfile"><button id="save" type="button">Save</button></div>
<textarea id="editor" spellcheck="false" aria-label="file content"></textarea>
</details>
</section>
<aside class="checks-pane">
<div id="score" class="score" data-testid="score"></div>
<ol id="checks" class="checks">${exercise ? '' : '<li class="none">Free play has no checks.</li>'}</ol>
<div class="actions">
<input id="student" placeholder="your name (folder of the hand-in)" aria-label="your name">
<button id="hand-in" type="button" data-testid="hand-in">Hand in (download .zip)</button>
<button id="reset" type="button" data-testid="reset">Reset</button>
</div>
</aside>
</main>
<script id="drydock-exercise" type="application/json">${json}</script>
<script src="../assets/worker.js"></script>
<script src="../assets/playground.js"></script>
</body>
</html>
`;
}
