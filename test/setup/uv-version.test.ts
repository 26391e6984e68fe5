import { describe, expect, test } from '@jest/globals';
import { requiredVersionFrom, resolveUvVersion, satisfies, uvAsset, UV_TARGETS, UvVersionError } from '../../src/setup/uv-version.js';
import { UV_CHECKSUMS } from '../../src/setup/uv-checksums.js';
import { PINNED_TOOLS } from '../../src/checks/tools.js';
import { readActionInputs } from '../../src/action/inputs.js';

const readSetupInputs = (get: (name: string) => string) => readActionInputs(get).setup;
import { ConfigError } from '../../src/config/errors.js';

const known = ['0.12.3', '0.12.4', '0.12.5'];
const base = { input: '', uvToml: null, pyproject: null, known, pin: '0.13.8' };

describe('which uv', () => {
  test('input, else uv.toml, else [tool.uv], else the pin', () => {
    expect(resolveUvVersion({ ...base, input: '0.12.4', uvToml: 'required-version = "0.12.3"' })).toMatchObject({ version: '0.12.4', source: 'input' });
    expect(resolveUvVersion({ ...base, uvToml: 'required-version = "==0.12.3"', pyproject: '[tool.uv]\nrequired-version = "0.12.4"' })).toMatchObject({ version: '0.12.3', source: 'uv.toml' });
    expect(resolveUvVersion({ ...base, pyproject: '[project]\nname = "x"\n[tool.uv]\nrequired-version = "0.12.4"' })).toMatchObject({ version: '0.12.4', source: 'pyproject.toml' });
    expect(resolveUvVersion(base)).toMatchObject({ version: '0.13.8', source: 'pin' });
  });

  test('a range picks the newest version the action knows (table and pin)', () => {
    expect(resolveUvVersion({ ...base, input: '>=0.12,<0.13' }).version).toBe('0.12.5');
    expect(resolveUvVersion({ ...base, input: '>=0.12' }).version).toBe('0.13.8');
    expect(resolveUvVersion({ ...base, pyproject: '[tool.uv]\nrequired-version = "~=0.12.3"' }).version).toBe('0.12.5');
    expect(resolveUvVersion({ ...base, input: '==0.12.*, !=0.12.5' }).version).toBe('0.12.4');
    expect(() => resolveUvVersion({ ...base, input: '>=1.0' })).toThrow(UvVersionError);
  });

  test('an exact version is taken as asked, known or not (the install then needs a checksum)', () => {
    expect(resolveUvVersion({ ...base, input: '0.99.1' }).version).toBe('0.99.1');
    expect(resolveUvVersion({ ...base, input: 'v0.12.3' }).version).toBe('0.12.3');
  });

  test('PEP 440 specifiers', () => {
    expect(satisfies('0.13.8', '>=0.13,<0.14')).toBe(true);
    expect(satisfies('0.14.0', '>=0.13,<0.14')).toBe(false);
    expect(satisfies('0.13.8', '~=0.13.2')).toBe(true);
    expect(satisfies('0.14.0', '~=0.13.2')).toBe(false);
    expect(satisfies('0.13.8', '==0.13.*')).toBe(true);
    expect(satisfies('0.13.8', '!=0.13.8')).toBe(false);
    expect(() => satisfies('0.13.8', 'latest')).toThrow(UvVersionError);
  });

  test('required-version is read from the right table, and bad TOML is ignored (the config check reports it)', () => {
    expect(requiredVersionFrom('required-version = ">=0.12"', 'uv.toml')).toBe('>=0.12');
    expect(requiredVersionFrom('required-version = ">=0.12"', 'pyproject.toml')).toBeNull();
    expect(requiredVersionFrom('[tool.uv\n', 'pyproject.toml')).toBeNull();
  });

  test('release assets per platform', () => {
    expect(uvAsset('linux', 'x64')).toEqual({ target: 'x86_64-unknown-linux-gnu', archive: 'uv-x86_64-unknown-linux-gnu.tar.gz' });
    expect(uvAsset('darwin', 'arm64')).toEqual({ target: 'aarch64-apple-darwin', archive: 'uv-aarch64-apple-darwin.tar.gz' });
    expect(uvAsset('win32', 'x64')).toEqual({ target: 'x86_64-pc-windows-msvc', archive: 'uv-x86_64-pc-windows-msvc.zip' });
    expect(uvAsset('linux', 'ia32')).toBeNull();
  });
});

describe('the embedded checksum table', () => {
  test('every version lists all six targets with a SHA-256', () => {
    const versions = Object.keys(UV_CHECKSUMS);
    expect(versions.length).toBeGreaterThanOrEqual(3);
    for (const v of versions) {
      expect(v).toMatch(/^\d+\.\d+\.\d+$/);
      expect(Object.keys(UV_CHECKSUMS[v]!).sort()).toEqual([...UV_TARGETS].sort());
      for (const sum of Object.values(UV_CHECKSUMS[v]!)) expect(sum).toMatch(/^[0-9a-f]{64}$/);
    }
    // No two assets share a digest (a copy-paste slip would).
    const all = versions.flatMap((v) => Object.values(UV_CHECKSUMS[v]!));
    expect(new Set(all).size).toBe(all.length);
  });

  test('the pin is a plain version (its checksum comes from scripts/refresh-uv-checksums.ts)', () => {
    expect(PINNED_TOOLS.uv).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('setup inputs', () => {
  const inputs = (values: Record<string, string>) => readSetupInputs((n) => values[n] ?? '');
  test('defaults', () => {
    expect(inputs({})).toEqual({ uvVersion: '', uvChecksum: null, allowUnverifiedUv: false, uvDownloadBaseUrl: null, uvWheelBaseUrl: null, cache: 'venv', cacheSuffix: '' });
  });
  test('values are validated and name what is allowed', () => {
    expect(inputs({ 'uv-checksum': 'A'.repeat(64), 'allow-unverified-uv': 'true', 'uv-download-base-url': 'https://m.example/uv/', cache: 'both', 'cache-suffix': 'py3.12' }))
      .toMatchObject({ uvChecksum: 'a'.repeat(64), allowUnverifiedUv: true, uvDownloadBaseUrl: 'https://m.example/uv', cache: 'both', cacheSuffix: 'py3.12' });
    expect(() => inputs({ cache: 'all' })).toThrow(new ConfigError('cache: "all" is not allowed; use one of venv, uv, both, none'));
    expect(() => inputs({ 'uv-checksum': 'abc' })).toThrow(/uv-checksum: must be a SHA-256/);
    expect(() => inputs({ 'cache-suffix': 'a,b' })).toThrow(/cache-suffix/);
    expect(() => inputs({ 'allow-unverified-uv': 'yes' })).toThrow(/use true or false/);
    expect(() => inputs({ 'uv-version': '0.13.8; rm -rf /' })).toThrow(/uv-version/);
  });
});
