// Go's net.ParseIP and net.SplitHostPort, which docker uses to accept or reject `--dns`, `--add-host` and the
// host IP of `-p ip:host:ctr` (Go rejects IPv4 parts with leading zeros, zones and brackets).

function parseIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255 && !(p.length > 1 && p[0] === '0'));
}

function parseIPv6(s: string): boolean {
  let groups = 0;
  let ellipsis = false;
  let rest = s;
  if (rest.startsWith('::')) {
    ellipsis = true;
    rest = rest.slice(2);
    if (rest === '') return true;
  }
  while (rest !== '') {
    const m = /^[0-9a-fA-F]+/.exec(rest);
    if (!m || m[0].length > 6 || parseInt(m[0], 16) > 0xffff) return false;
    // an embedded IPv4 address takes the last two groups
    if (rest[m[0].length] === '.') {
      if ((!ellipsis && groups !== 6) || groups + 2 > 8 || !parseIPv4(rest)) return false;
      groups += 2;
      break;
    }
    groups++;
    rest = rest.slice(m[0].length);
    if (rest === '') break;
    if (rest[0] !== ':' || rest.length === 1) return false;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis) return false;
      ellipsis = true;
      rest = rest.slice(1);
      if (rest === '') break;
    }
    if (groups >= 8) return false;
  }
  return ellipsis ? groups < 8 : groups === 8;
}

/** net.ParseIP(s) != nil. */
export function isValidIP(s: string): boolean {
  for (const c of s) {
    if (c === '.') return parseIPv4(s);
    if (c === ':') return parseIPv6(s);
  }
  return false;
}

/** net.SplitHostPort: [host, port], or Go's AddrError text ("address 1:2:: too many colons in address"). */
export function splitHostPort(hostport: string): { ok: true; host: string; port: string } | { ok: false; error: string } {
  const fail = (why: string) => ({ ok: false as const, error: `address ${hostport}: ${why}` });
  const i = hostport.lastIndexOf(':');
  if (i < 0) return fail('missing port in address');
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport[0] === '[') {
    const end = hostport.indexOf(']');
    if (end < 0) return fail("missing ']' in address");
    if (end + 1 === hostport.length) return fail('missing port in address');
    if (end + 1 !== i) return fail(hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address');
    host = hostport.slice(1, end);
    [j, k] = [1, end + 1];
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) return fail('too many colons in address');
  }
  if (hostport.slice(j).includes('[')) return fail("unexpected '[' in address");
  if (hostport.slice(k).includes(']')) return fail("unexpected ']' in address");
  return { ok: true, host, port: hostport.slice(i + 1) };
}
