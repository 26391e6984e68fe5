/**
 * The built-in checks, one definition per registry entry: for each, the argv it runs and how it reads what the
 * tool wrote. Tool exit codes are data; a report that cannot be read makes the check `error` (fail closed).
 */
import type { GateConfig } from '../config/resolve.js';
import { BUILTIN_CHECKS, type BuiltinCheckId } from '../model/registry.js';
import type { CheckDefinition } from './context.js';
import { customCheck } from './custom-check.js';
import { ruffCheck, ruffFormatCheck, typesCheck } from './quality-checks.js';
import { banditCheck, pipAuditCheck } from './security-checks.js';
import { depsSyncCheck, pythonCheck, syncCheck, uvCheck } from './setup-checks.js';
import { coverageCheck, diffCoverageCheck, pytestCheck } from './test-checks.js';

type Define = (c: GateConfig, locked: ReadonlySet<string>) => CheckDefinition;

const DEFINITIONS: Record<BuiltinCheckId, Define> = {
  uv: uvCheck,
  python: pythonCheck,
  'uv-sync-deps': depsSyncCheck,
  'uv-sync': syncCheck,
  'ruff-format': ruffFormatCheck,
  'ruff-check': ruffCheck,
  types: typesCheck,
  pytest: pytestCheck,
  coverage: coverageCheck,
  'diff-coverage': diffCoverageCheck,
  'pip-audit': pipAuditCheck,
  bandit: banditCheck,
};

/** Every check the configuration asks for, in registry order, then the custom ones. Disabled ones come back apart, to be reported as skipped. */
export function buildChecks(c: GateConfig, locked: ReadonlySet<string> = new Set()): { enabled: CheckDefinition[]; disabled: { id: string; phase: string }[] } {
  // The dependencies-only sync exists in strict order alone; in overlap order it is not a check at all.
  const ids = BUILTIN_CHECKS.filter((id) => id !== 'uv-sync-deps' || c.order === 'strict');
  const enabled = ids.filter((id) => c.checks[id].enabled).map((id) => DEFINITIONS[id](c, locked));
  const disabled = ids.filter((id) => !c.checks[id].enabled).map((id) => ({ id, phase: c.checks[id].phase }));
  enabled.push(...c.custom.map((x) => customCheck(c, x)));
  return { enabled, disabled };
}
