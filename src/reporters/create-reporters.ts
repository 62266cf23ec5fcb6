// Reporters by name, as `--reporter spec,json,junit` lists them.

import { colors, useColor } from './colors.js';
import { HtmlReporter } from './html/html-reporter.js';
import { JsonReporter } from './json-reporter.js';
import { JunitReporter } from './junit-reporter.js';
import type { Reporter } from './reporter.js';
import { SpecReporter } from './spec-reporter.js';

/** The reporter names `--reporter` accepts. */
export const REPORTER_NAMES = ['spec', 'json', 'junit', 'html'] as const;

/** Where reporters write. */
export interface ReporterEnv {
  outDir: string;
  write: (text: string) => void;
  isTTY: boolean | undefined;
  env: Record<string, string | undefined>;
}

/** The reporters for the given names; throws for an unknown name. */
export function createReporters(names: readonly string[], env: ReporterEnv): Reporter[] {
  return names.map((name): Reporter => {
    switch (name) {
      case 'spec':
        return new SpecReporter({ write: env.write, colors: colors(useColor(env.env, env.isTTY)) });
      case 'json':
        return new JsonReporter(env.outDir);
      case 'junit':
        return new JunitReporter(env.outDir);
      case 'html':
        return new HtmlReporter(env.outDir);
      default:
        throw new Error(`unknown reporter ${name} (known: ${REPORTER_NAMES.join(', ')})`);
    }
  });
}
