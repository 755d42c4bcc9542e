/**
 * CPU and memory of the stack's processes, read from /proc (Linux): which process listens
 * on a port, its CPU time with its children's (Postgres forks a backend per connection and
 * reaps them: their time lands in the postmaster's cutime/cstime), and its memory as PSS
 * (shared pages split between the processes sharing them, so Postgres's shared buffers are
 * not counted once per backend).
 */
import { readdir, readFile, readlink } from 'node:fs/promises';

const CLOCK_TICKS_PER_SECOND = 100;

/** The pid listening on a TCP port of this machine, if any (undefined when not found). */
export async function pidListeningOn(port: number): Promise<number | undefined> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      const state = fields[3];
      const inode = fields[9];
      if (!local || state !== '0A' || !inode) continue; // 0A: LISTEN
      if (Number.parseInt(local.split(':')[1] ?? '', 16) === port) inodes.add(inode);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => '');
      const match = /^socket:\[(\d+)\]$/.exec(target);
      if (match?.[1] && inodes.has(match[1])) return Number(entry);
    }
  }
  return undefined;
}

interface Stat {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  own: number;
  /** cutime + cstime: children that exited and were waited for. */
  reaped: number;
}

async function readStat(pid: number): Promise<Stat | undefined> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!text) return undefined;
  // The command name (field 2) may hold spaces: split after its closing parenthesis.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const num = (index: number) => Number(fields[index - 3]);
  return { pid, ppid: num(4), own: num(14) + num(15), reaped: num(16) + num(17) };
}

async function allStats(): Promise<Stat[]> {
  const pids = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry)).map(Number);
  const stats = await Promise.all(pids.map(readStat));
  return stats.filter((stat): stat is Stat => stat !== undefined);
}

function treeOf(root: number, stats: readonly Stat[]): Stat[] {
  const children = new Map<number, Stat[]>();
  for (const stat of stats) {
    const list = children.get(stat.ppid) ?? [];
    list.push(stat);
    children.set(stat.ppid, list);
  }
  const tree: Stat[] = [];
  const queue = stats.filter((stat) => stat.pid === root);
  while (queue.length > 0) {
    const stat = queue.shift() as Stat;
    tree.push(stat);
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return tree;
}

/**
 * CPU seconds used so far by a process, with its children (alive and reaped) unless
 * `ownOnly` (the stack's Node process starts Postgres and PostgREST: they are watched apart).
 */
export async function cpuSeconds(root: number, ownOnly = false): Promise<number> {
  const stats = await allStats();
  const tree = ownOnly ? stats.filter((stat) => stat.pid === root) : treeOf(root, stats);
  const ticks = tree.reduce(
    (sum, stat) => sum + stat.own + (stat.pid === root ? stat.reaped : 0),
    0,
  );
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** Proportional set size of a process and its children, in bytes (RSS if PSS is unavailable). */
export async function memoryBytes(root: number, ownOnly = false): Promise<number> {
  const stats = await allStats();
  const tree = ownOnly ? stats.filter((stat) => stat.pid === root) : treeOf(root, stats);
  let total = 0;
  for (const stat of tree) {
    const rollup = await readFile(`/proc/${stat.pid}/smaps_rollup`, 'utf8').catch(() => '');
    const pss = /^Pss:\s+(\d+) kB/m.exec(rollup);
    if (pss?.[1]) {
      total += Number(pss[1]) * 1024;
      continue;
    }
    const status = await readFile(`/proc/${stat.pid}/status`, 'utf8').catch(() => '');
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    if (rss?.[1]) total += Number(rss[1]) * 1024;
  }
  return total;
}

/** A process a load run watches. */
export interface WatchedProcess {
  name: string;
  pid: number;
  ownOnly: boolean;
}

/** CPU seconds of each watched process at one instant. */
export async function cpuSnapshot(
  watched: readonly WatchedProcess[],
): Promise<Map<string, number>> {
  const snapshot = new Map<string, number>();
  for (const process of watched) {
    snapshot.set(process.name, await cpuSeconds(process.pid, process.ownOnly));
  }
  return snapshot;
}

/** CPU used between two snapshots, in % of one core (200 % = both cores of this machine). */
export function cpuPercent(
  before: Map<string, number>,
  after: Map<string, number>,
  seconds: number,
): Map<string, number> {
  const usage = new Map<string, number>();
  for (const [name, end] of after) {
    usage.set(name, seconds > 0 ? ((end - (before.get(name) ?? end)) / seconds) * 100 : 0);
  }
  return usage;
}
