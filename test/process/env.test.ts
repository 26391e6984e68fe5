import { tmpdir } from 'node:os';
import { childEnvironment, isRemovedEnvName } from '../../src/process/env.js';
import { runProcess } from '../../src/process/run.js';
import { specIn } from './helpers.js';

describe('childEnvironment', () => {
  const removed = {
    ACTIONS_RUNTIME_TOKEN: 'rt',
    ACTIONS_CACHE_URL: 'https://cache',
    ACTIONS_RESULTS_URL: 'https://results',
    ACTIONS_RUNTIME_URL: 'https://runtime',
    ACTIONS_CACHE_SERVICE_V2: 'True',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token',
    INPUT_GITHUB_TOKEN: 'ghs_input',
    'INPUT_EXTRA-ARGS': '-x',
    GITHUB_TOKEN: 'ghs_secret',
    GH_TOKEN: 'ghs_secret2',
    GITHUB_OUTPUT: '/runner/out',
    GITHUB_ENV: '/runner/env',
    GITHUB_PATH: '/runner/path',
    GITHUB_STATE: '/runner/state',
    GITHUB_STEP_SUMMARY: '/runner/summary',
    // Windows-style spellings
    Github_Token: 'ghs_mixed',
    input_lower: 'x',
    Actions_Id_Token_Request_Url: 'https://oidc2',
  };
  const kept = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: '/home/runner',
    GITHUB_WORKSPACE: '/work',
    GITHUB_SHA: 'abc123',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'o/r',
    CI: 'true',
    RUNNER_TEMP: '/tmp/runner',
  };

  it('drops tokens, service URLs, inputs and file-command paths; keeps the rest', () => {
    const env = childEnvironment({ ...removed, ...kept, UNSET: undefined });
    expect(env).toEqual(kept);
  });

  it('adds extra variables but refuses removed ones', () => {
    expect(childEnvironment({ PATH: '/bin' }, { UV_NO_PROGRESS: '1' })).toEqual({ PATH: '/bin', UV_NO_PROGRESS: '1' });
    expect(() => childEnvironment({}, { GITHUB_TOKEN: 'x' })).toThrow(/GITHUB_TOKEN/);
    expect(() => childEnvironment({}, { input_x: 'x' })).toThrow(/input_x/);
  });

  it('on Windows an extra replaces a differently-cased copy', () => {
    expect(childEnvironment({ Path: 'C:\\a' }, { PATH: 'C:\\b' }, 'win32')).toEqual({ PATH: 'C:\\b' });
    expect(childEnvironment({ Path: '/a' }, { PATH: '/b' }, 'linux')).toEqual({ Path: '/a', PATH: '/b' });
  });

  it('matches names case-insensitively', () => {
    for (const k of Object.keys(removed)) {
      expect(isRemovedEnvName(k)).toBe(true);
      expect(isRemovedEnvName(k.toLowerCase())).toBe(true);
    }
    for (const k of Object.keys(kept)) expect(isRemovedEnvName(k)).toBe(false);
  });

  it('is what a real child sees', async () => {
    const env = childEnvironment({ ...process.env, ...removed, ...kept, PATH: process.env['PATH'] ?? '' });
    // Node, not python3: a pyenv shim would put its own directories on PATH.
    const r = await runProcess(specIn(tmpdir(), [process.execPath, '-e', 'process.stdout.write(JSON.stringify(process.env))'], { env }));
    expect(r.exitCode).toBe(0);
    const seen = JSON.parse(r.output) as Record<string, string>;
    for (const k of Object.keys(removed)) expect(seen).not.toHaveProperty(k);
    for (const name of Object.keys(seen)) expect(isRemovedEnvName(name)).toBe(false);
    expect(seen['PATH']).toBe(process.env['PATH']);
    expect(seen['GITHUB_WORKSPACE']).toBe('/work');
    expect(seen['GITHUB_SHA']).toBe('abc123');
  });
});
