// The Handlebars templates of the three report pages: a student's grade, the class summary of a grading batch,
// and the index of a `drydock run`.

/** One submission's report: the student's (withheld checks as placeholders) or the teacher's (everything). */
export const STUDENT_PAGE = `{{#> layout}}
<h1>{{student}} <span class="badge {{status}}">{{status}}</span></h1>
{{#if teacher}}<p class="audience">Teacher's view: every check, hidden ones included. Give the student their own page{{#if studentHref}}, <a href="{{studentHref}}">report.html</a>{{/if}}.</p>{{/if}}
<p class="meta"><span>{{exercise}}</span><span>{{submission}}</span><span>{{engine}} engine</span><span>{{startedAt}}</span><span>{{duration}}</span></p>
<div class="cards">
<div class="card"><span class="score">{{score}} / {{maxScore}}</span> {{scoreOf}}{{#if showPercent}} ({{percent}}%){{/if}}</div>
<div class="card"><b>{{passedChecks}} / {{totalChecks}}</b>checks passed</div>
{{#if withheld.length}}<div class="card"><b>{{withheld.length}}</b>checks not shown ({{withheldPoints}})</div>{{/if}}
</div>
{{#if withheldNote}}<p class="withheld-note">{{withheldNote}}</p>{{/if}}
{{#if error}}<div class="hint">{{error}}</div>{{/if}}
<div class="controls"><label><input type="checkbox" id="failures-only"> Show failures only</label>{{#if summaryHref}} <a href="{{summaryHref}}">Class summary</a>{{/if}}</div>
{{#if problems.length}}<div class="section"><h2>Lines of the submission not run</h2>
{{#each problems}}<div class="check"><span class="where">{{where}}</span> {{message}}</div>{{/each}}
</div>{{/if}}
<div class="section"><h2>Checks</h2>
{{#each checks}}{{> check}}{{/each}}
{{#each withheld}}<div class="check withheld ok"><div class="head"><span class="badge vis">{{badge}}</span><span class="title">{{title}}</span><span class="pts">{{points}} pts</span></div></div>{{/each}}
{{#unless checks.length}}{{#unless withheld.length}}<div class="empty">no checks</div>{{/unless}}{{/unless}}
{{#if allPassed}}<div class="nothing">{{allPassed}}</div>{{/if}}
</div>
<div class="section"><h2>Transcript</h2>
{{> transcript}}
</div>
{{/layout}}`;

/** The class summary of a grading batch. */
export const SUMMARY_PAGE = `{{#> layout}}
<h1>{{exercise}}</h1>
<p class="meta"><span>class summary</span><span>{{file}}</span><span>{{engine}} engine</span><span>{{generatedAt}}</span></p>
<div class="cards">
<div class="card"><b>{{count}}</b>submissions</div>
<div class="card"><b>{{mean}}</b>mean score (of {{maxScore}})</div>
<div class="card"><b>{{median}}</b>median score</div>
<div class="card"><b>{{fullMarks}}</b>full marks</div>
<div class="card"><b>{{problems}}</b>not graded (time limit, rejected, error)</div>
</div>
<div class="controls"><label><input type="checkbox" id="failures-only"> Show only submissions without full marks</label></div>
<h2>Score distribution</h2>
<svg class="chart" viewBox="0 0 {{histogram.width}} {{histogram.height}}" role="img" aria-label="number of submissions per score band">
<line x1="30" x2="{{histogram.width}}" y1="{{histogram.baseY}}" y2="{{histogram.baseY}}"></line>
{{#each histogram.bars}}<rect class="b" x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}"><title>{{label}}: {{count}}</title></rect>
<text x="{{labelX}}" y="{{countY}}" text-anchor="middle">{{#if count}}{{count}}{{/if}}</text>
<text x="{{labelX}}" y="{{@root.histogram.labelY}}" text-anchor="middle">{{label}}</text>
{{/each}}
</svg>
<h2>Pass rate per check</h2>
<div class="tablewrap"><table>
<thead><tr><th>check</th><th class="num">points</th><th class="num">passed</th><th>rate</th></tr></thead>
<tbody>{{#each checks}}<tr class="{{#if ok}}ok{{/if}}"><td>{{title}}{{#if visibility}} <span class="badge vis">{{visibility}}</span>{{/if}}</td><td class="num">{{points}}</td><td class="num">{{passed}} / {{total}}</td><td><div class="bar" title="{{rate}}%"><i style="width: {{rate}}%"></i></div> {{rate}}%</td></tr>{{/each}}</tbody>
</table></div>
<h2>Slowest submissions</h2>
<div class="tablewrap"><table>
<thead><tr><th>student</th><th class="num">time</th><th class="num">commands</th></tr></thead>
<tbody>{{#each slowest}}<tr><td><a href="{{href}}">{{student}}</a></td><td class="num">{{duration}}</td><td class="num">{{steps}}</td></tr>{{/each}}</tbody>
</table></div>
<h2>Submissions</h2>
<div class="tablewrap"><table>
<thead><tr><th>student</th><th class="num">score</th><th class="num">%</th><th>status</th><th class="num">checks failed</th><th class="num hide-narrow">time</th></tr></thead>
<tbody>{{#each students}}<tr class="{{#if ok}}ok{{/if}}"><td><a href="{{href}}">{{student}}</a></td><td class="num">{{score}}</td><td class="num">{{percent}}</td><td><span class="badge {{status}}">{{status}}</span></td><td class="num">{{failed}}</td><td class="num hide-narrow">{{duration}}</td></tr>{{/each}}</tbody>
</table></div>
{{#if allFull}}<div class="nothing">Every submission has full marks.</div>{{/if}}
{{/layout}}`;

/** The report of a \`drydock run\`. */
export const RUN_PAGE = `{{#> layout}}
<h1>drydock run</h1>
<p class="meta"><span>{{engine}} engine</span><span>{{startedAt}}</span><span>{{duration}}</span></p>
<div class="cards">
<div class="card"><b>{{total}}</b>scenarios</div>
<div class="card"><b>{{passed}}</b>passed</div>
<div class="card"><b>{{failed}}</b>failed</div>
<div class="card"><b>{{errors}}</b>errors</div>
<div class="card"><b>{{skipped}}</b>skipped</div>
</div>
<div class="controls"><label><input type="checkbox" id="failures-only"> Show failures only</label></div>
{{#each scenarios}}<div class="section {{status}}{{#if ok}} ok{{/if}}" id="{{anchor}}">
<h2><span class="badge {{status}}">{{status}}</span> {{name}}</h2>
<div class="check"><span class="where">{{file}} · {{duration}}{{#each tags}} · #{{this}}{{/each}}</span>{{#if note}} <span class="where">{{note}}</span>{{/if}}</div>
{{#if error}}<div class="check"><div class="hint">{{error}}</div></div>{{/if}}
{{#if groups.length}}{{> transcript}}{{/if}}
{{#each checks}}{{> check}}{{/each}}
</div>{{else}}<p class="empty">no scenarios ran</p>{{/each}}
{{#if allPassed}}<div class="nothing">Every scenario passed.</div>{{/if}}
{{/layout}}`;
