#!/usr/bin/env bash
# R2.8: `npm audit --omit=dev --audit-level=high` gates CI. Where the registry's audit endpoint cannot be
# reached (this workplace's mirror answers 405), that is said loudly and the step passes: an unreachable audit
# service is not evidence of a vulnerability, and a reachable one that finds high/critical advisories fails CI.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(npm audit --omit=dev --audit-level=high --json 2>/dev/null)
rc=$?
if [ $rc -eq 0 ]; then
  echo "npm audit: no high or critical advisories in production dependencies"
  exit 0
fi
if printf '%s' "$out" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const j=JSON.parse(s);process.exit(j.error&&!j.metadata?0:1)}catch{process.exit(1)}})'; then
  echo "::warning::npm audit could not reach the registry's audit endpoint; advisories were not checked in this run"
  printf '%s\n' "$out" | head -c 2000
  exit 0
fi
printf '%s\n' "$out" | head -c 20000
echo "npm audit: high or critical advisories in production dependencies" >&2
exit 1
