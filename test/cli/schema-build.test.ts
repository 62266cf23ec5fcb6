// schemas/scenario.schema.json is generated from the format's parts; this fails when they drift apart.
// `UPDATE_SCHEMA=1 npx mocha test/cli/schema-build.test.ts` rewrites the file.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scenarioSchemaFileText, writeScenarioSchema } from '../../src/cli/schema-build.js';
import { compileSchema, SCHEMA_URL } from '../../src/scenario/schema-file.js';

describe('scenario schema file', () => {
  it('is what the scenario format and the check kinds make (UPDATE_SCHEMA=1 to rewrite)', () => {
    if (process.env.UPDATE_SCHEMA) writeScenarioSchema();
    assert.equal(readFileSync(SCHEMA_URL, 'utf8'), scenarioSchemaFileText());
  });

  it('compiles under ajv strict mode as JSON Schema 2020-12', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as Record<string, unknown>;
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    compileSchema(schema);
  });

  it('describes every key, so editors can show help', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as { properties: Record<string, { description?: string }> };
    const undocumented = Object.entries(schema.properties)
      .filter(([k, v]) => k !== '$schema' && k !== 'description' && !v.description)
      .map(([k]) => k);
    assert.deepEqual(undocumented, []);
  });
});
