// What the daemon writes into a container's /etc/hosts and /etc/resolv.conf (libnetwork's etchosts.Build and
// resolvconf.Build): the default hosts lines then one line per --add-host; a resolv.conf rebuilt from --dns,
// --dns-search and --dns-option when any is given. The simulator's host has no resolv.conf of its own, so what
// docker would take from the host's (its nameservers, search domains, options) is empty.

/** The HostConfig settings the two files are made from. */
export interface NetworkFileOptions {
  extraHosts?: readonly string[] | null;
  dns?: readonly string[] | null;
  dnsSearch?: readonly string[] | null;
  dnsOptions?: readonly string[] | null;
}

const DEFAULT_HOSTS = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';

/** /etc/hosts: the default lines, then `IP<TAB>name` for each `name:IP` of --add-host (split at the first colon). */
export function hostsText(o: NetworkFileOptions): string {
  const extra = (o.extraHosts ?? []).map((entry) => {
    const at = entry.indexOf(':');
    return `${entry.slice(at + 1)}\t${entry.slice(0, at)}\n`;
  });
  return DEFAULT_HOSTS + extra.join('');
}

/** /etc/resolv.conf: the host's (empty here), or a rebuilt one when any DNS setting is given. */
export function resolvConfText(o: NetworkFileOptions): string {
  const dns = o.dns ?? [];
  const search = o.dnsSearch ?? [];
  const options = o.dnsOptions ?? [];
  if (dns.length === 0 && search.length === 0 && options.length === 0) return '';
  let text = '';
  const searchLine = search.join(' ');
  if (search.length > 0 && searchLine.trim() !== '.') text += `search ${searchLine}\n`;
  for (const server of dns) text += `nameserver ${server}\n`;
  const optionsLine = options.join(' ');
  if (options.length > 0 && optionsLine.trim() !== '') text += `options ${optionsLine}\n`;
  return text;
}
