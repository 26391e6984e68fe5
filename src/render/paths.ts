/**
 * Repository-relative paths from reports are untrusted: they become annotation targets and the paths of
 * links we build. Only plain relative POSIX paths inside the repository pass (SECURITY.md R2.5, R4.1).
 */

const MAX_PATH = 1024;
// Controls (incl. newlines), backslash (a Windows separator or an escape trick), the bidi overrides, and
// lone surrogates (not a real file name, and encodeURIComponent throws on them).
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The path normalised (leading `./` removed) when it is a plain repo-relative POSIX path; otherwise null.
 * Rejected: empty, absolute (`/x`), drive-letter (`C:x`), home (`~/x`), any `..` or `.` segment after the
 * leading `./`, empty segments (`a//b`, trailing `/`), backslashes, control characters, lone surrogates.
 */
export function repoRelativePath(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  let p = input;
  while (p.startsWith('./')) p = p.slice(2);
  if (p.length === 0 || p.length > MAX_PATH) return null;
  if (FORBIDDEN.test(p)) return null;
  if (p.startsWith('/') || p.startsWith('~') || /^[A-Za-z]:/.test(p)) return null;
  for (const segment of p.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return null;
  }
  return p;
}

/** Percent-encodes one path segment for a URL, including the characters encodeURIComponent keeps. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function encodePath(path: string): string {
  return path.split('/').map(encodeSegment).join('/');
}

/** Where links point: `${serverUrl}/${repo}/blob/${sha}/…`. Trusted run context, still validated. */
export interface LinkBase {
  serverUrl: string;
  repo: string;
  sha: string;
}

/**
 * A builder of blob URLs, or null when the base is missing or malformed (then no links are rendered).
 * The result contains no space, parenthesis, `<`, `>`, `|` or quote: safe as a Markdown link destination.
 */
export function blobUrlBuilder(base: LinkBase | null | undefined): ((path: string, line: number | null) => string | null) | null {
  if (!base) return null;
  const server = typeof base.serverUrl === 'string' ? base.serverUrl.replace(/\/+$/, '') : '';
  if (!/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[A-Za-z0-9._~-]+)*$/.test(server)) return null;
  if (typeof base.repo !== 'string' || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(base.repo)) return null;
  if (typeof base.sha !== 'string' || !/^[0-9a-fA-F]{7,64}$/.test(base.sha)) return null;
  const prefix = `${server}/${base.repo}/blob/${base.sha}/`;
  return (path, line) => {
    const p = repoRelativePath(path);
    if (p === null) return null;
    const anchor = line !== null && Number.isSafeInteger(line) && line > 0 ? `#L${line}` : '';
    return `${prefix}${encodePath(p)}${anchor}`;
  };
}
