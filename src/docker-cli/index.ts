// The public face of the docker command-line parser, so engines import one module instead of its parts.

export { parseDockerArgv } from './parse-argv.js';
export type { ParsedCommand, ParseResult } from './parse-result.js';
export { flagKind, type FlagValue } from './flag-value.js';
export { ROOT_ENTRIES, findEntry, isRefused, type CommandNode, type GroupNode, type RootEntry } from './command-table.js';
export type { FlagSpec } from './flag-spec.js';
export { commandUsage, groupUsage } from './help-text.js';
export { rootUsage } from './root-help.js';
export * from './reference.js';
export * from './volume-spec.js';
export { parseMountFlag, type MountConfig } from './mount-spec.js';
export * from './port-spec.js';
export * from './kv-options.js';
export * from './filters.js';
export { validateContainerName } from './container-name.js';
export { ramInBytes, parseUlimit } from './go-units.js';
export { formatGoDuration, parseGoDuration } from './go-duration.js';
export { parseGoDecimalInt } from './go-strconv.js';
export { truncateId } from './string-id.js';
