// Host process IDs (`State.Pid`): whatever the kernel handed out. 0 (not running) is kept.

/** `"Pid": 19968`, `"Pid":9877`, `Pid=10850` → `<PID>` when non-zero. */
export function replaceProcessIds(text: string): string {
  return text.replace(/("Pid":\s*|\bPid=)[1-9]\d*/g, '$1<PID>');
}
