// Go templates as `docker … --format` runs them: text/template (Go 1.19) with docker's extra functions, over
// JSON-like data. One entry point for parsing and executing; the pieces live in template-*.ts and go-*.ts.

import { DOCKER_FUNCS } from './docker-funcs.js';
import { executeTemplate } from './template-exec.js';
import type { MissingKey } from './template-eval.js';
import { BUILTIN_FUNCS, type FuncMap } from './template-funcs.js';
import { parseTemplate, type ParsedTemplate } from './template-parser.js';

// Re-exported so callers need only this module.
export type { ParsedTemplate } from './template-parser.js';
export { TemplateError } from './template-error.js';

/** Every function a docker `--format` template can call: Go's builtins plus docker's basicFunctions. */
export const DOCKER_TEMPLATE_FUNCS: FuncMap = { ...BUILTIN_FUNCS, ...DOCKER_FUNCS };

/** Options of a parse. */
export interface ParseOptions {
  /** The template's name; docker's formatters use "" (`template: :1: …`), `docker version` "version". */
  name?: string;
  /** Functions known to the parser (names only matter); docker's by default. */
  funcs?: FuncMap;
}

/** Options of an execution. */
export interface ExecuteOptions {
  /** Functions to call; the same names as at parse time (docker swaps in header functions for table headers). */
  funcs?: FuncMap;
  /** Go's missingkey option; docker's inspect fallback uses 'error'. */
  missingKey?: MissingKey;
}

/** Parse a template; throws TemplateError with Go's message (`template: :1: unexpected "}" in operand`). */
export function parseGoTemplate(text: string, options: ParseOptions = {}): ParsedTemplate {
  const funcs = options.funcs ?? DOCKER_TEMPLATE_FUNCS;
  return parseTemplate(text, options.name ?? '', new Set(Object.keys(funcs)));
}

/** Execute a parsed template; throws TemplateError with Go's message and the output written so far. */
export function executeGoTemplate(tmpl: ParsedTemplate, data: unknown, options: ExecuteOptions = {}): string {
  return executeTemplate(tmpl, data, {
    funcs: options.funcs ?? DOCKER_TEMPLATE_FUNCS,
    missingKey: options.missingKey ?? 'default',
  });
}

/** Parse and execute in one go. */
export function renderGoTemplate(text: string, data: unknown, options: ParseOptions & ExecuteOptions = {}): string {
  return executeGoTemplate(parseGoTemplate(text, options), data, options);
}
