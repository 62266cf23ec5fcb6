// Checks docker run/create makes of settings the simulator does not carry out (health checks, tmpfs mounts) or
// carries out only as a check (--platform): the client's and the daemon's refusals come word for word before
// the simulator refuses what it cannot model, so a wrong value gets Docker's answer either way.

import { parseGoDuration } from '../../../../docker-cli/index.js';
import { imageConfigBlob, type Image } from '../../image/image.js';
import { capabilitiesError } from '../../container/capabilities.js';
import { flagList, flagNumber, flagString, type ParsedCommand } from '../command-io.js';
import { resourceSettingsError } from './resource-settings.js';

const MS = 1_000_000n;

function duration(cmd: ParsedCommand, name: string): bigint {
  const raw = flagString(cmd, name);
  if (raw === undefined) return 0n;
  const parsed = parseGoDuration(raw);
  return parsed.ok ? parsed.value : 0n;
}

/** The client's refusal of negative health settings (docker/cli parse), or null. */
export function healthClientError(cmd: ParsedCommand): string | null {
  if (![...cmd.flagsSet].some((f) => f.startsWith('health-'))) return null;
  if (duration(cmd, 'health-interval') < 0n) return '--health-interval cannot be negative';
  if (duration(cmd, 'health-timeout') < 0n) return '--health-timeout cannot be negative';
  if (cmd.flagsSet.has('health-retries') && (flagNumber(cmd, 'health-retries') ?? 0) < 0) return '--health-retries cannot be negative';
  if (duration(cmd, 'health-start-period') < 0n) return '--health-start-period cannot be negative';
  return null;
}

/**
 * The daemon's verifyContainerSettings for the same settings, in its order: the health check's durations
 * (validateContainerConfig), the --mount specs (`mountsError`) and capabilities (validateHostConfig), the resource
 * settings (resource-settings.ts), then each --tmpfs destination (verifyPlatformContainerSettings). Null when valid.
 */
export function daemonSettingsError(cmd: ParsedCommand, mountsError: () => string | null = () => null): string | null {
  const tooShort = (name: string) => {
    const d = duration(cmd, name);
    return d !== 0n && d < MS;
  };
  if (tooShort('health-interval')) return 'Interval in Healthcheck cannot be less than 1ms';
  if (tooShort('health-timeout')) return 'Timeout in Healthcheck cannot be less than 1ms';
  if (tooShort('health-start-period')) return 'StartPeriod in Healthcheck cannot be less than 1ms';
  // validateHostConfig, between the container's config and the platform's settings: the --mount specs, then
  // the capabilities
  const mounts = mountsError();
  if (mounts) return mounts;
  const caps = capabilitiesError(flagList(cmd, 'cap-add'), flagList(cmd, 'cap-drop'));
  if (caps) return caps;
  const resources = resourceSettingsError(cmd);
  if (resources) return resources;
  for (const spec of cmd.flagsSet.has('tmpfs') ? (cmd.flags.tmpfs as string[]) : []) {
    const dest = spec.split(':')[0] ?? '';
    if (cleanPath(dest.replaceAll('\\', '/')) === '/') return "invalid specification: destination can't be '/'";
    if (!dest.startsWith('/')) return `invalid mount path: '${dest}' mount path must be absolute`;
  }
  return null;
}

const ARCH_ALIASES: Readonly<Record<string, string>> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', i386: '386' };

/**
 * --platform checked against the image as the 20.10 image service does (containerd's platform parsing, lower
 * case, architecture aliases): the NotFound text when they differ, null when the image is of that platform.
 */
export function platformMismatch(cmd: ParsedCommand, imageName: string, image: Image): string | null {
  const wanted = flagString(cmd, 'platform');
  if (!wanted) return null;
  const [os = '', arch = 'amd64', variant] = wanted.toLowerCase().split('/');
  const want = [os, ARCH_ALIASES[arch] ?? arch, ...(variant ? [variant] : [])].join('/');
  const config = imageConfigBlob(image);
  const actual = `${String(config.os)}/${String(config.architecture)}`;
  if (want === actual) return null;
  return `image with reference ${imageName} was found but does not match the specified platform: wanted ${want}, actual: ${actual}`;
}

function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `${p.startsWith('/') ? '/' : ''}${parts.join('/')}` || '.';
}
