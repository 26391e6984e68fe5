/**
 * Test-file helpers that need Jest's hooks (kept apart from project.ts and the loopback servers, which scripts
 * import outside Jest).
 */
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { startGithubServer, type GithubServer } from './github-server.js';
import { startOsvServer, URLLIB3_ADVISORY, type OsvRecord, type OsvServer } from './osv-server.js';
import { copyFixture, removeDir } from './project.js';

/**
 * `copyFixture` for one test file: call it at the file's top level; every copy it makes is removed after the
 * file's tests.
 */
export function scratchFixtures(): (name: string) => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));
  return (name) => {
    const dir = copyFixture(name);
    dirs.push(dir);
    return dir;
  };
}

/**
 * A loopback server for one test file: started before the file's tests (by the first `beforeAll`, so a file's
 * own `beforeAll` can already read it), closed after them. The handle reads and writes through to the running
 * server; touching it outside a test or hook is an error.
 */
function useServer<T extends { close(): Promise<void> }>(start: () => Promise<T>, name: string): T {
  let server: T | undefined;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.close();
  });
  const live = (): T => {
    if (!server) throw new Error(`the ${name} starts in beforeAll: use it inside a test or hook`);
    return server;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(live(), key),
    set: (_, key, value) => Reflect.set(live(), key, value),
  });
}

/** The loopback OSV server (test/support/osv-server.ts) for one test file; call it at the file's top level. */
export function useOsvServer(records: OsvRecord[] = [URLLIB3_ADVISORY]): OsvServer {
  return useServer(() => startOsvServer(records), 'OSV server');
}

/**
 * The loopback GitHub API (test/support/github-server.ts) for one test file, reset before each test; call it at
 * the file's top level, before any `beforeAll` that reads it.
 */
export function useGithubServer(opts: Parameters<typeof startGithubServer>[0] = {}): GithubServer {
  const gh = useServer(() => startGithubServer(opts), 'GitHub test server');
  beforeEach(() => gh.reset());
  return gh;
}
