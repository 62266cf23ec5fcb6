// Non-local control flow inside the interpreter: exit, return, break/continue and ash's "raise error"
// (an error that aborts the current shell unless caught by an enclosing subshell boundary).

/** `exit N`, or a fatal error in a non-interactive shell: unwinds to the end of the (sub)shell. */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** `return N` inside a function or a sourced file. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `break N` / `continue N`; `levels` counts the loops still to leave. */
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/**
 * ash's EXERROR: the message was already printed; a special builtin or an expansion error ends the shell with
 * status 2, a regular builtin only fails.
 */
export class ShellError {
  constructor(readonly status = 2) {}
}
