// Why a file the user named could not be read, in words rather than node's errno code (ENOENT with an absolute
// path tells a student or a teacher less than "no such file").

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** The reason a read failed: a plain phrase for the usual errno codes, else the error's own message. */
export function readFailureReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (code !== undefined && REASONS[code]) || (e instanceof Error ? e.message : String(e));
}
