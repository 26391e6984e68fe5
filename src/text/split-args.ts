/** Splitting user-supplied extra arguments (SECURITY.md R2.9): POSIX sh quoting, no expansion. Pure. */
const SPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v']);
const ESCAPABLE_IN_DOUBLE = new Set(['"', '\\', '$', '`']);

/**
 * Splits one string of extra arguments (an input or a `[tool.nebula-gate]` string) into argv words,
 * with POSIX `sh` quoting rules and nothing else:
 *
 * - Words are separated by runs of ASCII whitespace (space, tab, newline, CR, FF, VT) outside quotes.
 * - `'single quotes'` keep everything up to the next `'` literally; there is no escape inside them.
 * - `"double quotes"` keep everything literally except that a backslash before `"`, `\`, `$` or a
 *   backtick yields that character, and a backslash before a newline removes both. Any other
 *   backslash stays (`"C:\dir"` is `C:\dir`).
 * - Outside quotes a backslash makes the next character literal (`a\ b` is one word `a b`); a
 *   backslash before a newline removes both.
 * - Quoted and unquoted parts next to each other form one word: `--x="a b"` is `--x=a b`; `''` is an
 *   empty argument.
 * - No expansion of any kind: `$VAR`, `~`, `*`, `?`, `[…]`, `{…}`, `` `…` `` and `#` are plain text;
 *   `;`, `|`, `&`, `<`, `>` are plain text too, since no shell ever sees the words.
 * - An unclosed quote, a backslash at the very end, or a NUL character is an error.
 */
export function splitArgs(s: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`cannot split arguments ${JSON.stringify(s)}: ${what}`);
  };
  const continuation = (at: number): number => {
    // Length of a line break right after a backslash at `at`, or 0.
    if (s[at + 1] === '\n') return 1;
    if (s[at + 1] === '\r') return s[at + 2] === '\n' ? 2 : 1;
    return 0;
  };
  if (s.includes('\0')) fail('NUL characters are not allowed');

  while (i < s.length) {
    const c = s[i]!;
    if (SPACE.has(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) fail(`unbalanced single quote (the ' at character ${i + 1} is never closed)`);
      word += s.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      const open = i;
      i++;
      let closed = false;
      while (i < s.length) {
        const d = s[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < s.length) {
          const skip = continuation(i);
          if (skip > 0) {
            i += 1 + skip;
            continue;
          }
          if (ESCAPABLE_IN_DOUBLE.has(s[i + 1]!)) {
            word += s[i + 1]!;
            i += 2;
            continue;
          }
        }
        word += d;
        i++;
      }
      if (!closed) fail(`unbalanced double quote (the " at character ${open + 1} is never closed)`);
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 >= s.length) fail('a backslash at the end escapes nothing');
      const skip = continuation(i);
      if (skip > 0) {
        i += 1 + skip;
        continue;
      }
      // A whole code point, not half of a surrogate pair.
      const next = String.fromCodePoint(s.codePointAt(i + 1)!);
      word += next;
      inWord = true;
      i += 1 + next.length;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}
