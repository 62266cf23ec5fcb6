// The DNS and hosts settings of run/create (--dns, --dns-search, --dns-option, --add-host) as libnetwork writes
// them into a container's /etc/resolv.conf and /etc/hosts, and the daemon's warning about a loopback DNS
// server. The simulator's host has no resolv.conf of its own, so what a setting leaves unset stays empty.

/** The settings as kept in HostConfig (each absent or empty when not given). */
export interface NetSettings {
  dns?: string[] | null;
  dnsSearch?: string[] | null;
  dnsOptions?: string[] | null;
  extraHosts?: string[] | null;
}

/** resolvconf.Build: search, nameservers, options; '' when no setting was given (the host's copy, empty here). */
export function resolvConf(s: NetSettings): string {
  const dns = s.dns ?? [];
  const search = s.dnsSearch ?? [];
  const options = s.dnsOptions ?? [];
  if (dns.length + search.length + options.length === 0) return '';
  let text = '';
  const searchLine = search.join(' ');
  if (search.length > 0 && searchLine.trim() !== '.') text += `search ${searchLine}\n`;
  for (const server of dns) text += `nameserver ${server}\n`;
  const optionsLine = options.join(' ');
  if (options.length > 0 && optionsLine.trim() !== '') text += `options ${optionsLine}\n`;
  return text;
}

/** etchosts.Build's extra records: one "IP<TAB>names" line per --add-host, after the defaults. */
export function extraHostLines(s: NetSettings): string {
  return (s.extraHosts ?? []).map((h) => {
    const i = h.indexOf(':');
    return `${h.slice(i + 1)}\t${h.slice(0, i)}\n`;
  }).join('');
}

/** verifyContainerSettings' warnings: a DNS server on loopback may not answer inside the container. */
export function dnsWarnings(s: NetSettings): string[] {
  return (s.dns ?? []).filter((ip) => /^127\./.test(ip) || ip === '::1').map((ip) => `Localhost DNS setting (--dns=${ip}) may fail in containers.`);
}

/** The settings of a run/create, from its flag lists (null for each not given, as HostConfig has them). */
export function netSettings(list: (name: string) => string[]): NetSettings {
  const orNull = (v: string[]) => (v.length ? v : null);
  return {
    dns: orNull(list('dns')),
    dnsSearch: orNull(list('dns-search')),
    // --dns-opt is kept with --dns-option (one list)
    dnsOptions: orNull(list('dns-option')),
    extraHosts: orNull(list('add-host')),
  };
}
