// moby's stringid.TruncateID: the 12-character form of an image or container ID, without its algorithm prefix
// (`sha256:1a2b…` → `1a2b3c4d5e6f`), as the CLI prints IDs and as both engines compare them.

/** The first 12 hex digits of an ID, after any `algorithm:` prefix. */
export function truncateId(id: string): string {
  const colon = id.indexOf(':');
  const hex = colon === -1 ? id : id.slice(colon + 1);
  return hex.length > 12 ? hex.slice(0, 12) : hex;
}
