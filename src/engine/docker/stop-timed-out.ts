// What a timed-out command started inside a container keeps running after drydock kills the docker client: the
// daemon never stops an exec'd process when its client goes away (moby/moby#9098), and the API has no call to
// kill one exec. containerd's CRI kills the exec's process itself (it holds it); tools that only have the Docker
// API (GitLab Runner's docker executor, GitHub's container jobs) stop the whole container instead. drydock does
// the precise thing where it can: it finds the exec's process tree inside the container's PID namespace and
// kills only that, so the container and what else runs in it (PID 1, earlier `exec -d` jobs) stay as the scenario
// left them; an exec that started while the timed-out one ran (or in the 1.5 s of slack before it) cannot be told
// apart and goes too. Where it cannot look (no shell in the image, the container paused), it kills the container,
// as those tools do.

import type { DockerClient } from './docker-client.js';
import { slotArgv } from './isolation/argv-slots.js';

/** What a timed-out command left running, to stop. */
export interface TimedOutTarget {
  /** `exec`: the process it started (and its children) in this container */
  exec?: string;
  /** `start -a`: containers the command started and was attached to */
  containers?: string[];
}

// the exec'd process has parent 0 in the container's namespace (its parent, runc, is outside) and started
// while the command ran: its tree is killed; PID 1, the script itself and older roots are left alone
// ($1: centiseconds since the command started, with slack; /proc/uptime and starttime count the same clock)
const KILL_EXEC_TREE = `read up _ < /proc/uptime; now=\${up%.*}\${up#*.}; since=$((now - $1)); me=$$; all=""; roots=""
for d in /proc/[0-9]*; do
  { read -r s < "$d/stat"; } 2>/dev/null || continue
  p=\${d#/proc/}; s=\${s##*) }; set -- $s
  all="$all $p:$2"
  if [ "$2" = 0 ] && [ "$p" != 1 ] && [ "$p" != "$me" ] && [ "\${20}" -ge "$since" ]; then roots="$roots $p"; fi
done
tree="$roots"; grew=1
while [ -n "$roots" ] && [ $grew = 1 ]; do grew=0
  for e in $all; do c=\${e%:*}; case " $tree " in *" $c "*) continue;; esac
    case " $tree " in *" \${e#*:} "*) tree="$tree $c"; grew=1;; esac; done
done
[ -z "$tree" ] || kill -9 $tree 2>/dev/null; echo "killed:$tree"`;

// the slack for the two clocks (this machine's and the daemon's boot clock) and the exec's own start-up
const SLACK_MS = 1500;

/** What `argv` (a command line as it goes to docker) leaves running when it is stopped by a timeout. */
export function timedOutTarget(argv: readonly string[]): TimedOutTarget | null {
  const slotted = slotArgv(argv);
  if (slotted === null) return null;
  const command = slotted.node.canonical;
  const positionals = slotted.slots.filter((s) => s.position !== undefined).map((s) => s.value);
  if (command === 'exec' && !slotted.booleans.includes('detach') && positionals[0] !== undefined) return { exec: positionals[0] };
  if (command === 'start' && slotted.booleans.some((b) => b === 'attach' || b === 'interactive') && positionals.length > 0) {
    return { containers: positionals };
  }
  return null;
}

/**
 * Stops what a timed-out command started: the exec's process tree, or the attached containers. `elapsedMs` is how
 * long ago the command was started. Returns what it did, for tests and messages.
 */
export async function stopTimedOut(client: DockerClient, target: TimedOutTarget, elapsedMs: number): Promise<string> {
  if (target.containers !== undefined) {
    await client.run(['kill', ...target.containers]);
    return `killed containers ${target.containers.join(' ')}`;
  }
  if (target.exec === undefined) return '';
  const age = Math.ceil((elapsedMs + SLACK_MS) / 10);
  const killed = await client.run(['exec', '-u', '0', target.exec, 'sh', '-c', KILL_EXEC_TREE, 'drydock-kill', String(age)], { timeoutMs: 30_000 });
  if (killed.exitCode === 0 && killed.stdout.startsWith('killed:')) return `killed processes${killed.stdout.slice('killed:'.length).trimEnd() || ' (none left)'} in ${target.exec}`;
  // no shell to look with (or the container is paused): stop the container, which stops the exec with it
  const running = await client.run(['container', 'inspect', '--format', '{{.State.Running}}', target.exec]);
  if (running.stdout.trim() !== 'true') return '';
  await client.run(['kill', target.exec]);
  return `killed container ${target.exec}`;
}
