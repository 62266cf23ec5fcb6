// Lines the docker 20.10 client prints or not depending on a race between two of its own goroutines: after a
// container fails to start, "error waiting for container: context canceled" is logged only when the wait loses.
// Real runs of the same command showed it and did not (docker-reference.md 3.10, C27, drydock --engine both),
// so a comparison must not count it either way.

const WAIT_CANCELED = /^time="[^"]*" level=error msg="error waiting for container: context canceled"\n?/gm;

/** Removes the client's racy log lines from stderr. */
export function dropClientRaces(text: string): string {
  return text.replace(WAIT_CANCELED, '');
}
