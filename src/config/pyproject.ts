/** Reading pyproject.toml: the `[tool]` tables the gate consults. Pure (the text comes in). */
import { parse as parseToml } from 'smol-toml';
import { ConfigError } from './errors.js';
import { isTable, type Table } from './values.js';

export interface ParsedPyproject {
  tool: Table;
  gateTable: Table;
}

export function parsePyproject(text: string, path = 'pyproject.toml'): ParsedPyproject {
  let doc: Table;
  try {
    doc = parseToml(text) as Table;
  } catch (e) {
    throw new ConfigError(`${path}: not valid TOML: ${(e as Error).message.split('\n')[0]}`);
  }
  const tool = isTable(doc.tool) ? doc.tool : {};
  const gateTable = tool['nebula-gate'] ?? {};
  if (!isTable(gateTable)) throw new ConfigError('[tool.nebula-gate] must be a table');
  return { tool, gateTable };
}

/** pytest's `testpaths` from [tool.pytest.ini_options], or ['.'] — where sharding looks for test files. */
export function pytestTestpaths(pyprojectText: string): string[] {
  const { tool } = parsePyproject(pyprojectText);
  const pytest = isTable(tool.pytest) ? tool.pytest : {};
  const ini = isTable(pytest.ini_options) ? pytest.ini_options : {};
  const paths = ini.testpaths;
  if (typeof paths === 'string' && paths.trim() !== '') return paths.trim().split(/\s+/);
  if (Array.isArray(paths) && paths.length > 0 && paths.every((p) => typeof p === 'string')) return paths;
  return ['.'];
}
