// busybox ping over the one network a simulated container has: its loopback. Echoes to 127.0.0.0/8 come back
// (one a second, on the virtual clock; the round trip is a loopback's 0.050 ms); with --network none there is no
// route to any other address ("Network is unreachable", as 20.10 shows). Other networks reach hosts the
// simulator does not have: that is refused plainly, as are the options and endless runs it does not model.

import type { Applet } from './lib/common.js';
import { errorMsg } from './lib/common.js';
import { hasCapability } from './lib/capability.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';
import { sleepFor } from './lib/sleep-for.js';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

// a name through the container's /etc/hosts (the only resolver without a network), or a dotted address
function resolveHost(text: string, hosts: string): string | null {
  const m = IPV4.exec(text);
  if (m) return m.slice(1).every((p) => Number(p) <= 255) ? text : null;
  for (const line of hosts.split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (ip && IPV4.test(ip) && names.includes(text)) return ip;
  }
  return null;
}

/** `ping [-q] -c CNT HOST` */
export const ping: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'ping', argv, { flags: '46Aq', args: 'csitIWwp' });
  if (typeof o === 'number') return o;
  const unmodelled = [...'46AsitIWwp'].find((k) => o.has(k));
  if (unmodelled) {
    ctx.stderr(`drydock: ping -${unmodelled} is not simulated; run this scenario with --engine docker\n`);
    return 127;
  }
  const [target, ...extra] = o.operands;
  if (target === undefined || extra.length > 0) return showUsage(ctx, 'ping');
  const count = o.value('c');
  if (count === undefined || !/^[1-9]\d{0,3}$/.test(count)) {
    ctx.stderr('drydock: ping without -c COUNT (1-9999) is not simulated; run this scenario with --engine docker\n');
    return 127;
  }
  let hosts = '';
  try {
    hosts = new TextDecoder().decode(ctx.fs.readFile('/etc/hosts'));
  } catch {
    // no /etc/hosts: names do not resolve
  }
  const ip = resolveHost(target, hosts);
  if (ip === null) {
    errorMsg(ctx, 'ping', `bad address '${target}'`);
    return 1;
  }
  const head = `PING ${target} (${ip}): 56 data bytes\n`;
  // stdout is a buffer flushed at exit when it is not a terminal: an error on stderr comes out first
  const fail = (message: string): number => {
    if (ctx.tty) ctx.stdout(head);
    errorMsg(ctx, 'ping', message);
    if (!ctx.tty) ctx.stdout(head);
    return 1;
  };
  if (!hasCapability(ctx, 'CAP_NET_RAW')) return fail('permission denied (are you root?)');
  if (!ip.startsWith('127.')) {
    if (ctx.network === 'none') return fail('sendto: Network is unreachable');
    ctx.stderr(`drydock: ping ${target} needs a network the simulator does not have; run this scenario with --engine docker\n`);
    return 127;
  }
  let out = head;
  const n = Number(count);
  for (let seq = 0; seq < n; seq++) {
    if (seq > 0) sleepFor(ctx, 1000);
    if (!o.has('q')) out += `64 bytes from ${ip}: seq=${seq} ttl=64 time=0.050 ms\n`;
  }
  out += `\n--- ${target} ping statistics ---\n${n} packets transmitted, ${n} packets received, 0% packet loss\nround-trip min/avg/max = 0.050/0.050/0.050 ms\n`;
  ctx.stdout(out);
  return 0;
};

/** `ping --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const pingUsage =
  '\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n\t-4,-6\t\tForce IP or IPv6 name resolution\n\t-c CNT\t\tSend only CNT pings\n\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)\n\t-i SECS\t\tInterval\n\t-A\t\tPing as soon as reply is received\n\t-t TTL\t\tSet TTL\n\t-I IFACE/IP\tSource interface or IP address\n\t-W SEC\t\tSeconds to wait for the first response (default 10)\n\t\t\t(after all -c CNT packets are sent)\n\t-w SEC\t\tSeconds until ping exits (default:infinite)\n\t\t\t(can exit earlier with -c CNT)\n\t-q\t\tQuiet, only display output at start/finish\n\t-p HEXBYTE\tPayload pattern\n';
