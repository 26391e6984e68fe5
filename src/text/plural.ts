/** `1 file`, `3 files`; `1 vulnerability`, `2 vulnerabilities` with the plural given. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
