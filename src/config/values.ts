/**
 * Validators shared by every configuration surface (action inputs, CLI flags, `[tool.nebula-gate]`): each takes
 * the key it is reading, so the message names it, and the values it allows. Pure.
 */
import { splitArgs } from '../text/split-args.js';
import { ConfigError } from './errors.js';

export type Table = Record<string, unknown>;
export const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** A string as given on the command line or in an input is a number there; TOML gives the number itself. */
const numeric = (value: unknown): unknown => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);

export function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${key}: ${JSON.stringify(value)} is not allowed; use one of ${allowed.join(', ')}`);
}

export function percent(key: string, value: unknown): number {
  const n = numeric(value);
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new ConfigError(`${key}: ${JSON.stringify(value)} is not a percentage; use a number from 0 to 100`);
  }
  return n;
}

export const MAX_TIMEOUT_SEC = 6 * 3600;

export function seconds(key: string, value: unknown): number {
  const n = numeric(value);
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 1 || n > MAX_TIMEOUT_SEC) {
    throw new ConfigError(`${key}: ${JSON.stringify(value)} is not a timeout; use a number of seconds from 1 to ${MAX_TIMEOUT_SEC}`);
  }
  return n;
}

export function bool(key: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(`${key}: ${JSON.stringify(value)} is not allowed; use true or false`);
}

export function stringList(key: string, value: unknown): string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new ConfigError(`${key}: expected a list of strings, got ${JSON.stringify(value)}`);
}

/** A list given as one string (input/flag): comma- or newline-separated, blanks dropped. */
export function listFromString(s: string): string[] {
  return s.split(/[,\n]/).map((x) => x.trim()).filter((x) => x !== '');
}

/** Extra arguments: a list of words, or one string split by the documented splitter (R2.9). */
export function argv(key: string, value: unknown): string[] {
  if (typeof value !== 'string') return stringList(key, value);
  try {
    return splitArgs(value);
  } catch (e) {
    throw new ConfigError(`${key}: ${(e as Error).message}`);
  }
}

export function httpUrl(key: string, value: string): string {
  if (!/^https?:\/\/[^\s]+$/.test(value)) throw new ConfigError(`${key}: ${JSON.stringify(value)} is not an http(s) URL`);
  return value;
}

export function unknownKeys(where: string, table: Table, allowed: readonly string[]): void {
  for (const k of Object.keys(table)) {
    if (!allowed.includes(k)) throw new ConfigError(`${where}.${k}: unknown key; known keys are ${allowed.join(', ')}`);
  }
}

/** A gate given as a phase name or index, as an index. */
export function phaseIndex(key: string, value: unknown, phases: readonly string[]): number {
  const s = typeof value === 'number' ? String(value) : value;
  if (typeof s === 'string') {
    if (/^\d+$/.test(s) && Number(s) < phases.length) return Number(s);
    const i = phases.indexOf(s);
    if (i >= 0) return i;
  }
  throw new ConfigError(`${key}: ${JSON.stringify(value)} is not a phase; use one of ${phases.join(', ')} (or 0-${phases.length - 1})`);
}
