/**
 * A GitHub API on loopback for the tests: the REST endpoints nebula-gate uses and the one GraphQL query, with
 * the real shapes (Link-header pagination, 201/200/204, `Validation Failed` 422s, rate-limit headers), a little
 * state (comments, check runs, pull requests) and fault injection. Every request is recorded.
 *
 * Served under an optional prefix, so the GitHub Enterprise Server layout (`/api/v3` for REST, `/api/graphql`)
 * is exercised as well as github.com's (`/`, `/graphql`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  node_id: string;
  issue: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
  performed_via_github_app: { slug: string } | null;
  minimized: boolean;
  created_at: string;
  updated_at: string;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  annotations: unknown[];
  requests: number;
}

export interface StoredPull {
  number: number;
  state: 'open' | 'closed';
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } };
}

export interface RecordedRequest {
  method: string;
  /** Path without the prefix and query. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  auth: string | null;
  at: number;
}

export interface Fault {
  method: string;
  /** Matched against the path without the prefix. */
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface GithubServer {
  /** The API base URL to give octokit / GITHUB_API_URL (with the prefix). */
  apiUrl: string;
  requests: RecordedRequest[];
  comments: StoredComment[];
  checkRuns: StoredCheckRun[];
  pulls: StoredPull[];
  faults: Fault[];
  /** Token → login of the user or bot it authenticates. */
  users: Map<string, { login: string; type: 'User' | 'Bot'; app: string | null }>;
  /** Comments per page when the client asks for more (GitHub's maximum is 100). */
  pageSize: number;
  /** Bodies longer than this are refused with GitHub's 422 (65,536 on github.com). */
  maxBodyLength: number;
  addComment(issue: number, body: string, login: string, opts?: { minimized?: boolean; type?: 'User' | 'Bot' }): StoredComment;
  /** Requests that wrote something (POST/PATCH/PUT/DELETE), GraphQL queries excluded. */
  writes(): RecordedRequest[];
  /**
   * Back to the state `startGithubServer` returns, for a `beforeEach`: no comments, requests, faults, check
   * runs or pulls, GitHub's page size and body limit, only the bot's token. Ids keep counting, so an id from an
   * earlier test never names a new comment.
   */
  reset(): void;
  close(): Promise<void>;
}

export const OWNER = 'octo-org';
export const REPO = 'octo-repo';
export const BOT_TOKEN = 'ghs_testtokenforthebot000000000000000000';
export const BOT_LOGIN = 'github-actions[bot]';

export async function startGithubServer(opts: { prefix?: '' | '/api/v3' } = {}): Promise<GithubServer> {
  const prefix = opts.prefix ?? '';
  const graphqlPath = prefix === '/api/v3' ? '/api/graphql' : '/graphql';
  let nextId = 1000;
  const fresh = (): Omit<GithubServer, 'apiUrl' | 'close' | 'addComment' | 'writes' | 'reset'> => ({
    requests: [],
    comments: [],
    checkRuns: [],
    pulls: [],
    faults: [],
    users: new Map([[BOT_TOKEN, { login: BOT_LOGIN, type: 'Bot', app: 'github-actions' }]]),
    pageSize: 100,
    maxBodyLength: 65_536,
  });
  const state = fresh();
  let base = '';

  const addComment: GithubServer['addComment'] = (issue, body, login, o = {}) => {
    const id = nextId++;
    const now = new Date(Date.UTC(2026, 10, 1, 0, 0, id % 60)).toISOString();
    const c: StoredComment = {
      id,
      node_id: `IC_kwDO${id.toString(36)}`,
      issue,
      body,
      user: { login, type: o.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User') },
      performed_via_github_app: login === BOT_LOGIN ? { slug: 'github-actions' } : null,
      minimized: o.minimized ?? false,
      created_at: now,
      updated_at: now,
    };
    state.comments.push(c);
    return c;
  };

  const commentJson = (c: StoredComment) => ({
    id: c.id,
    node_id: c.node_id,
    url: `${base}/repos/${OWNER}/${REPO}/issues/comments/${c.id}`,
    html_url: `http://github.test/${OWNER}/${REPO}/pull/${c.issue}#issuecomment-${c.id}`,
    body: c.body,
    user: { login: c.user.login, id: 1, type: c.user.type },
    performed_via_github_app: c.performed_via_github_app,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    created_at: c.created_at,
    updated_at: c.updated_at,
  });

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '999', ...headers });
    res.end(text);
  }

  /** Link header for page `page` of `total` items, like GitHub's (absolute URLs, same query). */
  function paginate<T>(url: URL, items: T[]): { page: T[]; headers: Record<string, string> } {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), state.pageSize);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string): string => {
      const u = new URL(url.toString());
      u.searchParams.set('page', String(p));
      u.searchParams.set('per_page', String(perPage));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    return { page: items.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
  }

  const viewer = (auth: string | null) => (auth ? state.users.get(auth.replace(/^(token|bearer) /i, '')) : undefined);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', base.replace(/\/api\/v3$/, ''));
    const method = req.method ?? 'GET';
    let path = url.pathname;
    const isGraphql = path === graphqlPath;
    if (!isGraphql) {
      if (!path.startsWith(prefix)) return send(res, 404, { message: 'Not Found (prefix)' });
      path = path.slice(prefix.length) || '/';
    }
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      return send(res, 400, { message: 'Problems parsing JSON' });
    }
    const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;
    state.requests.push({ method, path: isGraphql ? '/graphql' : path, query: url.searchParams, body, auth, at: Date.now() });

    const fault = state.faults.find((f) => f.method === method && f.path.test(isGraphql ? '/graphql' : path) && (f.times ?? 1) > 0);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      return send(res, fault.status, fault.body ?? { message: `injected ${fault.status}` }, fault.headers);
    }
    const me = viewer(auth);
    if (!me) return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });

    if (isGraphql && method === 'POST') {
      const q = body as { query?: string; variables?: { ids?: string[] } };
      if (typeof q?.query === 'string' && q.query.includes('nodes(ids:')) {
        const ids = q.variables?.ids ?? [];
        const nodes = ids.map((id) => {
          const c = state.comments.find((x) => x.node_id === id);
          return c ? { id: c.node_id, isMinimized: c.minimized, viewerDidAuthor: c.user.login === me.login } : null;
        });
        return send(res, 200, { data: { nodes } });
      }
      return send(res, 200, { errors: [{ message: 'this test server knows one query: nodes(ids:)' }] });
    }

    const repoPath = `/repos/${OWNER}/${REPO}`;
    if (!path.startsWith(`${repoPath}/`)) return send(res, 404, { message: 'Not Found' });
    const rest = path.slice(repoPath.length);
    let m: RegExpExecArray | null;

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (method === 'GET') {
        const { page, headers } = paginate(url, state.comments.filter((c) => c.issue === issue).map(commentJson));
        return send(res, 200, page, headers);
      }
      if (method === 'POST') {
        const text = (body as { body?: unknown })?.body;
        if (typeof text !== 'string') return send(res, 422, { message: 'Invalid request.' });
        if (text.length > state.maxBodyLength) return send(res, 422, tooLong());
        const c = addComment(issue, text, me.login);
        return send(res, 201, commentJson(c));
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const c = state.comments.find((x) => x.id === Number(m![1]));
      if (!c) return send(res, 404, { message: 'Not Found' });
      const text = (body as { body?: unknown })?.body;
      if (typeof text !== 'string') return send(res, 422, { message: 'Invalid request.' });
      if (text.length > state.maxBodyLength) return send(res, 422, tooLong());
      c.body = text;
      c.updated_at = new Date().toISOString();
      return send(res, 200, commentJson(c));
    }
    if (rest === '/check-runs' && method === 'POST') {
      const b = body as { name: string; head_sha: string; status?: string; conclusion?: string; output?: { annotations?: unknown[] } };
      const annotations = b.output?.annotations ?? [];
      if (annotations.length > 50) return send(res, 422, { message: 'Validation Failed', errors: ['Only 50 annotations are allowed per request'] });
      const run: StoredCheckRun = { id: nextId++, name: b.name, head_sha: b.head_sha, status: b.status ?? 'queued', conclusion: b.conclusion ?? null, annotations: [...annotations], requests: 1 };
      state.checkRuns.push(run);
      return send(res, 201, { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion });
    }
    if ((m = /^\/check-runs\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const run = state.checkRuns.find((x) => x.id === Number(m![1]));
      if (!run) return send(res, 404, { message: 'Not Found' });
      const b = body as { status?: string; conclusion?: string; output?: { annotations?: unknown[] } };
      const annotations = b.output?.annotations ?? [];
      if (annotations.length > 50) return send(res, 422, { message: 'Validation Failed', errors: ['Only 50 annotations are allowed per request'] });
      run.annotations.push(...annotations);
      run.requests++;
      if (b.status) run.status = b.status;
      if (b.conclusion) run.conclusion = b.conclusion;
      return send(res, 200, { id: run.id, status: run.status, conclusion: run.conclusion });
    }
    if ((m = /^\/commits\/([0-9a-f]{40})\/pulls$/.exec(rest)) && method === 'GET') {
      const sha = m[1];
      // GitHub lists the pulls whose head is the commit (open and closed), in this repo.
      const { page, headers } = paginate(url, state.pulls.filter((p) => p.head.sha === sha).map(pullJson));
      return send(res, 200, page, headers);
    }
    if (rest === '/pulls' && method === 'GET') {
      const st = url.searchParams.get('state') ?? 'open';
      const head = url.searchParams.get('head');
      const items = state.pulls
        .filter((p) => st === 'all' || p.state === st)
        .filter((p) => head === null || `${p.head.repo?.full_name.split('/')[0]}:${p.head.ref}` === head)
        .map(pullJson);
      const { page, headers } = paginate(url, items);
      return send(res, 200, page, headers);
    }
    return send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  const pullJson = (p: StoredPull) => ({
    number: p.number,
    state: p.state,
    head: { sha: p.head.sha, ref: p.head.ref, label: `${p.head.repo?.full_name.split('/')[0]}:${p.head.ref}`, repo: p.head.repo },
    base: { ref: p.base.ref, repo: p.base.repo },
  });

  const tooLong = () => ({
    message: 'Validation Failed',
    errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    status: '422',
  });

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, { message: String(e) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}${prefix}`;
  return Object.assign(state, {
    apiUrl: base,
    addComment,
    writes: () => state.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql'),
    reset: () => {
      Object.assign(state, fresh());
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
}
