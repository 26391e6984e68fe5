import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './support/project.js';
import { USAGE } from '../src/cli.js';

/** The keys of a top-level mapping of action.yml (`inputs:` / `outputs:`), read by indentation. */
function actionKeys(section: 'inputs' | 'outputs'): string[] {
  const text = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
  const lines = text.split('\n');
  const start = lines.indexOf(`${section}:`);
  expect(start).toBeGreaterThanOrEqual(0);
  const keys: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^ {2}([a-z0-9-]+):\s*$/.exec(line);
    if (m) keys.push(m[1]!);
  }
  return keys;
}

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

describe('README documents the action', () => {
  test.each(actionKeys('inputs'))('input %s is in the README inputs table', (input) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${input}\` \\|`, 'm'));
  });

  test.each(actionKeys('outputs'))('output %s is in the README outputs table', (output) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${output}\` \\|`, 'm'));
  });

  test('action.yml declares node24 and the bundle', () => {
    const text = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
    expect(text).toMatch(/^ {2}using: node24$/m);
    expect(text).toMatch(/^ {2}main: dist\/index\.js$/m);
  });

  test('every CLI flag is named in the README', () => {
    const flags = [...USAGE.matchAll(/^ {2}(?:-h, )?(--[a-z-]+)/gm)].map((m) => m[1]!);
    expect(flags.length).toBeGreaterThan(15);
    for (const flag of flags) expect(readme).toMatch(new RegExp(`${flag}(?![a-z-])`));
  });

  test('the two set-up commands are the package scripts that exist', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toMatch(/^npm test\s/m);
    expect(pkg.scripts.demo).toContain('test/fixtures/projects/demo');
    expect(pkg.scripts.test).toContain('jest');
  });
});
