import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { durationsByFile, parseShardSpec, splitTestFiles } from '../../src/merge/split.js';
import { listTestFiles } from '../../src/merge/test-files.js';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/project.js';
import type { TestCase } from '../../src/reports/model.js';

describe('parseShardSpec', () => {
  test('INDEX/TOTAL, empty for none', () => {
    expect(parseShardSpec('2/4')).toEqual({ index: 2, total: 4 });
    expect(parseShardSpec(' 1 / 1 ')).toEqual({ index: 1, total: 1 });
    expect(parseShardSpec('')).toBeNull();
  });
  test.each(['0/2', '3/2', '1/0', 'two', '1/2/3', '-1/2', '1/257'])('%s is refused, saying the form', (v) => {
    expect(() => parseShardSpec(v)).toThrow(/test-shard/);
  });
});

describe('splitTestFiles', () => {
  test('without durations: round-robin by name, deterministic', () => {
    expect(splitTestFiles(['d.py', 'a.py', 'c.py', 'b.py', 'e.py'], 2)).toEqual([['a.py', 'c.py', 'e.py'], ['b.py', 'd.py']]);
  });
  test('balanced by durations: longest first onto the least-loaded shard', () => {
    const d = new Map([['slow.py', 60], ['mid.py', 30], ['a.py', 10], ['b.py', 10], ['c.py', 10]]);
    const shards = splitTestFiles(['a.py', 'b.py', 'c.py', 'mid.py', 'slow.py'], 2, d);
    expect(shards).toEqual([['slow.py'], ['a.py', 'b.py', 'c.py', 'mid.py']]);
  });
  test('a new file (no duration) weighs the mean of the known ones', () => {
    const d = new Map([['x.py', 10], ['y.py', 30]]);
    expect(splitTestFiles(['new.py', 'x.py', 'y.py'], 2, d)).toEqual([['y.py'], ['new.py', 'x.py']]);
  });
  test('more shards than files: some shards are empty', () => {
    expect(splitTestFiles(['a.py'], 3)).toEqual([['a.py'], [], []]);
  });
  test('property: every file in exactly one shard, same input → same split, order of input irrelevant', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}\.py$/), { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), fc.array(fc.float({ min: 0, max: 100, noNaN: true }), { maxLength: 40 }), (files, n, ds) => {
        const durations = new Map(files.map((f, i) => [f, ds[i] ?? Number.NaN] as [string, number]).filter(([, d]) => !Number.isNaN(d)));
        const a = splitTestFiles(files, n, durations);
        const b = splitTestFiles([...files].reverse(), n, durations);
        expect(a).toEqual(b);
        expect(a).toHaveLength(n);
        expect(a.flat().sort()).toEqual([...files].sort());
      }),
    );
  });
});

describe('durationsByFile', () => {
  test('sums per file; cases without a file are ignored', () => {
    const c = (file: string | null, durationSec: number): TestCase => ({ name: 't', classname: 'c', file, line: null, durationSec, outcome: 'passed', message: '', details: '' });
    expect(durationsByFile([c('a.py', 1), c('a.py', 2.5), c(null, 9), c('b.py', 0)])).toEqual(new Map([['a.py', 3.5], ['b.py', 0]]));
  });
});

describe('listTestFiles', () => {
  test('the shard fixture project: its four test files, under testpaths', () => {
    const dir = join(REPO_ROOT, 'test', 'fixtures', 'shards', 'project');
    const all = ['tests/test_durations.py', 'tests/test_durations_parse.py', 'tests/test_sizes.py', 'tests/test_sizes_parse.py'];
    expect(listTestFiles(dir, ['tests'])).toEqual(all);
    expect(listTestFiles(dir)).toEqual(all);
    expect(listTestFiles(dir, ['../outside'])).toEqual([]);
  });
});
