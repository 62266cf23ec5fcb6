// Handlebars partials shared by every HTML report: the page layout, a failure (expected, actual, coloured
// diff), a check, and a terminal transcript. Only `asset` (drydock's own CSS and script) is ever unescaped.

/** The page: one self-contained file with its styles, its script and a CSP that forbids everything else. */
export const LAYOUT = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{asset "csp"}}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="drydock">
<title>{{title}}</title>
<style>{{asset "css"}}</style>
</head>
<body>
<main>
{{> @partial-block }}
</main>
<script>{{asset "script"}}</script>
</body>
</html>
`;

/** One failure: its message, expected and actual, and the line diff when there is one. */
export const FAILURE = `<div class="failure">
<div class="msg">{{message}}</div>
{{#if diff}}<div class="diff">{{#each diff}}<div class="{{cls}}">{{text}}</div>{{/each}}</div>
{{#if (defined expected)}}<details><summary>expected and actual in full</summary>{{> expectedActual}}</details>{{/if}}
{{else}}{{#if (defined expected)}}{{> expectedActual}}{{/if}}{{/if}}
</div>`;

export const EXPECTED_ACTUAL = `<div class="ea"><span>expected</span><pre>{{expected}}</pre>{{#if (defined actual)}}<span>actual</span><pre>{{actual}}</pre>{{/if}}</div>`;

/** One check; `points` and `hint` when graded. */
export const CHECK = `<div class="check {{status}}{{#if ok}} ok{{/if}}">
<div class="head"><span class="badge {{status}}">{{status}}</span><span class="title">{{title}}</span>{{#if (defined points)}}<span class="pts">{{earned}} / {{points}} pts</span>{{/if}}{{#if visibility}} <span class="badge vis">{{visibility}}</span>{{/if}}</div>
<div class="where">{{kind}} · {{where}} · {{duration}}{{#if note}} · {{note}}{{/if}}</div>
{{#each failures}}{{> failure}}{{/each}}
{{#if hint}}<div class="hint"><b>Hint:</b> {{hint}}</div>{{/if}}
</div>`;

/** Steps as a terminal: each command, what it printed (stderr in red), its exit code and duration; a withheld step only as a note. */
export const TRANSCRIPT = `<div class="term">
{{#each groups}}<div class="group{{#if mine}} mine{{/if}}">{{label}}</div>
{{#each steps}}{{#if withheld}}<div class="step withheld ok"><div class="note">{{note}}</div></div>
{{else}}<div class="step {{status}}{{#if ok}} ok{{/if}}">
<pre class="cmd">{{command}}</pre>
{{#if stdout}}<pre class="out">{{stdout}}</pre>{{/if}}{{#if stdoutMore}}<details class="more"><summary>{{stdoutMore.lines}} more lines</summary><pre class="out">{{stdoutMore.text}}</pre></details>{{/if}}
{{#if stderr}}<pre class="err">{{stderr}}</pre>{{/if}}{{#if stderrMore}}<details class="more"><summary>{{stderrMore.lines}} more lines</summary><pre class="err">{{stderrMore.text}}</pre></details>{{/if}}
<div class="exit{{#if exitBad}} bad{{/if}}">{{#if (defined exit)}}exit {{exit}}{{else}}{{status}}{{/if}} · {{duration}} · <span class="where">{{where}}</span></div>
{{#if note}}<div class="note">{{note}}</div>{{/if}}
{{#each failures}}<div class="note">{{message}}</div>{{#if diff}}<div class="diff">{{#each diff}}<div class="{{cls}}">{{text}}</div>{{/each}}</div>{{/if}}{{/each}}
</div>
{{/if}}{{/each}}{{else}}<div class="group">no steps ran</div>{{/each}}
</div>`;
