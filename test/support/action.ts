/**
 * The action as the runner runs it, for the tests that need the whole step: `node dist/index.js` with INPUT_*
 * variables, an event file and every file-command file (GITHUB_OUTPUT, _ENV, _PATH, _STATE, _STEP_SUMMARY), and a
 * reader of the log the way the runner reads it (stop-commands fences honoured).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, TEST_ENV } from './project.js';
import { BOT_TOKEN, OWNER, REPO } from './github-server.js';

const execFileAsync = promisify(execFile);

export interface DistRun {
  code: number;
  stdout: string;
  ms: number;
  /** GITHUB_OUTPUT parsed; `outputText` is the raw file. */
  outputs: Record<string, string>;
  outputText: string;
  files: { output: string; env: string; path: string; state: string; summary: string; temp: string };
}

/** `name<<DELIM\nvalue\nDELIM` records as @actions/core writes them; anything else in the file is a stray. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

/** The repository facts and token of a run whose GitHub API is the loopback server (a GHES-style layout). */
export function loopbackGithubEnv(apiUrl: string): NodeJS.ProcessEnv {
  return {
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_SERVER_URL: 'https://ghe.example',
    GITHUB_API_URL: apiUrl,
    GITHUB_SHA: 'd'.repeat(40),
    GITHUB_WORKFLOW: 'gate',
    GITHUB_JOB: 'gate',
    RUNNER_OS: 'Linux',
    'INPUT_GITHUB-TOKEN': BOT_TOKEN,
  };
}

export const PR_EVENT = { action: 'synchronize', number: 7, pull_request: { number: 7, base: { sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) } } };

export async function runDist(workspace: string, inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}, event: object = PR_EVENT): Promise<DistRun> {
  const temp = mkdtempSync(join(tmpdir(), 'ng-runner-'));
  const files = { output: join(temp, 'output'), env: join(temp, 'env'), path: join(temp, 'path'), state: join(temp, 'state'), summary: join(temp, 'summary'), temp };
  for (const f of [files.output, files.env, files.path, files.state, files.summary]) writeFileSync(f, '');
  writeFileSync(join(temp, 'event.json'), JSON.stringify(event));
  const env: NodeJS.ProcessEnv = {
    ...TEST_ENV,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(temp, 'event.json'),
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: temp,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv,
  };
  const t0 = performance.now();
  let code = 0;
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(process.execPath, [join(REPO_ROOT, 'dist', 'index.js')], { env, cwd: workspace, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }));
  } catch (e) {
    const err = e as { code: number; stdout: string };
    code = err.code;
    stdout = err.stdout;
  }
  const outputText = readFileSync(files.output, 'utf8');
  return { code, stdout, ms: performance.now() - t0, outputs: parseFileCommands(outputText), outputText, files };
}

export interface LogCommand {
  line: number;
  name: string;
  text: string;
}

/**
 * The workflow commands the runner would act on in `log`: lines that start with `::name` (after whitespace) or hold
 * `##[`, outside a `::stop-commands::TOKEN` … `::TOKEN::` fence. The fence lines themselves are reported too.
 */
export function commandsOutsideFences(log: string): LogCommand[] {
  const found: LogCommand[] = [];
  let token: string | null = null;
  log.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trimStart();
    if (token !== null) {
      if (line === `::${token}::`) {
        found.push({ line: i + 1, name: 'resume', text: raw });
        token = null;
      }
      return;
    }
    if (line.startsWith('::')) {
      const name = /^::([^\s:]*)/.exec(line)![1]!;
      found.push({ line: i + 1, name, text: raw });
      if (name === 'stop-commands') token = line.slice('::stop-commands::'.length);
    } else if (raw.includes('##[')) {
      found.push({ line: i + 1, name: '##[', text: raw });
    }
  });
  return found;
}
