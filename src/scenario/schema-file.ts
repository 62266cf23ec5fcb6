// The one copy of the scenario schema the loader validates with: schemas/scenario.schema.json, read once per
// process and compiled by ajv (JSON Schema 2020-12) with the `regex` and `jmespath` formats drydock uses.

import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import jmespath from 'jmespath';

/** Where the schema lives (the same relative place from src/scenario and dist/scenario). */
export const SCHEMA_URL = new URL('../../schemas/scenario.schema.json', import.meta.url);

let text: string | undefined;
let validator: ValidateFunction | undefined;

/** The schema file's text, exactly as stored. */
export function scenarioSchemaText(): string {
  text ??= readFileSync(SCHEMA_URL, 'utf8');
  return text;
}

/**
 * The message of a regular expression that does not compile, or undefined when it does. Same rule as
 * assertions/regex.ts: `/body/flags` or a bare body (the scenario layer may not import assertions).
 */
export function regexError(source: string): string | undefined {
  try {
    const literal = /^\/(.*)\/([dimsuy]*)$/s.exec(source);
    if (literal) new RegExp(literal[1] as string, literal[2]);
    else new RegExp(source, 'm');
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

/** The message of a JMESPath expression that does not compile, or undefined when it does. */
export function jmespathError(expression: string): string | undefined {
  try {
    (jmespath as unknown as { compile(e: string): unknown }).compile(expression);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** A compiled validator for any schema using drydock's keywords and formats (tests use it on fragments). */
export function compileSchema(schema: object): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addVocabulary(['x-code', 'x-message']);
  ajv.addFormat('regex', { type: 'string', validate: (s: string) => regexError(s) === undefined });
  ajv.addFormat('jmespath', { type: 'string', validate: (s: string) => jmespathError(s) === undefined });
  return ajv.compile(schema);
}

/** The compiled validator of schemas/scenario.schema.json. */
export function scenarioValidator(): ValidateFunction {
  validator ??= compileSchema(JSON.parse(scenarioSchemaText()) as object);
  return validator;
}
