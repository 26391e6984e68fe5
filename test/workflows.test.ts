/**
 * Every workflow file (the reusable ones, the starters, the repository's own CI) and action.yml, validated with
 * GitHub's own parser (@actions/workflow-parser) and with actionlint; and every call of a reusable workflow
 * checked against the called workflow's `workflow_call` inputs: known names, required ones given, types right.
 *
 * actionlint is built from source by scripts/ensure-actionlint.sh (npm's pretest; .ci/run) into .tools/go-bin,
 * or found at $ACTIONLINT. When it is missing this test FAILS — in CI and locally alike: a lint that silently
 * skips is a lint that is off.
 */
import { describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from './support/project.js';

const execFileAsync = promisify(execFile);
const REUSABLE_DIR = join(REPO_ROOT, '.github', 'workflows');
const STARTER_DIR = join(REPO_ROOT, 'workflows');
const yml = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f)) : []);
const WORKFLOWS = [...yml(REUSABLE_DIR), ...yml(STARTER_DIR)];
const rel = (p: string): string => p.slice(REPO_ROOT.length + 1);

/** A reusable-workflow reference of this repository (`./.github/workflows/x.yml` or `OWNER/nebula-gate/.github/workflows/x.yml@v1`) → its file here. */
function localWorkflowFor(ref: FileReference): string | null {
  const name = ref.path.replace(/^\.\//, '');
  if (!name.startsWith('.github/workflows/')) return null;
  if ('repository' in ref && !(ref.owner === 'OWNER' && ref.repository === 'nebula-gate')) return null;
  const path = join(REPO_ROOT, name);
  return existsSync(path) ? path : null;
}

const fileProvider = {
  async getFileContent(ref: FileReference) {
    const path = localWorkflowFor(ref);
    if (path === null) throw new Error(`not a workflow of this repository: ${JSON.stringify(ref)}`);
    return { name: rel(path), content: readFileSync(path, 'utf8') };
  },
};

describe('GitHub workflow parser (@actions/workflow-parser)', () => {
  test('the expected workflow files exist', () => {
    const names = WORKFLOWS.map(rel);
    for (const f of [
      '.github/workflows/python-gate.yml',
      '.github/workflows/python-gate-comment.yml',
      '.github/workflows/ci.yml',
      'workflows/pr-gate.yml',
      'workflows/matrix-gate.yml',
      'workflows/fork-safe-gate.yml',
      'workflows/fork-safe-comment.yml',
      'workflows/nightly-gate.yml',
    ]) {
      expect(names).toContain(f);
    }
  });

  test.each(WORKFLOWS.map((p) => [rel(p), p]))('%s parses and converts without errors, called workflows loaded', async (_name, path) => {
    const parsed = parseWorkflow({ name: rel(path), content: readFileSync(path, 'utf8') }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(parsed.value).toBeDefined();
    // fetchReusableWorkflowDepth 1: the called python-gate*.yml is loaded and the call's `with:` is checked
    // against its workflow_call inputs (names, required, types) by GitHub's own converter.
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!, fileProvider, { fetchReusableWorkflowDepth: 1 });
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
  });

  test('action.yml parses against the action schema without errors', () => {
    const parsed = parseAction({ name: 'action.yml', content: readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8') }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(parsed.value).toBeDefined();
  });

  // The converter checks input names at a call site; their types it leaves to the runtime — actionlint and the
  // check at the bottom of this file cover those.
  test('the converter really checks call sites: an unknown input is an error', async () => {
    const bad = [
      'on: pull_request',
      'jobs:',
      '  gate:',
      '    uses: ./.github/workflows/python-gate.yml',
      '    with:',
      "      test-shards: 'two'",
      '      no-such-input: 1',
    ].join('\n');
    const parsed = parseWorkflow({ name: 'bad.yml', content: bad }, new NoOperationTraceWriter());
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!, fileProvider, { fetchReusableWorkflowDepth: 1 });
    const messages = (template.errors ?? []).map((e) => e.Message).join('\n');
    expect(messages).toMatch(/no-such-input is not defined/);
  });
});

function actionlintPath(): string {
  return process.env.ACTIONLINT || join(REPO_ROOT, '.tools', 'go-bin', 'actionlint');
}

describe('actionlint', () => {
  test('the binary is there (scripts/ensure-actionlint.sh builds it with Go from the module proxy)', () => {
    expect({ path: actionlintPath(), exists: existsSync(actionlintPath()) }).toEqual({ path: actionlintPath(), exists: true });
  });

  test('every workflow file passes', async () => {
    const args = ['-no-color', '-oneline', ...WORKFLOWS.map(rel)];
    const r = await execFileAsync(actionlintPath(), args, { cwd: REPO_ROOT }).then(
      (o) => ({ code: 0, out: o.stdout + o.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  test('it checks the types of workflow_call inputs at a call site (a string given for the number test-shards fails)', async () => {
    const bad = ['on: pull_request', 'jobs:', '  gate:', '    uses: ./.github/workflows/python-gate.yml', '    with:', "      test-shards: 'two'", ''].join('\n');
    // A scratch repository holding the real reusable workflow and a caller that gets the types wrong.
    const dir = mkdtempSync(join(tmpdir(), 'ng-actionlint-'));
    try {
      mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
      mkdirSync(join(dir, '.git')); // actionlint resolves ./.github/workflows/… from the repository root it finds by .git
      writeFileSync(join(dir, '.github', 'workflows', 'python-gate.yml'), readFileSync(join(REUSABLE_DIR, 'python-gate.yml')));
      writeFileSync(join(dir, '.github', 'workflows', 'bad.yml'), bad);
      const r = await execFileAsync(actionlintPath(), ['-no-color', '-oneline', '.github/workflows/bad.yml'], { cwd: dir }).then(
        () => ({ code: 0, out: '' }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/"test-shards" is typed as number/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('call sites against the called workflow_call inputs (our own check, for the starters calling OWNER/nebula-gate@v1)', () => {
  type Inputs = Record<string, { type: string; required?: boolean; default?: unknown }>;
  const called = new Map<string, Inputs>();
  for (const path of yml(REUSABLE_DIR)) {
    const doc = parseYaml(readFileSync(path, 'utf8')) as { on?: { workflow_call?: { inputs?: Inputs } } };
    if (doc.on?.workflow_call) called.set(rel(path), doc.on.workflow_call.inputs ?? {});
  }
  const sites: [string, string, string, Record<string, unknown>][] = [];
  for (const path of WORKFLOWS) {
    const doc = parseYaml(readFileSync(path, 'utf8')) as { jobs?: Record<string, { uses?: string; with?: Record<string, unknown> }> };
    for (const [job, def] of Object.entries(doc.jobs ?? {})) {
      if (typeof def.uses !== 'string' || !def.uses.includes('.github/workflows/')) continue;
      const m = /^(?:\.\/|OWNER\/nebula-gate\/)(\.github\/workflows\/[^@]+)(?:@(.+))?$/.exec(def.uses);
      sites.push([`${rel(path)} ${job}`, def.uses, m ? m[1]! : '', def.with ?? {}]);
    }
  }

  test('there are call sites, and every one names a reusable workflow of this repository', () => {
    expect(sites.length).toBeGreaterThanOrEqual(7);
    for (const [, uses, target] of sites) expect({ uses, known: called.has(target) }).toEqual({ uses, known: true });
  });

  test('starters pin a tag, never a branch', () => {
    for (const [site, uses] of sites.filter(([s]) => s.startsWith('workflows/'))) expect({ site, uses }).toEqual({ site, uses: expect.stringMatching(/@v\d+$/) });
  });

  test.each(sites.map((s) => ({ name: s[0], target: s[2], withs: s[3] })))('$name: inputs known, required present, types right', ({ target, withs }) => {
    const inputs = called.get(target)!;
    for (const [name, value] of Object.entries(withs)) {
      expect({ name, known: name in inputs }).toEqual({ name, known: true });
      const type = inputs[name]!.type;
      const isExpr = typeof value === 'string' && /^\$\{\{[\s\S]*\}\}$/.test(value.trim());
      if (isExpr) continue;
      const ok = type === 'number' ? typeof value === 'number' : type === 'boolean' ? typeof value === 'boolean' : typeof value === 'string';
      expect({ name, type, value, ok }).toEqual({ name, type, value, ok: true });
      if (typeof value === 'string' && (name === 'python-versions' || name === 'os')) {
        const list = JSON.parse(value) as unknown;
        expect(Array.isArray(list) && list.every((x) => typeof x === 'string')).toBe(true);
      }
    }
    for (const [name, def] of Object.entries(inputs)) if (def.required) expect(withs).toHaveProperty(name);
  });
});
