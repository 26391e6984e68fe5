import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toolPins } from '../../src/project/pins.js';

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'ng-pins-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(d, name), content);
  return d;
}

const PRE_COMMIT = `repos:
  - repo: https://github.com/astral-sh/ruff-pre-commit
    rev: v0.4.4
    hooks: [{ id: ruff }, { id: ruff-format }]
  - repo: https://github.com/pre-commit/mirrors-mypy
    rev: 'v1.10.0'
    hooks: [{ id: mypy }]
  - repo: https://github.com/PyCQA/bandit
    rev: 1.7.8
    hooks: [{ id: bandit }]
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.6.0
    hooks: [{ id: trailing-whitespace }]
  - repo: local
    hooks: [{ id: x, name: x, entry: x, language: system }]
`;

describe('toolPins', () => {
  test('pre-commit revs of the known hook repositories (a leading v dropped), nothing for the others', () => {
    expect(toolPins(dir({ '.pre-commit-config.yaml': PRE_COMMIT }), {})).toEqual({
      ruff: { requirement: '==0.4.4', source: '.pre-commit-config.yaml (astral-sh/ruff-pre-commit rev v0.4.4)' },
      mypy: { requirement: '==1.10.0', source: '.pre-commit-config.yaml (pre-commit/mirrors-mypy rev v1.10.0)' },
      bandit: { requirement: '==1.7.8', source: '.pre-commit-config.yaml (pycqa/bandit rev 1.7.8)' },
    });
  });

  test("ruff's required-version wins over its pre-commit rev; a bare version means exactly it; ruff.toml before pyproject", () => {
    const d = dir({ '.pre-commit-config.yaml': PRE_COMMIT });
    expect(toolPins(d, { ruff: { 'required-version': '>=0.4.2, <0.5' } }).ruff).toEqual({ requirement: '>=0.4.2,<0.5', source: '[tool.ruff] required-version' });
    expect(toolPins(d, { ruff: { 'required-version': '0.4.3' } }).ruff).toEqual({ requirement: '==0.4.3', source: '[tool.ruff] required-version' });
    expect(toolPins(dir({ 'ruff.toml': 'required-version = "==0.5.0"\n' }), { ruff: { 'required-version': '0.4.3' } }).ruff?.requirement).toBe('==0.5.0');
  });

  test('a broken or hostile file pins nothing', () => {
    expect(toolPins(dir({ '.pre-commit-config.yaml': 'repos: [unclosed' }), {})).toEqual({});
    expect(toolPins(dir({ '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: "v0.4.4 --index-url http://evil"\n' }), {})).toEqual({});
    expect(toolPins(dir({}), { ruff: { 'required-version': '0.4; rm -rf /' } })).toEqual({});
  });
});
