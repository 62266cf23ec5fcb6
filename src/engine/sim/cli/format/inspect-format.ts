// `docker inspect -f` runs a template twice if needed: first on the typed Go struct, and if that fails, on the
// raw JSON decoded into map[string]interface{} with missingkey=error (docker/cli's TemplateInspector). The
// two views differ in ways users see: `{{.Config.Labels.x}}` is `<no value>` but `{{.Nope}}` an error,
// `{{index .Config.Labels "x"}}` is "", a null Cmd prints `[]`, and `{{.Id}}` only exists in the raw view.

import { executeGoTemplate, parseGoTemplate, type ParsedTemplate } from './go-template.js';
import { rawInspectView, typedInspectView } from './inspect-views.js';
import { TemplateError } from './template-error.js';

/** A `docker inspect --format` template, applied element by element as docker's TemplateInspector does. */
export class InspectTemplate {
  // docker's fallback calls tmpl.Option("missingkey=error"), which sticks for every later element
  private missingKeyError = false;

  private constructor(private readonly tmpl: ParsedTemplate) {}

  /** Parse; a bad template is a TemplateError "template parsing error: …" (docker exits 64). */
  static parse(format: string): InspectTemplate {
    try {
      return new InspectTemplate(parseGoTemplate(format));
    } catch (e) {
      throw e instanceof TemplateError ? e.wrap('template parsing error') : e;
    }
  }

  /**
   * One element's output line (newline included); a TemplateError "template parsing error: …" on failure.
   * `docker volume inspect` hands the inspector no raw JSON (its getter returns nil bytes), so there the typed
   * run's error is the answer: `rootType` then names the struct it reports.
   */
  inspect(element: unknown, opts: { rootType?: string; rawFallback?: boolean } = {}): string {
    const missingKey = this.missingKeyError ? 'error' : 'default';
    try {
      return executeGoTemplate(this.tmpl, typedInspectView(element, [], opts.rootType), { missingKey }) + '\n';
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      if (opts.rawFallback === false) throw e.wrap('template parsing error');
    }
    this.missingKeyError = true;
    try {
      return executeGoTemplate(this.tmpl, rawInspectView(element), { missingKey: 'error' }) + '\n';
    } catch (e) {
      throw e instanceof TemplateError ? e.wrap('template parsing error') : e;
    }
  }
}

/** What docker prints on stdout after inspecting: the collected lines, or one empty line if there are none. */
export function inspectStdout(lines: readonly string[]): string {
  return lines.length === 0 ? '\n' : lines.join('');
}

