/**
 * Workflow-command neutralisation (SECURITY.md R2.4) for untrusted strings written to the log outside a
 * `::stop-commands::` fence (the CLI in CI, error messages that quote a report, annotation text).
 *
 * The runner reads its log line by line (it splits on `\n`, `\r` and `\r\n`) and treats a line as a
 * command when it starts with `::` after leading whitespace, or when it contains `##[` (the old syntax).
 * We insert a zero-width space, which is neither whitespace nor part of a command name, so
 * `::error::x` becomes `:\u200b:error::x` and `##[group]` becomes `#\u200b#[group]` — still readable.
 * Every line terminator a reader might honour counts as a line start here, not only `\n`.
 */

const ZWSP = '\u200b';

/** A line start (string start or after any line terminator), optional whitespace, then `::`. */
const COMMAND_AT_LINE_START = /(^|\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029])([^\S\n\r\u000b\u000c\u2028\u2029]*)::/g;

export function neutraliseCommands(input: string): string {
  const s = typeof input === 'string' ? input : String(input ?? '');
  if (!s.includes('::') && !s.includes('##[')) return s;
  return s.replace(COMMAND_AT_LINE_START, `$1$2:${ZWSP}:`).replace(/##\[/g, `#${ZWSP}#[`);
}
