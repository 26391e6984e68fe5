/**
 * `npm run refresh-uv-checksums -- 0.13.8 [0.13.9 …] [--base URL]`: reads the `.sha256` file published next to
 * each uv release asset the action may download (six targets per version) and rewrites src/setup/uv-checksums.ts
 * with those versions added to the ones it already lists. Needs to reach the release host (or the mirror given
 * with --base); an asset whose checksum cannot be read fails the whole run, so the table is never partial.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UV_CHECKSUMS } from '../src/setup/uv-checksums.js';
import { compareVersions, isExactVersion, uvAsset, UV_TARGETS, type UvTarget } from '../src/setup/uv-version.js';
import { assetUrl } from '../src/setup/install-uv.js';

const PLATFORM_OF: Record<UvTarget, [NodeJS.Platform, string]> = {
  'x86_64-unknown-linux-gnu': ['linux', 'x64'],
  'aarch64-unknown-linux-gnu': ['linux', 'arm64'],
  'x86_64-apple-darwin': ['darwin', 'x64'],
  'aarch64-apple-darwin': ['darwin', 'arm64'],
  'x86_64-pc-windows-msvc': ['win32', 'x64'],
  'aarch64-pc-windows-msvc': ['win32', 'arm64'],
};

/** The digest in a `.sha256` file (`<hex>  <name>` or `<hex> *<name>`). */
export function parseSha256File(text: string): string {
  const m = /^([0-9a-fA-F]{64})\b/.exec(text.trim());
  if (!m) throw new Error(`not a .sha256 file: ${JSON.stringify(text.slice(0, 80))}`);
  return m[1]!.toLowerCase();
}

export function renderTable(table: Record<string, Record<UvTarget, string>>, note: string): string {
  const versions = Object.keys(table).sort(compareVersions).reverse();
  const body = versions
    .map((v) => `  '${v}': {\n${UV_TARGETS.map((t) => `    '${t}': '${table[v]![t]}',`).join('\n')}\n  },`)
    .join('\n');
  return `/**
 * SHA-256 of the uv release assets the action may download (\`uv-<target>.tar.gz\`, Windows \`.zip\`), by version and
 * target. Written by \`scripts/refresh-uv-checksums.ts\`; edit by running it, not by hand.
 *
${note.split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')}
 */
import type { UvTarget } from './uv-version.js';

export const UV_CHECKSUMS: Readonly<Record<string, Readonly<Record<UvTarget, string>>>> = {
${body}
};
`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | null => (args.includes(name) ? args[args.indexOf(name) + 1] ?? null : null);
  const base = option('--base');
  const out = option('--out') ?? join(import.meta.dirname, '..', 'src', 'setup', 'uv-checksums.ts');
  const versions = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (versions.length === 0 || !versions.every(isExactVersion)) {
    console.error('usage: refresh-uv-checksums VERSION... [--base URL] [--out FILE]');
    process.exit(2);
  }
  const table: Record<string, Record<UvTarget, string>> = Object.fromEntries(Object.entries(UV_CHECKSUMS).map(([v, t]) => [v, { ...t }]));
  for (const v of versions) {
    const row = {} as Record<UvTarget, string>;
    for (const target of UV_TARGETS) {
      const [platform, arch] = PLATFORM_OF[target];
      const url = `${assetUrl(base, v, uvAsset(platform, arch)!.archive)}.sha256`;
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      row[target] = parseSha256File(await res.text());
      console.log(`${v} ${target} ${row[target]}`);
    }
    table[v] = row;
  }
  const note = `Source: the \`.sha256\` files published with each astral-sh/uv release (${base ?? 'GitHub releases'}),\nread by scripts/refresh-uv-checksums.ts on ${new Date().toISOString().slice(0, 10)}.`;
  writeFileSync(out, renderTable(table, note));
}

if (process.argv[1] === import.meta.filename) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
