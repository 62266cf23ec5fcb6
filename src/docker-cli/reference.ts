// Image references as docker/distribution's `reference` package (v2.8) parses them: `tomcat` is
// docker.io/library/tomcat:latest, shown back as `tomcat`. The raw error texts ("invalid reference format",
// "invalid reference format: repository name must be lowercase") are returned unwrapped; each docker command
// wraps them its own way (docker-reference.md 3.8).

import { goQuote } from './go-strconv.js';

/** A parsed name, with the parts docker keeps. */
export interface NamedReference {
  kind: 'named';
  /** registry host[:port]; "docker.io" for Docker Hub */
  domain: string;
  /** repository path inside the registry: "library/tomcat", "cv-xpu/tomcat_02" */
  path: string;
  tag?: string;
  digest?: string;
}

/** A bare content digest or a full 64-hex image ID (ParseAnyReference). */
export interface DigestReference {
  kind: 'digest';
  digest: string;
}

/** A parse outcome: the reference, or distribution's error text. */
export type ReferenceResult<T> = { ok: true; ref: T } | { ok: false; error: string };

/** distribution's ErrReferenceInvalidFormat text. */
const INVALID_REFERENCE_FORMAT = 'invalid reference format';
/** The text ParseNormalizedNamed gives for an upper-case repository name. */
const REPOSITORY_NAME_MUST_BE_LOWERCASE = 'invalid reference format: repository name must be lowercase';

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO = 'library';
const NAME_TOTAL_LENGTH_MAX = 255;

// The expressions of distribution/reference/regexp.go, composed the same way, but written so that JavaScript's
// backtracking engine gives Go's linear-time RE2 answer in linear time too: Go's separator `[-]*` may be empty,
// which makes `alnum (sep alnum)+` exponential on "99999999999999999999日本" here; with the empty separator
// folded into the alphanumeric run (and `[-]*` made `-+`) the language is the same and every split is unique.
const ALPHANUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|-+)';
const NAME_COMPONENT = `${ALPHANUM}(?:${SEPARATOR}${ALPHANUM})*`;
// Go's `[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`: alphanumerics with inner dashes, one split only
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*)';
const DOMAIN = `${DOMAIN_COMPONENT}(?:(?:\\.${DOMAIN_COMPONENT})+)?(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const NAME = `(?:${DOMAIN}\\/)?${NAME_COMPONENT}(?:(?:\\/${NAME_COMPONENT})+)?`;
const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_NAME_RE = new RegExp(`^(?:(${DOMAIN})\\/)?(${NAME_COMPONENT}(?:(?:\\/${NAME_COMPONENT})+)?)$`);
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
const DIGEST_ANCHORED_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** go-digest's Parse/Validate: undefined when valid, else its error text. */
function validateDigest(s: string): string | undefined {
  const i = s.indexOf(':');
  if (i <= 0 || i + 1 === s.length) return 'invalid checksum digest format';
  const algorithm = s.slice(0, i);
  const encoded = s.slice(i + 1);
  const size = DIGEST_HEX_LENGTH[algorithm];
  if (size === undefined) {
    return DIGEST_ANCHORED_RE.test(s) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  }
  if (encoded.length !== size) return 'invalid checksum digest length';
  return /^[a-f0-9]+$/.test(encoded) ? undefined : 'invalid checksum digest format';
}

// reference.Parse: a fully spelled-out reference.
function parse(s: string): ReferenceResult<NamedReference> {
  const m = REFERENCE_RE.exec(s);
  if (!m) {
    if (s === '') return { ok: false, error: 'repository name must have at least one component' };
    if (REFERENCE_RE.test(s.toLowerCase())) return { ok: false, error: 'repository name must be lowercase' };
    return { ok: false, error: INVALID_REFERENCE_FORMAT };
  }
  const name = m[1] ?? '';
  if (name.length > NAME_TOTAL_LENGTH_MAX) {
    return { ok: false, error: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters` };
  }
  const nm = ANCHORED_NAME_RE.exec(name);
  const ref: NamedReference = { kind: 'named', domain: nm?.[1] ?? '', path: nm?.[2] ?? name };
  if (m[2] !== undefined) ref.tag = m[2];
  if (m[3] !== undefined) {
    const bad = validateDigest(m[3]);
    if (bad !== undefined) return { ok: false, error: bad };
    ref.digest = m[3];
  }
  return { ok: true, ref };
}

// splitDockerDomain: the first path component is a registry only if it looks like a host.
function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  if (i === -1 || (!/[.:]/.test(name.slice(0, i)) && name.slice(0, i) !== 'localhost')) {
    [domain, remainder] = [DEFAULT_DOMAIN, name];
  } else {
    [domain, remainder] = [name.slice(0, i), name.slice(i + 1)];
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = `${OFFICIAL_REPO}/${remainder}`;
  return [domain, remainder];
}

/** reference.ParseNormalizedNamed: what `docker commit`, `tag`, `build -t` and `create` use for names. */
export function parseNormalizedNamed(s: string): ReferenceResult<NamedReference> {
  if (IDENTIFIER_RE.test(s)) {
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  }
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remoteName = colon > -1 ? remainder.slice(0, colon) : remainder;
  if (remoteName.toLowerCase() !== remoteName) return { ok: false, error: REPOSITORY_NAME_MUST_BE_LOWERCASE };
  return parse(`${domain}/${remainder}`);
}

/** reference.ParseAnyReference: a 64-hex ID or a digest is accepted as is, anything else must be a name. */
export function parseAnyReference(s: string): ReferenceResult<NamedReference | DigestReference> {
  if (IDENTIFIER_RE.test(s)) return { ok: true, ref: { kind: 'digest', digest: `sha256:${s}` } };
  if (validateDigest(s) === undefined) return { ok: true, ref: { kind: 'digest', digest: s } };
  return parseNormalizedNamed(s);
}

/** reference.TagNameOnly: a name without tag or digest gets `:latest`. */
export function tagNameOnly(ref: NamedReference): NamedReference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref;
}

/** FamiliarName: docker.io/library/tomcat → tomcat, docker.io/cv/x → cv/x, localhost:5000/x stays. */
export function familiarName(ref: NamedReference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return `${ref.domain}/${ref.path}`;
  const parts = ref.path.split('/');
  return parts.length === 2 && parts[0] === OFFICIAL_REPO ? (parts[1] ?? '') : ref.path;
}

/** FamiliarString: the familiar name with ":tag" and "@digest" as present. */
export function familiarString(ref: NamedReference): string {
  return familiarName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** String(): the fully qualified form, "docker.io/library/tomcat:latest". */
export function normalizedString(ref: NamedReference): string {
  const name = ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`;
  return name + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** The full text docker prints for a bad `docker build -t` value (exit 125, then "See 'docker build --help'."). */
export function validateBuildTag(value: string, flag = '-t, --tag'): string | undefined {
  const r = parseNormalizedNamed(value);
  return r.ok ? undefined : `invalid argument ${goQuote(value)} for "${flag}" flag: ${r.error}`;
}
