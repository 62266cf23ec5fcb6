// What JavaScript itself runs out of (the longest string, the deepest stack, the largest buffer) is a limit of
// the simulator, not something Docker would say. A command that reaches one gets a plain drydock message in
// Docker's framing (exit 125), never JavaScript's own text ("Invalid string length", "Maximum call stack size
// exceeded"); the budgets (steps, time, output, file size) are meant to stop a command long before.

/** The drydock message for an error JavaScript raised at one of its own limits, or undefined for any other. */
export function jsLimitMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const m = error.message;
  if (error instanceof RangeError && /Maximum call stack size exceeded/.test(m)) return 'the command nests deeper than the simulator can follow';
  if (error instanceof RangeError && /Invalid string length|Invalid typed array length|Array buffer allocation failed|Invalid array length/.test(m)) return 'the command handles more data than the simulator can hold';
  if (/not valid for encoding|invalid utf-8/i.test(m)) return 'the command handles bytes that are not valid UTF-8 where the simulator needs text';
  return undefined;
}

/** The result of a command stopped at such a limit. */
export function jsLimitResult(message: string): { exitCode: number; stdout: string; stderr: string } {
  return { exitCode: 125, stdout: '', stderr: `drydock: ${message} (a limit of the simulator, not of Docker); run it with --engine docker\n` };
}
