/**
 * An OSV-compatible vulnerability service on loopback, for pip-audit's `--osv-url`.
 * It speaks the one endpoint pip-audit uses: POST /v1/query {package: {name, ecosystem}, version} →
 * {} (nothing known) or {vulns: [OSV records]} (https://ossf.github.io/osv-schema/).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OsvRecord {
  id: string;
  summary: string;
  aliases: string[];
  published: string;
  affected: { package: { name: string; ecosystem: 'PyPI' }; ranges: { type: 'ECOSYSTEM'; events: ({ introduced: string } | { fixed: string })[] }[]; versions: string[] }[];
}

/**
 * The one advisory the tests' vulnerable fixture pins: urllib3 1.26.4, CVE-2021-33503 (GHSA-q2q7-5pp4-w6pg),
 * fixed in 1.26.5. Facts from the GitHub Advisory Database entry as mirrored by osv.dev.
 */
export const URLLIB3_ADVISORY: OsvRecord = {
  id: 'GHSA-q2q7-5pp4-w6pg',
  summary: 'Catastrophic backtracking in URL authority parser when passed URL containing many @ characters',
  aliases: ['CVE-2021-33503', 'PYSEC-2021-108'],
  published: '2021-06-01T21:17:03Z',
  affected: [
    {
      package: { name: 'urllib3', ecosystem: 'PyPI' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.25.4' }, { fixed: '1.26.5' }] }],
      versions: ['1.25.4', '1.25.5', '1.25.6', '1.25.7', '1.25.8', '1.25.9', '1.25.10', '1.25.11', '1.26.0', '1.26.1', '1.26.2', '1.26.3', '1.26.4'],
    },
  ],
};

export interface OsvServer {
  url: string;
  queries: { name: string; version: string }[];
  /** 'ok' answers; 'error' answers 503 to every query. */
  mode: 'ok' | 'error';
  close(): Promise<void>;
}

export async function startOsvServer(records: OsvRecord[] = [URLLIB3_ADVISORY]): Promise<OsvServer> {
  const state: OsvServer = { url: '', queries: [], mode: 'ok', close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/query') {
        res.writeHead(404).end();
        return;
      }
      if (state.mode === 'error') {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"code":14,"message":"unavailable"}');
        return;
      }
      let query: { package?: { name?: string; ecosystem?: string }; version?: string };
      try {
        query = JSON.parse(body) as typeof query;
      } catch {
        res.writeHead(400).end();
        return;
      }
      const name = query.package?.name ?? '';
      const version = query.version ?? '';
      state.queries.push({ name, version });
      const vulns = records.filter((r) => r.affected.some((a) => a.package.name === name && a.versions.includes(version)));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(vulns.length > 0 ? { vulns } : {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/v1/query`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
