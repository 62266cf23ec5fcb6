// A failure inside an engine that is not a docker command's own error output: an unreachable daemon, a
// damaged state directory, a feature the simulator does not have. Docker command errors are never thrown;
// they are CommandResults with docker's own texts and exit codes.

/** Why an engine could not do what was asked. */
export type EngineErrorCode =
  | 'ENGINE_UNREACHABLE'
  | 'STATE_DAMAGED'
  | 'STATE_LOCKED'
  | 'NOT_SIMULATED'
  | 'POLICY_REFUSED'
  | 'FIXTURE_MISSING'
  | 'TIMEOUT';

/** An engine-level failure with a code a caller can branch on. */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
