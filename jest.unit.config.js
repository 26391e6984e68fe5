/**
 * `npm run test:unit`: the developer's fast loop. The full suite's config (jest.config.js) without the tests
 * that need what `npm test`'s pretest installs (the pinned uv and Python tools in .tools/, actionlint) or run
 * the real tools on fixture projects. fast-check runs a tenth of each property's count here unless CI or
 * FC_RUNS says otherwise (test/support/fc.ts). `npm test` still runs everything.
 */
import base from './jest.config.js';

export default {
  ...base,
  // Jest's default is one worker per core but one; these files are short, so the idle parent's core runs one too.
  maxWorkers: '100%',
  testPathIgnorePatterns: [
    '/node_modules/',
    // the CLI and the bundled action on fixture projects: real uv, ruff, mypy, pytest, bandit, pip-audit
    '<rootDir>/test/integration/',
    // runGate's setup checks (uv, python, uv sync) against the loopback cache service
    '<rootDir>/test/cache/venv-cache.test.ts',
    // the pinned uv from .tools/bin: run, repacked as a release, or downloaded as the real wheel
    '<rootDir>/test/setup/action-setup.test.ts',
    '<rootDir>/test/setup/install-uv.test.ts',
    '<rootDir>/test/setup/uv-wheel.test.ts',
    // actionlint, built from source into .tools/go-bin
    '<rootDir>/test/workflows.test.ts',
  ],
};
