/**
 * Splitting work across machines (`--shard I/N`): each of N CI jobs runs the part with index I, and together they
 * cover every item exactly once. Deterministic: the same items, N and durations give the same split on every
 * machine. With recorded durations it balances greedily (longest first onto the least-loaded shard, ties by name,
 * the LPT rule: makespan within 4/3 of optimal); without, it deals sorted names round-robin.
 */
import * as path from "node:path";

export interface Shard {
  /** 1-based, as written on the command line. */
  index: number;
  count: number;
}

export class ShardError extends Error {}

/** One spelling per path: normalised, no trailing separator (`cohort/ann/` and `cohort/ann` are one candidate). */
export function shardKey(p: string): string {
  const n = path.normalize(p);
  return n.length > 1 ? n.replace(/[\\/]+$/, "") : n;
}

export function parseShard(raw: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new ShardError(`--shard: expected I/N with 1 ≤ I ≤ N (e.g. 2/4), got ${JSON.stringify(raw)}`);
  }
  return { index, count };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * All N parts, each in the items' given order. Items without a recorded duration count as the mean of the recorded
 * ones, so a new notebook lands somewhere sensible instead of always on shard 1.
 */
export function partition(items: string[], count: number, durations?: Map<string, number>): string[][] {
  const unique = [...new Set(items)];
  const parts: string[][] = Array.from({ length: count }, () => []);
  const known = durations ? unique.filter((i) => durations.has(shardKey(i))) : [];
  if (!durations || known.length === 0) {
    [...unique].sort(byName).forEach((item, i) => parts[i % count].push(item));
  } else {
    const mean = known.reduce((s, i) => s + durations.get(shardKey(i))!, 0) / known.length;
    const cost = (i: string) => durations.get(shardKey(i)) ?? mean;
    const load = new Array<number>(count).fill(0);
    const order = [...unique].sort((a, b) => cost(b) - cost(a) || byName(a, b));
    for (const item of order) {
      let target = 0;
      for (let s = 1; s < count; s++) if (load[s] < load[target]) target = s;
      parts[target].push(item);
      load[target] += cost(item);
    }
  }
  const position = new Map(items.map((item, i) => [item, i] as const));
  return parts.map((p) => p.sort((a, b) => position.get(a)! - position.get(b)!));
}

/** The items shard `index` of `count` runs. */
export function selectShard(items: string[], shard: Shard, durations?: Map<string, number>): string[] {
  return partition(items, shard.count, durations)[shard.index - 1];
}
