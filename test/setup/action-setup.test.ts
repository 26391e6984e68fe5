/** The action's setup step: which uv it runs, what the checks' environment gets, and the save policy it derives. */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareSetup } from '../../src/setup/action-setup.js';
import { readActionInputs } from '../../src/action/inputs.js';

const readSetupInputs = (get: (name: string) => string) => readActionInputs(get).setup;
import { copyFixture, REPO_ROOT } from '../support/project.js';

const tools = join(REPO_ROOT, '.tools', 'bin');
const log = { info: () => {}, warning: () => {}, notice: () => {} };
const noCache = { available: () => false, restore: async () => undefined, save: async () => {} };

describe('prepareSetup', () => {
  test('uv from PATH at the pinned version; the checks get its directory first on PATH and the action’s UV_CACHE_DIR', async () => {
    const project = copyFixture('demo');
    const temp = mkdtempSync(join(tmpdir(), 'ng-setup-'));
    const env = { PATH: `${tools}:/usr/bin:/bin`, RUNNER_TEMP: temp, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' };
    const s = await prepareSetup(project, readSetupInputs((n) => (n === 'cache' ? 'both' : '')), env, { repository: { default_branch: 'main' } }, { backend: noCache, log });
    expect(s.installed).toMatchObject({ source: 'path', version: '0.13.8', resolved: { source: 'pin' } });
    expect(s.uv).toBe(join(tools, 'uv'));
    expect(s.env.PATH!.startsWith(`${tools}:`)).toBe(true);
    expect(s.env.UV_CACHE_DIR).toBe(join(temp, 'nebula-gate-uv-cache'));
    expect(s.venvCache.opts).toMatchObject({ mode: 'both', venvDir: join(project, '.venv'), save: { save: true } });
  });

  test('a push to a branch other than the default one, or a missing payload, does not save', async () => {
    const project = copyFixture('demo');
    const env = { PATH: `${tools}:/usr/bin:/bin`, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/topic' };
    const other = await prepareSetup(project, readSetupInputs(() => ''), env, { repository: { default_branch: 'main' } }, { backend: noCache, log });
    expect(other.venvCache.opts.save.save).toBe(false);
    expect(other.env.UV_CACHE_DIR).toBeUndefined();
    const unknown = await prepareSetup(project, readSetupInputs(() => ''), { ...env, GITHUB_REF: 'refs/heads/main' }, {}, { backend: noCache, log });
    expect(unknown.venvCache.opts.save).toMatchObject({ save: false, why: expect.stringContaining('default branch is unknown') });
  });

  test('required-version in [tool.uv] that PATH’s uv does not meet, with no checksum: the step fails before any download', async () => {
    const project = copyFixture('demo');
    const { appendFileSync } = await import('node:fs');
    appendFileSync(join(project, 'pyproject.toml'), '\n[tool.uv]\nrequired-version = "==0.13.7"\n');
    await expect(prepareSetup(project, readSetupInputs(() => ''), { PATH: `${tools}:/usr/bin:/bin` }, {}, { backend: noCache, log }))
      .rejects.toThrow(/uv 0\.13\.7 for \S+ is not in the action's checksum table/);
  });
});
