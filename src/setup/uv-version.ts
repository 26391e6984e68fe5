/**
 * Which uv to install — pure: the version request (input, else `required-version` of uv.toml / `[tool.uv]`, else the
 * action's pin), resolved against the versions the action knows checksums for, and the release asset for a platform.
 */
import { parse as parseToml } from 'smol-toml';

export const UV_TARGETS = [
  'x86_64-unknown-linux-gnu',
  'aarch64-unknown-linux-gnu',
  'x86_64-apple-darwin',
  'aarch64-apple-darwin',
  'x86_64-pc-windows-msvc',
  'aarch64-pc-windows-msvc',
] as const;
export type UvTarget = (typeof UV_TARGETS)[number];

export class UvVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UvVersionError';
  }
}

/** The release asset for a Node platform/arch pair, or null when uv publishes none the action supports. */
export function uvAsset(platform: NodeJS.Platform, arch: string): { target: UvTarget; archive: string } | null {
  const cpu = arch === 'x64' ? 'x86_64' : arch === 'arm64' ? 'aarch64' : null;
  if (cpu === null) return null;
  if (platform === 'linux') return { target: `${cpu}-unknown-linux-gnu`, archive: `uv-${cpu}-unknown-linux-gnu.tar.gz` };
  if (platform === 'darwin') return { target: `${cpu}-apple-darwin`, archive: `uv-${cpu}-apple-darwin.tar.gz` };
  if (platform === 'win32') return { target: `${cpu}-pc-windows-msvc`, archive: `uv-${cpu}-pc-windows-msvc.zip` };
  return null;
}

const EXACT = /^\d+\.\d+\.\d+$/;
export const isExactVersion = (v: string): boolean => EXACT.test(v);

function parts(v: string): number[] {
  return v.split('.').map((x) => Number(x));
}

export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Whether an X.Y.Z version satisfies a PEP 440 specifier set as uv's `required-version` takes it
 * (`>=0.12, <0.14`, `==0.13.*`, `~=0.13.2`, `0.13.8`). Only release segments are compared; no pre-releases.
 */
export function satisfies(version: string, specifiers: string): boolean {
  const clauses = specifiers.split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (clauses.length === 0) throw new UvVersionError(`${JSON.stringify(specifiers)} is not a version specifier`);
  return clauses.every((clause) => {
    const m = /^(===|==|!=|~=|>=|<=|>|<)?\s*v?(\d+(?:\.\d+)*)(\.\*)?$/.exec(clause);
    if (!m) throw new UvVersionError(`${JSON.stringify(clause)} is not a version specifier (e.g. 0.13.8, >=0.12,<0.14, ==0.13.*)`);
    const op = m[1] ?? '==';
    const target = m[2]!;
    const wildcard = m[3] !== undefined;
    if (wildcard) {
      if (op !== '==' && op !== '!=') throw new UvVersionError(`${JSON.stringify(clause)}: .* is only allowed with == and !=`);
      const prefix = parts(target);
      const match = prefix.every((n, i) => parts(version)[i] === n);
      return op === '==' ? match : !match;
    }
    const c = compareVersions(version, target);
    switch (op) {
      case '==':
      case '===':
        return c === 0;
      case '!=':
        return c !== 0;
      case '>=':
        return c >= 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      case '<':
        return c < 0;
      default: {
        // ~=X.Y.Z means >=X.Y.Z, ==X.Y.*
        const t = parts(target);
        if (t.length < 2) throw new UvVersionError(`${JSON.stringify(clause)}: ~= needs at least two release segments`);
        const prefix = t.slice(0, -1);
        return c >= 0 && prefix.every((n, i) => parts(version)[i] === n);
      }
    }
  });
}

/** `required-version` from uv.toml (top level) or pyproject.toml (`[tool.uv]`); null when absent or unreadable. */
export function requiredVersionFrom(text: string | null, kind: 'uv.toml' | 'pyproject.toml'): string | null {
  if (text === null) return null;
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  const table = kind === 'uv.toml' ? doc : ((doc.tool as Record<string, unknown> | undefined)?.uv as Record<string, unknown> | undefined);
  const v = table?.['required-version'];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

export interface UvVersionRequest {
  /** The `uv-version` input ('' when not given). */
  input: string;
  uvToml: string | null;
  pyproject: string | null;
  /** Versions the action knows checksums for. */
  known: readonly string[];
  /** The action's pinned uv. */
  pin: string;
}

export interface ResolvedUvVersion {
  version: string;
  /** Where the request came from, for the log. */
  source: 'input' | 'uv.toml' | 'pyproject.toml' | 'pin';
  request: string;
}

/**
 * The exact version to install. An exact request is taken as is (even when unknown: the install then needs a
 * checksum or an opt-in); a range picks the newest version the action knows (its table and its pin) that fits.
 */
export function resolveUvVersion(r: UvVersionRequest): ResolvedUvVersion {
  const fromUvToml = requiredVersionFrom(r.uvToml, 'uv.toml');
  const fromPyproject = requiredVersionFrom(r.pyproject, 'pyproject.toml');
  const [request, source]: [string, ResolvedUvVersion['source']] = r.input.trim() !== ''
    ? [r.input.trim(), 'input']
    : fromUvToml !== null ? [fromUvToml, 'uv.toml']
      : fromPyproject !== null ? [fromPyproject, 'pyproject.toml']
        : [r.pin, 'pin'];
  const bare = request.replace(/^(==|===)\s*/, '').replace(/^v/, '');
  if (isExactVersion(bare)) return { version: bare, source, request };
  const candidates = [...new Set([...r.known, r.pin])].filter(isExactVersion).sort(compareVersions).reverse();
  const match = candidates.find((v) => satisfies(v, request));
  if (!match) {
    throw new UvVersionError(`uv ${request} (from ${source}) matches no version the action knows (${candidates.join(', ')}); give an exact uv-version`);
  }
  return { version: match, source, request };
}
