/**
 * The realistic project of the speed race (`npm run bench`): a typed Python package of `modules` modules with a
 * test module each, two small pure-Python dependencies (attrs, packaging), mypy/ruff/coverage configuration, and
 * a uv.lock made by `uv lock`. Everything passes: the race measures running the checks, not reporting failures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RaceProject {
  sourceLines: number;
  testCases: number;
}

function moduleSource(m: number, functions: number): string {
  const out: string[] = [
    `"""Module ${m} of the generated race project: typed helpers over records."""`,
    '',
    'from __future__ import annotations',
    '',
    'from collections.abc import Iterable, Sequence',
    '',
    'import attrs',
    'from packaging.version import Version',
    '',
    '',
    '@attrs.frozen',
    `class Record${m}:`,
    `    """A named measurement with a version."""`,
    '',
    '    name: str',
    '    value: float',
    '    version: str = "1.0"',
    '',
    '    def scaled(self, factor: float) -> Record' + m + ':',
    '        """The same record with its value multiplied by factor."""',
    '        return attrs.evolve(self, value=self.value * factor)',
    '',
    '    def newer_than(self, other: str) -> bool:',
    '        """Whether this record\'s version is newer than other."""',
    '        return Version(self.version) > Version(other)',
    '',
  ];
  for (let f = 0; f < functions; f++) {
    out.push(
      '',
      `def total_${f}(records: Iterable[Record${m}], minimum: float = ${f}.0) -> float:`,
      `    """Sum of the values at least minimum, each scaled by ${f + 1}."""`,
      '    result = 0.0',
      '    for record in records:',
      '        if record.value >= minimum:',
      `            result += record.scaled(${f + 1}).value`,
      '    return result',
      '',
      '',
      `def names_${f}(records: Sequence[Record${m}], prefix: str = "r") -> list[str]:`,
      '    """Names that start with prefix, sorted, without duplicates."""',
      '    seen: set[str] = set()',
      '    for record in records:',
      '        if record.name.startswith(prefix):',
      '            seen.add(record.name)',
      '    return sorted(seen)',
      '',
      '',
      `def classify_${f}(value: float) -> str:`,
      '    """A coarse label for value."""',
      `    if value < ${f}:`,
      '        return "low"',
      `    if value < ${f * 10 + 10}:`,
      '        return "mid"',
      '    return "high"',
      '',
    );
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function testSource(m: number, functions: number): string {
  const out: string[] = [
    `"""Tests of module ${m}."""`,
    '',
    'import pytest',
    '',
    `import raceproj.mod${m} as mod`,
    '',
    `RECORDS = [mod.Record${m}("r1", 1.0), mod.Record${m}("r2", 5.0, "2.0"), mod.Record${m}("x", 50.0)]`,
    '',
    '',
    'def test_newer_than() -> None:',
    '    assert RECORDS[1].newer_than("1.5")',
    '    assert not RECORDS[0].newer_than("1.0")',
    '',
  ];
  for (let f = 0; f < functions; f++) {
    out.push(
      '',
      `def test_total_${f}() -> None:`,
      `    expected = sum(r.value * ${f + 1} for r in RECORDS if r.value >= ${f})`,
      `    assert mod.total_${f}(RECORDS) == pytest.approx(expected)`,
      '',
      '',
      `def test_names_${f}() -> None:`,
      `    assert mod.names_${f}(RECORDS) == ["r1", "r2"]`,
      '',
      '',
      `@pytest.mark.parametrize(("value", "label"), [(-1.0, "low"), (${f}.5, "mid"), (1e6, "high")])`,
      `def test_classify_${f}(value: float, label: str) -> None:`,
      `    assert mod.classify_${f}(value) == label`,
      '',
    );
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** Writes the project into dir (without uv.lock: run `uv lock` there). */
export function writeRaceProject(dir: string, modules = 24, functions = 8): RaceProject {
  const pkg = join(dir, 'src', 'raceproj');
  mkdirSync(pkg, { recursive: true });
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(
    join(dir, 'pyproject.toml'),
    `[project]
name = "raceproj"
version = "0.1.0"
description = "Generated project for the nebula-gate speed race."
requires-python = ">=3.11"
dependencies = ["attrs>=23", "packaging>=23"]

[build-system]
requires = ["uv_build>=0.13,<0.14"]
build-backend = "uv_build"

[tool.ruff]
line-length = 100

[tool.ruff.lint]
select = ["E", "F", "I", "B", "UP"]

[tool.mypy]
strict = true

[tool.pytest.ini_options]
testpaths = ["tests"]

[tool.coverage.run]
source = ["raceproj"]
branch = true
`,
  );
  writeFileSync(join(dir, '.python-version'), '3.11\n');
  writeFileSync(join(pkg, '__init__.py'), '"""Generated project for the nebula-gate speed race."""\n');
  writeFileSync(join(pkg, 'py.typed'), '');
  writeFileSync(join(dir, 'tests', '__init__.py'), '');
  let sourceLines = 0;
  let testCases = 0;
  for (let m = 0; m < modules; m++) {
    const src = moduleSource(m, functions);
    writeFileSync(join(pkg, `mod${m}.py`), src);
    sourceLines += src.split('\n').length - 1;
    writeFileSync(join(dir, 'tests', `test_mod${m}.py`), testSource(m, functions));
    testCases += 1 + functions * (1 + 1 + 3);
  }
  return { sourceLines, testCases };
}
