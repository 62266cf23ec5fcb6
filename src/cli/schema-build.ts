// Assembles schemas/scenario.schema.json from its parts: the scenario format (scenario/schema-base.ts), each
// check kind's fragment and the matcher definitions. The file is generated once and committed; the loader and
// `drydock schema` read the file, and a test fails when the parts and the file drift apart.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MATCHER_DEFS } from '../assertions/matchers.js';
import { builtinAssertions } from '../assertions/registry.js';
import { composeScenarioSchema, type JsonSchema } from '../scenario/schema-base.js';
import { SCHEMA_URL } from '../scenario/schema-file.js';

/** The scenario schema as the built-in check kinds make it. */
function buildScenarioSchema(): JsonSchema {
  const checks = builtinAssertions()
    .all()
    .map((a) => ({ name: a.name, description: a.description, schema: a.schema }));
  return composeScenarioSchema(checks, MATCHER_DEFS);
}

/** The schema file's expected text (two-space JSON and a final newline). */
export function scenarioSchemaFileText(): string {
  return `${JSON.stringify(buildScenarioSchema(), null, 2)}\n`;
}

/** Rewrites schemas/scenario.schema.json from the parts; returns its path. */
export function writeScenarioSchema(): string {
  const path = fileURLToPath(SCHEMA_URL);
  writeFileSync(path, scenarioSchemaFileText());
  return path;
}
