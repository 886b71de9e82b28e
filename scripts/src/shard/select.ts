/** `--shard I/N [--durations FILE]` applied to a CLI's items, with the runner's usage error on bad input. */
import { UsageError } from "../runner/errors";
import { readDurations } from "./durations";
import { parseShard, selectShard, ShardError } from "./shard";

export function shardOf(items: string[], o: { shard?: string; durations?: string }): string[] {
  try {
    if (o.durations && !o.shard) throw new ShardError("--durations: only meaningful with --shard I/N");
    if (!o.shard) return items;
    return selectShard(items, parseShard(o.shard), o.durations ? readDurations(o.durations) : undefined);
  } catch (e) {
    if (e instanceof ShardError) throw new UsageError(e.message);
    throw e;
  }
}
