// HEALTHCHECK's arguments and flags → container.HealthConfig, with Docker 20.10's checks and texts (durations
// must be at least 1ms, retries at least 1; NONE takes no arguments and its flags are never looked at).

import { BuilderFlags, type BuilderFlag } from './builder-flags.js';
import { goQuote } from '../../../../go/quote.js';
import { parseGoDecimalInt, parseGoDuration } from '../../../../docker-cli/index.js';
import { goToUpper } from './go-text.js';
import type { HealthConfig } from './instruction-types.js';

// container.MinimumDuration.
const MINIMUM_NS = 1_000_000;

/** Builds the health config from HEALTHCHECK's arguments (type word first); throws Error with Docker's text. */
export function parseHealthConfig(args: readonly string[], json: boolean, flags: readonly string[]): HealthConfig {
  if (args.length === 0) throw new Error('HEALTHCHECK requires at least one argument');
  const type = goToUpper(args[0]);
  const rest = args.slice(1);
  if (type === 'NONE') {
    if (rest.length !== 0) throw new Error('HEALTHCHECK NONE takes no arguments');
    return { test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, retries: 0 };
  }
  const bflags = new BuilderFlags(flags);
  const interval = bflags.addString('interval');
  const timeout = bflags.addString('timeout');
  const startPeriod = bflags.addString('start-period');
  const retries = bflags.addString('retries');
  bflags.parse();

  if (type !== 'CMD') throw new Error(`Unknown type ${goQuote(type)} in HEALTHCHECK (try CMD)`);
  const command = rest.length === 0 ? [] : json ? [...rest] : [rest.join(' ')];
  if (command.length === 0) throw new Error('Missing command after HEALTHCHECK CMD');

  const health = {
    test: [json ? 'CMD' : 'CMD-SHELL', ...command],
    interval: optionalInterval(interval),
    timeout: optionalInterval(timeout),
    startPeriod: optionalInterval(startPeriod),
    retries: 0,
  };
  if (retries.value !== '') {
    const parsed = parseGoDecimalInt(retries.value, 'ParseInt', 32);
    if (!parsed.ok) throw new Error(parsed.error);
    const n = parsed.value;
    if (n < 1) throw new Error(`--retries must be at least 1 (not ${n})`);
    health.retries = n;
  }
  return health;
}

function optionalInterval(flag: BuilderFlag): number {
  if (flag.value === '') return 0;
  const parsed = parseGoDuration(flag.value);
  if (!parsed.ok) throw new Error(parsed.error);
  const ns = Number(parsed.value);
  if (ns < MINIMUM_NS) throw new Error(`Interval ${goQuote(flag.name)} cannot be less than 1ms`);
  return ns;
}
