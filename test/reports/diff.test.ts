import { describe, expect, test } from '@jest/globals';
import { diffCoverage, parseAddedLines } from '../../src/reports/diff.js';

const diff = `diff --git a/src/pkg/a.py b/src/pkg/a.py
index 1..2 100644
--- a/src/pkg/a.py
+++ b/src/pkg/a.py
@@ -3,0 +4,3 @@ def f():
+    x = 1
+    y = 2
+    return x + y
@@ -10 +13 @@ def g():
-    return 0
+    return 1
diff --git a/old.py b/old.py
deleted file mode 100644
--- a/old.py
+++ /dev/null
@@ -1,2 +0,0 @@
-a
-b
diff --git "a/src/pkg/caf\\303\\251.py" "b/src/pkg/caf\\303\\251.py"
--- "a/src/pkg/caf\\303\\251.py"
+++ "b/src/pkg/caf\\303\\251.py"
@@ -0,0 +1 @@
+print(1)
`;

describe('diff coverage', () => {
  test('parses added lines per file, ignoring deletions, decoding quoted paths', () => {
    const added = parseAddedLines(diff);
    expect([...added.keys()]).toEqual(['src/pkg/a.py', 'src/pkg/café.py']);
    expect([...added.get('src/pkg/a.py')!]).toEqual([4, 5, 6, 13]);
    expect([...added.get('src/pkg/café.py')!]).toEqual([1]);
  });

  test('counts only coverable changed lines', () => {
    const added = parseAddedLines(diff);
    const result = diffCoverage(added, [
      { file: 'src/pkg/a.py', lines: new Map([[4, 1], [5, 0], [6, 3], [20, 0]]), branchesCovered: 0, branchesTotal: 0 },
    ]);
    expect(result).toEqual({ percent: (2 / 3) * 100, covered: 2, total: 3, files: [{ file: 'src/pkg/a.py', covered: 2, total: 3, missing: [5] }] });
  });

  test('no coverable change gives null, not 0 or 100', () => {
    expect(diffCoverage(parseAddedLines(diff), []).percent).toBeNull();
  });
});
