#!/usr/bin/env python3
"""A tiny OSV-compatible vulnerability service on loopback, for scripts/regen-fixtures.sh.

pip-audit 2.10.1 (`-s osv --osv-url URL`, pip_audit/_service/osv.py) POSTs one JSON body per resolved
dependency to URL:

    {"package": {"name": "<canonical name>", "ecosystem": "PyPI"}, "version": "<version>"}

and reads the answer as: an empty/falsy JSON value -> no vulnerability; otherwise {"vulns": [OSV records]},
where each record needs "id", optional "aliases", "summary" (preferred) or "details", and "affected"
(records without it are skipped) whose entry for the same package name + ecosystem "PyPI" carries
"ranges" of type "ECOSYSTEM" with "fixed" events (-> fix_versions). "withdrawn" records are skipped and a
"schema_version" with a major other than 1 is ignored.

This stub knows exactly one advisory, with the facts of the real, published one:
  GHSA-q2q7-5pp4-w6pg / CVE-2021-33503 — urllib3 before 1.26.5: catastrophic backtracking (ReDoS) in the
  URL authority parser for URLs with many '@' characters; fixed in 1.26.5.
  Sources: https://github.com/advisories/GHSA-q2q7-5pp4-w6pg and https://nvd.nist.gov/vuln/detail/CVE-2021-33503
and answers `{}` for every other package and version. A query that is not JSON or not of the shape above
gets HTTP 400, so a change in pip-audit's request shows up instead of a silent "no vulnerabilities".

Usage: osv-stub.py PORT_FILE   — binds 127.0.0.1 on a free port, writes the port to PORT_FILE, serves until
killed. Each request is logged to stderr.
"""

from __future__ import annotations

import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

URLLIB3_ADVISORY: dict[str, Any] = {
    "schema_version": "1.6.0",
    "id": "GHSA-q2q7-5pp4-w6pg",
    "aliases": ["CVE-2021-33503"],
    "summary": "Catastrophic backtracking in URL authority parser when passed URL containing many @ characters",
    "details": (
        "When provided with a URL containing many @ characters in the authority component, the authority "
        "regular expression exhibits catastrophic backtracking, causing a denial of service if a URL were "
        "passed as a parameter or redirected to via an HTTP redirect."
    ),
    "affected": [
        {
            "package": {"name": "urllib3", "ecosystem": "PyPI", "purl": "pkg:pypi/urllib3"},
            "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.26.5"}]}],
        }
    ],
    "references": [
        {"type": "ADVISORY", "url": "https://nvd.nist.gov/vuln/detail/CVE-2021-33503"},
        {"type": "WEB", "url": "https://github.com/advisories/GHSA-q2q7-5pp4-w6pg"},
    ],
}

# (canonical name, version) -> OSV records
KNOWN: dict[tuple[str, str], list[dict[str, Any]]] = {("urllib3", "1.26.4"): [URLLIB3_ADVISORY]}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path != "/v1/query":
            self._send(404, {"code": 5, "message": "not found"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            query = json.loads(self.rfile.read(length))
            package = query["package"]
            name, ecosystem, version = package["name"], package["ecosystem"], query["version"]
            if not (isinstance(name, str) and isinstance(version, str) and ecosystem == "PyPI"):
                raise ValueError("unexpected query shape")
        except (ValueError, KeyError, TypeError) as e:
            self._send(400, {"code": 3, "message": f"bad query: {e}"})
            return
        vulns = KNOWN.get((name.lower(), version))
        self._send(200, {"vulns": vulns} if vulns else {})

    def _send(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (BaseHTTPRequestHandler's signature)
        sys.stderr.write("osv-stub: " + (format % args) + "\n")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: osv-stub.py PORT_FILE")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    # Rename so a reader never sees a half-written port.
    os.replace(sys.argv[1] + ".tmp", sys.argv[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
