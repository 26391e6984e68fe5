/** Test-file helpers that need Jest's hooks (kept apart from project.ts, which scripts import outside Jest). */
import { afterAll } from '@jest/globals';
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
