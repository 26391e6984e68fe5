/**
 * Characters XML forbids, which real report writers emit anyway (a NUL or an ANSI escape in captured output,
 * written as is or as `&#27;`): they become U+FFFD, the replacement character, rather than a refusal of the
 * whole report. Two linear searches find none in an ordinary report, which is then returned as it is.
 */

/** A character no XML document may hold: C0 controls but tab, LF and CR; U+FFFE and U+FFFF. */
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Comments, CDATA and processing instructions (left as they are: a reference there is literal text), or a character reference. */
const MARKUP_OR_REFERENCE = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|&#(?:x([0-9A-Fa-f]+)|([0-9]+));/;

/** XML 1.0 `Char`: the code points a document may hold. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * The document with every forbidden character replaced by U+FFFD (the same length, so positions in errors
 * still hold) and every character reference to one replaced by `&#xFFFD;`; the same string when there is none.
 */
export function replaceForbiddenCharacters(text: string): string {
  let out = FORBIDDEN_CHAR.test(text) ? text.replace(everywhere(FORBIDDEN_CHAR), '\uFFFD') : text;
  if (hasForbiddenReference(out)) {
    out = out.replace(everywhere(MARKUP_OR_REFERENCE), (m: string, hex: string | undefined, dec: string | undefined) => {
      if (hex === undefined && dec === undefined) return m;
      return isXmlChar(hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? '', 10)) ? m : '&#xFFFD;';
    });
  }
  return out;
}

/** A global copy of `re`, made where it is used (a global RegExp carries its position from one use to the next). */
function everywhere(re: RegExp): RegExp {
  return new RegExp(re.source, 'g');
}

/** Whether some `&#…;` denotes a forbidden character (wherever it is: in CDATA it is only text, which the replacement then leaves alone). */
function hasForbiddenReference(text: string): boolean {
  for (let i = text.indexOf('&#'); i >= 0; i = text.indexOf('&#', i + 2)) {
    const hex = text.charCodeAt(i + 2) === 0x78; /* x */
    let cp = 0;
    let j = hex ? i + 3 : i + 2;
    const start = j;
    for (; j < text.length && j - start < 12; j++) {
      const c = text.charCodeAt(j);
      const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && c >= 0x61 && c <= 0x66 ? c - 0x57 : hex && c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
      if (d < 0) break;
      cp = cp * (hex ? 16 : 10) + d;
    }
    if (j > start && text.charCodeAt(j) === 0x3b /* ; */ && !isXmlChar(cp)) return true;
    if (j - start >= 12) return true; // a number too long to be a character: let the replacement judge it
  }
  return false;
}
