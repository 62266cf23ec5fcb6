// A failed `--format` template, carrying Go's error text (`template: :1:2: executing "" at <.Nope>: …`) so
// each docker command can add its own prefix ("template parsing error: ", "failed to execute template: ").

/** A template that did not parse or did not execute; `partial` is what execution wrote before failing. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly kind: 'parse' | 'exec',
    readonly partial = '',
  ) {
    super(message);
    this.name = 'TemplateError';
  }

  /** The same failure behind a docker prefix, as errors.Wrap(err, prefix) prints it. */
  wrap(prefix: string): TemplateError {
    return new TemplateError(`${prefix}: ${this.message}`, this.kind, this.partial);
  }
}

/** What a template function throws to fail its call: Go prints `error calling len: <message>`. */
export class GoCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoCallError';
  }
}
