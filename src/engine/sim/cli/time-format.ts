// Timestamps as the docker client prints them in its own log lines (logrus: RFC 3339, seconds, "Z").

/** 2026-11-22T21:31:26Z */
export function goTimeSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
