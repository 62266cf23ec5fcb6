// The scenario format's JSON Schema, minus the checks and matchers (each check kind brings its own fragment).
// composeScenarioSchema assembles the whole; the result is written to schemas/scenario.schema.json, which is
// what the loader, `drydock schema` and editors read. `x-code` and `x-message` annotate a subschema with the
// problem code and text the loader reports when it fails (editors ignore unknown `x-` keywords).

/** A JSON Schema object (kept loose: it is data written to a file). */
export type JsonSchema = Record<string, unknown>;

/** One check kind's contribution: the key it is written under and the schema of its spec. */
export interface CheckSchemaFragment {
  name: string;
  description: string;
  schema: JsonSchema;
}

/** Step and check names are words, so templates (`${{ steps.NAME.stdout }}`) can refer to them. */
const NAME_PATTERN = '^[A-Za-z_][\\w-]*$';

const duration: JsonSchema = {
  type: 'string',
  pattern: '^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$',
  'x-message': 'must be a duration such as 500ms, 10s or 2m',
  description: 'a duration: 500ms, 10s, 1.5m, 1h',
};

const skip: JsonSchema = {
  type: ['boolean', 'string'],
  description: 'true, or the reason, to leave this out of the run',
};

const mode: JsonSchema = {
  type: ['string', 'integer'],
  pattern: '^(0?[0-7]{3,4}|[-dlc]?[-r][-w][-xsS][-r][-w][-xsS][-r][-w][-xtT])$',
  'x-message': 'must be an octal mode such as "0644" or a mode string such as "rw-r--r--"',
  description: 'permission bits: "0644", 644 (read as octal) or "rw-r--r--"',
};

const step: JsonSchema = {
  type: 'object',
  description: 'a docker command line or a host-side shell script, with what it must print',
  properties: {
    docker: { type: 'string', minLength: 1, description: 'a docker command line exactly as typed (the leading `docker` is optional)' },
    host: { type: 'string', minLength: 1, description: 'a shell script run on the sandbox host, in the scenario directory' },
    name: { type: 'string', pattern: NAME_PATTERN, 'x-message': 'must be a word (letters, digits, _ and -)', description: 'lets later steps use ${{ steps.NAME.stdout }}' },
    stdin: { type: 'string', description: 'text given to the command on its standard input' },
    expect: { $ref: '#/$defs/expect' },
    capture: {
      type: 'object',
      description: 'variables taken from stdout by a regular expression (group 1, or the whole match): ${{ vars.NAME }}',
      propertyNames: { pattern: NAME_PATTERN },
      additionalProperties: { type: 'string', format: 'regex' },
    },
    timeout: duration,
    skip,
    submission: { const: true, description: "an exercise's marker: where a graded submission's commands run (in `steps`, once, alone)" },
  },
  additionalProperties: false,
  allOf: [
    { 'x-code': 'STEP_KIND', 'x-message': 'a step needs `docker:` or `host:`', anyOf: [{ required: ['docker'] }, { required: ['host'] }, { required: ['submission'] }] },
    { 'x-code': 'STEP_KIND', 'x-message': 'a step has `docker:` or `host:`, not both', not: { required: ['docker', 'host'] } },
    {
      'x-code': 'STEP_KIND',
      'x-message': '`submission: true` stands alone: it marks where a submission goes and runs nothing itself',
      not: { required: ['submission'], anyOf: [{ required: ['docker'] }, { required: ['host'] }] },
    },
  ],
};

const expect: JsonSchema = {
  type: 'object',
  description: 'what the step must print and how it must exit (exit code 0 unless said otherwise)',
  properties: {
    exitCode: { $ref: '#/$defs/matcher', description: 'the exit code (default 0)' },
    stdout: { $ref: '#/$defs/matcher', description: 'the standard output' },
    stderr: { $ref: '#/$defs/matcher', description: 'the standard error' },
  },
  additionalProperties: false,
};

const files: JsonSchema = {
  type: 'object',
  description: 'files put on the sandbox host before the scenario runs; relative paths are in the scenario directory (the build context)',
  additionalProperties: {
    if: { type: 'object' },
    then: {
      type: 'object',
      properties: { content: { type: 'string' }, mode },
      required: ['content'],
      additionalProperties: false,
    },
    else: { type: 'string' },
  },
};

const steps: JsonSchema = { type: 'array', items: { $ref: '#/$defs/step' } };

/** A statement of a study note that the scenario checks on a real engine's terms (`drydock claims`). */
const claim: JsonSchema = {
  type: 'object',
  description: 'the note\'s claim this scenario checks, and the verdict on real Docker (`drydock claims` lists them)',
  properties: {
    id: { type: 'string', pattern: '^C[0-9]{2}[a-z]?$', 'x-message': 'must be a claim id such as C07 or C15b', description: 'the claim id (C01 … C40, a letter for a part)' },
    note: { type: 'string', minLength: 1, description: "the note's file name" },
    alsoIn: { type: 'array', items: { type: 'string' }, description: 'other notes that make the same claim' },
    quote: { type: 'string', minLength: 1, description: "the claim in the note's own words" },
    english: { type: 'string', minLength: 1, description: 'the claim in English' },
    verdict: { enum: ['true', 'false', 'partly', 'untestable'], description: 'what real Docker says about the claim' },
    why: { type: 'string', minLength: 1, description: 'the verdict in one sentence' },
    reason: { type: 'string', minLength: 1, description: 'why (part of) the claim cannot be checked here' },
  },
  required: ['id', 'note', 'quote', 'english', 'verdict', 'why'],
  additionalProperties: false,
  if: { properties: { verdict: { const: 'untestable' } } },
  then: { required: ['reason'], 'x-message': 'an untestable claim needs a `reason`' },
};

const exercise: JsonSchema = {
  type: 'object',
  description: 'makes the scenario a graded exercise (`drydock grade`): its title and limits',
  properties: {
    title: { type: 'string', minLength: 1, description: 'the title students see (default: the scenario name)' },
    maxScore: { type: 'number', exclusiveMinimum: 0, description: "the score that counts as full marks (default: the sum of the checks' points)" },
    timeLimit: { ...duration, description: "time limit of one submission's whole run (default 20s)" },
    stepBudget: { type: 'integer', minimum: 1000, description: 'shell steps each process of a submission may run before it is stopped as runaway (default 100000)' },
  },
  additionalProperties: false,
};

/** The whole scenario schema, with each check kind's fragment and the matcher definitions merged in. */
export function composeScenarioSchema(checks: readonly CheckSchemaFragment[], matcherDefs: Record<string, JsonSchema>): JsonSchema {
  const kinds = checks.map((c) => c.name);
  const check: JsonSchema = {
    type: 'object',
    description: `one check, run after the steps: ${kinds.join(', ')}`,
    properties: {
      name: { type: 'string', description: 'a title for reports' },
      skip,
      points: { type: 'number', minimum: 0, description: 'points the check is worth when graded (default 1)' },
      hint: { type: 'string', description: 'shown to the student when the check fails' },
      visibility: { enum: ['visible', 'hidden', 'after_due_date'], description: "when students see the check (Gradescope's names; default visible)" },
      ...Object.fromEntries(checks.map((c) => [c.name, { $ref: `#/$defs/${c.name}Check` }])),
    },
    additionalProperties: false,
    allOf: [
      {
        'x-code': 'CHECK_KIND',
        'x-message': `a check needs exactly one of ${kinds.map((k) => `\`${k}\``).join(', ')}`,
        oneOf: kinds.map((k) => ({ required: [k] })),
      },
    ],
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://drydock.dev/schemas/scenario.schema.json',
    title: 'drydock scenario',
    description: 'Docker command lines and host actions to run, what they must print, and checks of the resulting state',
    type: 'object',
    required: ['name', 'steps'],
    dependentRequired: { engines: ['engineReason'] },
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      name: { type: 'string', minLength: 1, description: 'what the scenario shows, in one line' },
      description: { type: 'string' },
      tags: { type: 'array', items: { type: 'string', pattern: '^[^\\s,]+$', 'x-message': 'must be a word without spaces or commas' }, description: 'for `drydock run --tag`' },
      source: {
        type: 'object',
        description: 'where the scenario comes from: the note and the claim it checks',
        properties: { note: { type: 'string' }, claim: { type: 'string' }, url: { type: 'string' }, line: { type: 'integer' } },
        additionalProperties: { type: ['string', 'number'] },
      },
      claim,
      skip,
      only: { type: 'boolean', description: 'run only the scenarios marked `only` (for focusing)' },
      engines: {
        type: 'array',
        items: { enum: ['sim', 'docker'] },
        minItems: 1,
        uniqueItems: true,
        description: 'the engines this scenario can run on (default both); say why in `engineReason`',
      },
      engineReason: { type: 'string', minLength: 1, description: 'why the scenario cannot run on the engines `engines` leaves out (shown in reports)' },
      needs: {
        type: 'array',
        items: { enum: ['privileged', 'host-namespaces', 'devices', 'capabilities', 'host-mounts'] },
        uniqueItems: true,
        description: 'host-reaching docker features the scenario uses on a real engine; without them those flags are refused',
      },
      timeout: { ...duration, description: 'time limit for each step (default 30s)' },
      vars: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] }, description: 'values for ${{ vars.NAME }}' },
      env: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] }, description: "the docker client's environment (-e NAME, --build-arg NAME) and ${{ env.NAME }}" },
      files,
      setup: { ...steps, description: 'steps run first; a failure here fails the scenario before its steps' },
      steps: { ...steps, description: 'the scenario itself' },
      teardown: { ...steps, description: 'steps always run last, even after a failure' },
      checks: { type: 'array', items: { $ref: '#/$defs/check' }, description: 'checks of the final state' },
      exercise,
    },
    $defs: {
      step,
      expect,
      check,
      ...Object.fromEntries(checks.map((c) => [`${c.name}Check`, { description: c.description, ...c.schema }])),
      ...matcherDefs,
    },
  };
}
