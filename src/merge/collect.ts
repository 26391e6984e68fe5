/**
 * The shard directories on disk: collect mode writes one, merge mode reads the downloaded ones. The only part
 * of src/merge that touches the filesystem; parsing goes through the same parsers (and caps) as the gate.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { pathKind } from '../fs-kind.js';
import { join } from 'node:path';
import { parseCobertura } from '../reports/cobertura.js';
import { parseJunit } from '../reports/junit.js';
import { readReportFile } from '../reports/loader.js';
import { SHARD_COBERTURA, SHARD_FILE, SHARD_JUNIT, validateBundle, type ShardBundle } from './bundle.js';
import type { LoadedShard } from './merge.js';

/** The artifact (and so the downloaded directory) name of a shard: `nebula-gate-shard-<id>`. */
export const SHARD_ARTIFACT_PREFIX = 'nebula-gate-shard-';
const BUNDLE_MAX_BYTES = 64 * 1024 * 1024;
const RAW_MAX_BYTES = 256 * 1024 * 1024;

/** Writes `shard.json` and copies the raw reports that exist; returns the bundle as written. */
export function writeShardDir(dir: string, bundle: Omit<ShardBundle, 'junit' | 'cobertura'>, raw: { junit: string; cobertura: string }): ShardBundle {
  mkdirSync(dir, { recursive: true });
  const junit = existsSync(raw.junit) ? SHARD_JUNIT : null;
  const cobertura = existsSync(raw.cobertura) ? SHARD_COBERTURA : null;
  if (junit) copyFileSync(raw.junit, join(dir, SHARD_JUNIT));
  if (cobertura) copyFileSync(raw.cobertura, join(dir, SHARD_COBERTURA));
  const full: ShardBundle = { ...bundle, junit, cobertura };
  writeFileSync(join(dir, SHARD_FILE), `${JSON.stringify(full, null, 2)}\n`);
  return full;
}

const isPlainDir = (p: string): boolean => pathKind(p) === 'directory';
const isPlainFile = (p: string): boolean => pathKind(p) === 'file';

/** One shard directory → the loaded shard; a raw file that cannot be read is a named problem, not an exception. */
export async function loadShardDir(dir: string): Promise<LoadedShard> {
  const path = join(dir, SHARD_FILE);
  if (!isPlainFile(path)) throw new Error(`${path}: missing`);
  let bundle: ShardBundle;
  try {
    bundle = validateBundle(JSON.parse(await readReportFile(path, { maxBytes: BUNDLE_MAX_BYTES })));
  } catch (e) {
    throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const problems: string[] = [];
  const read = async <T>(name: string | null, parse: (content: string, file: string) => T): Promise<T | null> => {
    if (name === null) return null;
    const file = join(dir, name);
    try {
      if (!isPlainFile(file)) throw new Error(`${file}: missing`);
      return parse(await readReportFile(file, { maxBytes: RAW_MAX_BYTES }), file);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
      return null;
    }
  };
  const tests = await read(bundle.junit, (c, f) => parseJunit(c, f, bundle.projectRoot).cases);
  const coverage = await read(bundle.cobertura, (c, f) => parseCobertura(c, f, bundle.projectRoot).files);
  return { id: bundle.id, bundle, tests, coverage, problems };
}

/**
 * The downloaded shards under `root`: each subdirectory holding a `shard.json` (actions/download-artifact puts
 * each artifact in a directory of its name), or `root` itself when it holds one. Symlinks are not followed.
 * A directory whose `shard.json` is missing or invalid is reported under its shard id (the name without
 * the `nebula-gate-shard-` prefix), so the fan-in names it.
 */
export async function loadShardDirs(root: string): Promise<{ shards: LoadedShard[]; unreadable: Map<string, string> }> {
  const shards: LoadedShard[] = [];
  const unreadable = new Map<string, string>();
  if (!isPlainDir(root)) return { shards, unreadable };
  const dirs = isPlainFile(join(root, SHARD_FILE)) ? [root] : readdirSync(root).sort().map((n) => join(root, n)).filter(isPlainDir);
  for (const dir of dirs) {
    const name = dir === root ? 'results' : dir.slice(root.length + 1);
    try {
      const s = await loadShardDir(dir);
      if (shards.some((o) => o.id === s.id)) unreadable.set(s.id, `two shard directories carry the id ${s.id} (${name})`);
      else shards.push(s);
    } catch (e) {
      unreadable.set(name.startsWith(SHARD_ARTIFACT_PREFIX) ? name.slice(SHARD_ARTIFACT_PREFIX.length) : name, e instanceof Error ? e.message : String(e));
    }
  }
  return { shards, unreadable };
}
