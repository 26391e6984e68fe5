import { randomBytes } from 'node:crypto';
import { neutraliseCommands } from '../text/commands.js';

/**
 * Re-emitting a tool's captured output (SECURITY.md R2.1, R2.2): inside a `::stop-commands::<token>`
 * fence, under a group title that cannot act as a command.
 */

export interface LogSink {
  write(text: string): void;
}

export interface FenceOptions {
  /** Wrap in `::group::`/`::endgroup::`. Default: when running in GitHub Actions (`GITHUB_ACTIONS=true`). */
  group?: boolean;
}

/**
 * Writes a tool's captured output so the runner executes none of the workflow commands in it:
 *
 *     ::group::<title>            (in GitHub Actions; before the fence, or the runner would not act on it)
 *     ::stop-commands::<token>
 *     <output>
 *     ::<token>::                 (always written, from a `finally`)
 *     ::endgroup::                (after the resume line, for the same reason)
 *
 * The token is 16 random bytes, new on every call and created after the child has finished, so the
 * child can neither know nor print it.
 */
export function emitFenced(sink: LogSink, title: string, output: string, options: FenceOptions = {}): void {
  const group = options.group ?? process.env['GITHUB_ACTIONS'] === 'true';
  const token = randomBytes(16).toString('hex');
  if (group) sink.write(`::group::${groupTitle(title)}\n`);
  try {
    sink.write(`::stop-commands::${token}\n`);
    // The resume line must start a line of its own, or the runner never sees it.
    sink.write(output === '' || output.endsWith('\n') ? output : `${output}\n`);
  } finally {
    try {
      sink.write(`::${token}::\n`);
    } finally {
      if (group) sink.write('::endgroup::\n');
    }
  }
}

/**
 * A group title on one line that cannot act as a command. The runner splits lines at CR and LF and
 * decodes `%25`, `%0D`, `%0A` in command data: control characters become spaces, `%` is escaped so the
 * title shows as written, and `neutraliseCommands` defuses a leading `::` and any `##[`.
 */
function groupTitle(title: string): string {
  const oneLine = title.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
  return neutraliseCommands(oneLine.replace(/%/g, '%25'));
}
