// A --platform value as the 20.10 daemon reads it for a build: containerd's platforms.Parse (components of
// [A-Za-z0-9_-], one component an OS or else an architecture it knows, os/arch and os/arch/variant taken as
// given after normalising), with its error texts; errdefs.ErrInvalidArgument adds ": invalid argument".

/** A parsed platform, or the daemon's error text. */
export type PlatformSpec = { os: string; arch: string; variant: string } | { error: string };

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'windows', 'zos']);
const KNOWN_ARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);
const COMPONENT = /^[A-Za-z0-9_-]+$/;

/** The daemon's platform: the simulator's images are linux/amd64. */
export const HOST_PLATFORM = { os: 'linux', arch: 'amd64', variant: '' };

/** platforms.Parse. */
export function parsePlatform(specifier: string): PlatformSpec {
  const invalid = (message: string): PlatformSpec => ({ error: `${message}: invalid argument` });
  if (specifier.includes('*')) return invalid(`${JSON.stringify(specifier)}: wildcards not yet supported`);
  const parts = specifier.split('/');
  for (const part of parts) {
    if (!COMPONENT.test(part)) {
      return invalid(`${JSON.stringify(part)} is an invalid component of ${JSON.stringify(specifier)}: platform specifier component must match "^[A-Za-z0-9_-]+$"`);
    }
  }
  if (parts.length === 1) {
    const os = normalizeOS(parts[0]!);
    if (KNOWN_OS.has(os)) return { os, arch: HOST_PLATFORM.arch, variant: '' };
    const [arch, variant] = normalizeArch(parts[0]!, '');
    if (KNOWN_ARCH.has(arch)) return { os: HOST_PLATFORM.os, arch, variant: arch === 'arm' && variant === 'v7' ? '' : variant };
    return invalid(`${JSON.stringify(specifier)}: unknown operating system or architecture`);
  }
  if (parts.length === 2 || parts.length === 3) {
    const [arch, variant] = normalizeArch(parts[1]!, parts[2] ?? '');
    return { os: normalizeOS(parts[0]!), arch, variant: arch === 'arm64' && variant === '' ? 'v8' : variant };
  }
  return invalid(`${JSON.stringify(specifier)}: cannot parse platform specifier`);
}

function normalizeOS(os: string): string {
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

function normalizeArch(arch: string, variant: string): [string, string] {
  const a = arch.toLowerCase();
  const v = variant.toLowerCase();
  switch (a) {
    case 'i386':
      return ['386', ''];
    case 'x86_64':
    case 'x86-64':
      return ['amd64', ''];
    case 'aarch64':
    case 'arm64':
      return ['arm64', v === '8' || v === 'v8' ? '' : v];
    case 'armhf':
      return ['arm', 'v7'];
    case 'armel':
      return ['arm', 'v6'];
    case 'arm':
      if (v === '' || v === '7') return ['arm', 'v7'];
      if (v === '5' || v === '6' || v === '8') return ['arm', `v${v}`];
      return ['arm', v];
    default:
      return [a, v];
  }
}
