import { describe, expect, test } from '@jest/globals';
import { environmentFault, errorText } from '../../src/checks/common.js';

// Printed by uv 0.13.8 here: `uv sync --locked` of test/fixtures/projects/vulnerable with an empty cache and
// UV_INDEX_URL on a closed loopback port; and of the demo project with its uv.lock removed.
const NETWORK = `Using CPython 3.11.7 interpreter at: /root/.pyenv/versions/3.11.7/bin/python3
Creating virtual environment at: .venv
error: Request failed after 3 retries in 7.9s
  cause: Failed to fetch: http://127.0.0.1:9/simple/urllib3/
  cause: error sending request for url (http://127.0.0.1:9/simple/urllib3/)
  cause: client error (Connect)
  cause: tcp connect error
  cause: Connection refused (os error 111)
`;
const NO_LOCK = 'Using CPython 3.11.7 interpreter at: /usr/bin/python3\nerror: Unable to find lockfile at `uv.lock`, but `--locked` was provided. To create a lockfile, run `uv lock` or `uv sync` without the flag.\n';
const STALE = 'Resolved 3 packages in 1ms\nerror: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided. To update the lockfile, run `uv lock`.\nhint: To update the lockfile, run `uv lock`.\n';

describe('what a tool said went wrong', () => {
  test("the error line and its cause chain, not the last line (a hint or a sentence's tail)", () => {
    expect(errorText(NETWORK)).toBe('Request failed after 3 retries in 7.9s: Failed to fetch: http://127.0.0.1:9/simple/urllib3/: error sending request for url (http://127.0.0.1:9/simple/urllib3/): client error (Connect): tcp connect error: Connection refused (os error 111)');
    expect(errorText(STALE)).toBe('The lockfile at `uv.lock` needs to be updated, but `--locked` was provided. To update the lockfile, run `uv lock`.');
    expect(errorText('plain failure\nlast words\n')).toBe('last words');
  });

  test("the runner's faults are told apart from the project's", () => {
    expect(environmentFault(NETWORK)).toBe('network');
    expect(environmentFault('error: No interpreter found for Python 3.99 in virtual environments, managed installations, or search path')).toBe('interpreter');
    expect(environmentFault(NO_LOCK)).toBeNull();
    expect(environmentFault(STALE)).toBeNull();
  });
});
