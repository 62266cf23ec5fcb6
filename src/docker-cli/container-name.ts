// Container names as the daemon accepts them for `--name` and `docker rename` (daemon/names.go): at least two
// characters from [a-zA-Z0-9_.-], starting with a letter or digit, one optional leading "/".

const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** The daemon's error text for a bad name (echoing the name as given), or undefined when it is valid. */
export function validateContainerName(name: string): string | undefined {
  const bare = name.startsWith('/') ? name.slice(1) : name;
  return VALID_NAME.test(bare) ? undefined : `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`;
}
