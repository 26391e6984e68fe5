import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 318:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(811);

await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .cli */ .xw)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 811:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  xw: () => (/* binding */ cli)
});

// UNUSED EXPORTS: USAGE, main

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/error.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/primitive.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/date.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/extract.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/util.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/struct.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/parse.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/stringify.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let BARE_KEY = /^[a-z0-9-_]+$/i;
let HAS_WELLFORMED = !!(''.isWellFormed);
function extendedTypeOf(obj) {
    let type = typeof obj;
    if (type === 'object') {
        if (Array.isArray(obj))
            return 'array';
        if (typeof obj.getUTCDate === 'function' && obj instanceof Date)
            return 'date';
        if (globalThis.Temporal) {
            if (obj.until) {
                if (obj instanceof Temporal.ZonedDateTime)
                    return 'temporal/tz+uc';
                if (obj instanceof Temporal.PlainDateTime || obj instanceof Temporal.PlainDate)
                    return 'temporal/uc';
                if (obj instanceof Temporal.PlainTime || obj instanceof Temporal.Instant)
                    return 'temporal';
                if (obj instanceof Temporal.PlainYearMonth)
                    return 'temporal/x';
            }
            else if ((obj.toPlainDate && obj instanceof Temporal.PlainMonthDay) ||
                (obj.negated && obj instanceof Temporal.Duration)) {
                return 'temporal/x';
            }
        }
    }
    return type;
}
function isArrayOfTables(obj) {
    for (let i = 0; i < obj.length; i++) {
        if (extendedTypeOf(obj[i]) !== 'object')
            return false;
    }
    return obj.length != 0;
}
function formatWellFormedStringUnchecked(s) {
    return JSON.stringify(s).replaceAll('\x7f', '\\u007f');
}
function formatString(s) {
    return formatWellFormedStringUnchecked(HAS_WELLFORMED ? s.toWellFormed() : s);
}
function formatKey(s) {
    if (BARE_KEY.test(s))
        return s;
    if (HAS_WELLFORMED && !s.isWellFormed())
        throw new RangeError('key contains illegal lone surrogates');
    return formatWellFormedStringUnchecked(s);
}
function stringifyValue(val, type, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    switch (type) {
        // @ts-expect-error -- intentional fallthrough case
        case 'number':
            if (isNaN(val))
                return 'nan';
            if (val === Infinity)
                return 'inf';
            if (val === -Infinity)
                return '-inf';
            if (Number.isInteger(val) && (numberAsFloat || !Number.isSafeInteger(val)))
                return val.toFixed(1);
        case 'bigint':
        case 'boolean':
        case 'temporal':
            return val.toString();
        case 'string':
            return formatString(val);
        case 'date':
            if (isNaN(val.getTime()))
                throw new TypeError('cannot serialize invalid date');
            return val.toISOString();
        case 'object':
            return stringifyInlineTable(val, depth, numberAsFloat, strictTemporal);
        case 'array':
            return stringifyArray(val, depth, numberAsFloat, strictTemporal);
        // @ts-expect-error -- intentional fallthrough case
        case 'temporal/tz+uc':
            if (strictTemporal) {
                let tz = val.timeZoneId;
                let tzc = tz.charCodeAt(0);
                if (
                // Classic offset
                tzc !== 0x2b /* + */ && tzc !== 0x2d /* - */ &&
                    (
                    // Fast pre-check pass; see below for the actually accepted values
                    (tzc !== 0x55 /* U */ && tzc !== 0x47 /* G */ && tzc !== 0x5a /* Z */ && tzc !== 0x45 /* E */) ||
                        (
                        // UTC and its aliases; Temporal implementations don't all canonicalise unfortunately
                        tz !== 'UTC' && tz !== 'UCT' && tz !== 'Universal' && tz !== 'Zulu' &&
                            // GMT is a TZ but it's for all intents and purposes equivalent to UTC. Safe to downgrade.
                            !tz.startsWith('GMT') && tz !== 'Greenwich' &&
                            // Etc/* are all safe to downgrade to offset (either UTC, GMT, or offset)
                            !tz.startsWith('Etc/')))) {
                    throw new TypeError('Temporal objects with an IANA timezone are not allowed in Temporal strict mode');
                }
            }
        case 'temporal/uc':
            if (strictTemporal && val.calendarId !== 'iso8601')
                throw new TypeError('Temporal objects with a non-default calendar are not allowed in Temporal strict mode');
            return val.toString({
                calendarName: 'never',
                timeZoneName: 'never',
            });
        case 'temporal/x':
            throw new TypeError('Unsupported ' + val[Symbol.toStringTag]);
    }
}
function stringifyInlineTable(obj, depth, numberAsFloat, strictTemporal) {
    let keys = Object.keys(obj);
    if (keys.length === 0)
        return '{}';
    let res = '{ ';
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (i)
            res += ', ';
        res += formatKey(k) + ' = ' + stringifyValue(obj[k], extendedTypeOf(obj[k]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' }';
}
function stringifyArray(array, depth, numberAsFloat, strictTemporal) {
    if (array.length === 0)
        return '[]';
    let res = '[ ';
    for (let i = 0; i < array.length; i++) {
        if (i)
            res += ', ';
        if (array[i] === null || array[i] === void 0) {
            throw new TypeError('arrays cannot contain null or undefined values');
        }
        res += stringifyValue(array[i], extendedTypeOf(array[i]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' ]';
}
function stringifyArrayTable(array, key, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let res = '';
    for (let i = 0; i < array.length; i++) {
        res += `${res && '\n'}[[${key}]]\n`;
        res += stringifyTable(0, array[i], key, depth, numberAsFloat, strictTemporal);
    }
    return res;
}
function stringifyTable(tableKey, obj, prefix, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let preamble = '';
    let tables = '';
    let keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (obj[k] !== null && obj[k] !== void 0) {
            let type = extendedTypeOf(obj[k]);
            if (type === 'symbol' || type === 'function') {
                throw new TypeError(`cannot serialize values of type '${type}'`);
            }
            let key = formatKey(k);
            if (type === 'array' && isArrayOfTables(obj[k])) {
                tables += (tables && '\n') + stringifyArrayTable(obj[k], prefix ? `${prefix}.${key}` : key, depth - 1, numberAsFloat, strictTemporal);
            }
            else if (type === 'object') {
                let tblKey = prefix ? `${prefix}.${key}` : key;
                tables += (tables && '\n') + stringifyTable(tblKey, obj[k], tblKey, depth - 1, numberAsFloat, strictTemporal);
            }
            else {
                preamble += key;
                preamble += ' = ';
                preamble += stringifyValue(obj[k], type, depth, numberAsFloat, strictTemporal);
                preamble += '\n';
            }
        }
    }
    if (tableKey && (preamble || !tables)) // Create table only if necessary
        preamble = preamble ? `[${tableKey}]\n${preamble}` : `[${tableKey}]`;
    return preamble && tables
        ? `${preamble}\n${tables}`
        : preamble || tables;
}
function stringify(obj, { maxDepth = 1000, numbersAsFloat = false, strictTemporal = false } = {}) {
    if (extendedTypeOf(obj) !== 'object') {
        throw new TypeError('stringify can only be called with an object');
    }
    let str = stringifyTable(0, obj, '', maxDepth, numbersAsFloat, strictTemporal);
    if (str[str.length - 1] !== '\n')
        return str + '\n';
    return str;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/index.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */





/** @deprecated use `import * as ... from 'smol-toml'` instead */
/* harmony default export */ const dist = ({ parse: parse, stringify: stringify, TomlDate: TomlDate, TomlError: TomlError });

;// CONCATENATED MODULE: ./src/gate/gate.ts
/** The five built-in phases, in order. Projects may rename or re-order them in [tool.nebula-gate]. */
const DEFAULT_PHASES = ['setup', 'quality', 'tests', 'coverage', 'security'];
/**
 * Any `error` makes the phase `error`, which never counts as a pass; any `failed` makes it `failed`.
 * A phase whose checks were all skipped (or that has none) is `skipped`: skipping is the user's choice,
 * so it neither blocks the gate nor stops the phase-reached count.
 */
function phaseStatus(checks) {
    if (checks.some((c) => c.status === 'error'))
        return 'error';
    if (checks.some((c) => c.status === 'failed'))
        return 'failed';
    if (checks.length === 0 || checks.every((c) => c.status === 'skipped'))
        return 'skipped';
    return 'passed';
}
const isOk = (s) => s === 'passed' || s === 'skipped';
/** Pure: checks grouped by phase + the gate index → verdict, phase reached, and the reason. */
function decide(phaseNames, gateIndex, results) {
    const phases = phaseNames.map((name, index) => {
        const checks = results.filter((r) => r.phase === name);
        return { index, name, required: index <= gateIndex, status: phaseStatus(checks), checks };
    });
    const orphans = results.filter((r) => !phaseNames.includes(r.phase));
    if (orphans.length > 0) {
        // inputs.ts validates phases, so this is a programming error: refuse rather than silently drop a check.
        throw new Error(`checks with unknown phase: ${orphans.map((o) => `${o.id} (${o.phase})`).join(', ')}`);
    }
    let phaseReached = -1;
    for (const p of phases) {
        if (!isOk(p.status))
            break;
        phaseReached = p.index;
    }
    const blocking = phases.find((p) => p.required && !isOk(p.status)) ?? null;
    const gateName = phaseNames[gateIndex] ?? String(gateIndex);
    if (blocking === null) {
        const advisory = phases.filter((p) => !p.required && !isOk(p.status)).map((p) => p.name);
        const tail = advisory.length > 0 ? `; advisory phase${advisory.length > 1 ? 's' : ''} not passing: ${advisory.join(', ')}` : '';
        return { verdict: 'pass', phaseReached, blockedBy: null, why: `every phase up to the gate (${gateName}) passed${tail}`, phases };
    }
    const bad = blocking.checks.filter((c) => !isOk(c.status));
    const detail = bad.map((c) => `${c.id} ${c.status === 'error' ? 'could not run' : 'failed'}: ${c.summary}`).join('; ');
    return {
        verdict: 'fail',
        phaseReached,
        blockedBy: blocking.name,
        why: `blocked at ${blocking.name} (gate: ${gateName}): ${detail}`,
        phases,
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./src/checks/process.ts






/**
 * Running the project's tools (SECURITY.md R2): argv only, never a shell; each child leads its own
 * process group so a timeout kills the whole tree; the environment loses the runner's secrets and
 * file-command paths; output is captured (stdout and stderr merged) and re-emitted inside a
 * `::stop-commands::<token>` fence.
 */
const DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
const DEFAULT_MAX_STDOUT_BYTES = 32 * 1024 * 1024;
const DEFAULT_GRACE_MS = 2000;
const NOTE = '[nebula-gate]';
const MAX_TIMER_MS = 2 ** 31 - 1;
const isWindows = process.platform === 'win32';
/**
 * Runs one program and collects its merged output. Never throws for a tool's failure: a non-zero
 * exit, a timeout, a missing binary or a cancellation are all data in the result.
 *
 * On POSIX the child is spawned `detached`, i.e. in a new session whose process group id is its pid,
 * so `kill(-pid)` reaches every descendant that did not start its own session. On timeout or abort:
 * SIGTERM to the group, SIGKILL after `graceMs`; the promise resolves when the pipes close, or shortly
 * after the SIGKILL even if something still holds them. When the tool exits on its own, anything it left
 * behind in its group is killed too, and pipes still held open after `graceMs` stop being waited for.
 * On Windows (no process groups) the tree is killed with `taskkill /T /F`.
 */
function runProcess(spec) {
    const started = performance.now();
    const graceMs = spec.graceMs ?? DEFAULT_GRACE_MS;
    const output = new TailBuffer(spec.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
    const stdout = new TailBuffer(spec.maxStdoutBytes ?? DEFAULT_MAX_STDOUT_BYTES);
    const stdoutDecoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    const notes = [];
    const program = spec.argv[0];
    const early = (spawnError, cancelled) => Promise.resolve({
        exitCode: null,
        signal: null,
        timedOut: false,
        cancelled,
        spawnError,
        output: '',
        droppedBytes: 0,
        stdout: '',
        stdoutDroppedBytes: 0,
        durationMs: Math.round(performance.now() - started),
    });
    if (program === undefined || program === '')
        return early('empty command', false);
    if (spec.signal?.aborted)
        return early(null, true);
    let child;
    try {
        child = (0,external_node_child_process_namespaceObject.spawn)(program, spec.argv.slice(1), {
            cwd: spec.cwd,
            env: spec.env,
            shell: false,
            detached: !isWindows,
            windowsHide: true,
            stdio: [spec.stdin ?? 'ignore', 'pipe', 'pipe'],
        });
    }
    catch (e) {
        // Synchronous failures: a NUL byte in argv, EINVAL for .bat/.cmd on Windows, bad option types.
        return early(describeSpawnError(e, program, spec.cwd), false);
    }
    return new Promise((resolve) => {
        let done = false;
        let exitCode = null;
        let exitSignal = null;
        let exited = false;
        let timedOut = false;
        let cancelled = false;
        let killing = false;
        const timers = new Set();
        const later = (ms, fn) => {
            const t = setTimeout(() => {
                timers.delete(t);
                fn();
            }, ms);
            timers.add(t);
        };
        const merged = new LineMerger(output);
        child.stdout?.on('data', (b) => {
            merged.write('out', b);
            stdout.push(stdoutDecoder.write(b));
        });
        child.stderr?.on('data', (b) => merged.write('err', b));
        // A destroyed or broken pipe must not become an uncaught exception.
        child.stdout?.on('error', () => undefined);
        child.stderr?.on('error', () => undefined);
        const finish = (spawnError = null) => {
            if (done)
                return;
            done = true;
            for (const t of timers)
                clearTimeout(t);
            timers.clear();
            spec.signal?.removeEventListener('abort', onAbort);
            child.stdout?.destroy();
            child.stderr?.destroy();
            merged.end();
            stdout.push(stdoutDecoder.end());
            const data = stdout.result();
            const { text, dropped } = output.result();
            let out = text;
            if (dropped > 0)
                out = `${NOTE} ${dropped} bytes of earlier output dropped (limit ${output.limit} bytes)\n${out}`;
            if (notes.length > 0)
                out += `${out === '' || out.endsWith('\n') ? '' : '\n'}${notes.map((n) => `${NOTE} ${n}\n`).join('')}`;
            resolve({
                exitCode,
                signal: exitSignal,
                timedOut,
                cancelled,
                spawnError,
                output: out,
                droppedBytes: dropped,
                stdout: data.text,
                stdoutDroppedBytes: data.dropped,
                durationMs: Math.round(performance.now() - started),
            });
        };
        const stop = (why) => {
            // Once the tool has exited on its own, neither a late timeout nor an abort changes its result.
            if (done || killing || exited)
                return;
            killing = true;
            if (why === 'timeout') {
                timedOut = true;
                notes.push(`timed out after ${spec.timeoutMs} ms; process tree killed`);
            }
            else {
                cancelled = true;
                notes.push('cancelled; process tree killed');
            }
            killTree(child, 'SIGTERM');
            later(graceMs, () => {
                killTree(child, 'SIGKILL');
                // Normally 'close' follows at once. If not (a process stuck in the kernel, or a descendant that
                // escaped the group still holding the pipes), stop waiting: never hang the gate.
                later(500, () => finish());
            });
        };
        function onAbort() {
            stop('abort');
        }
        child.on('error', (e) => {
            // After a successful spawn, 'error' only reports a failed kill(); that is handled by killTree.
            if (child.pid === undefined)
                finish(describeSpawnError(e, program, spec.cwd));
        });
        child.on('exit', (code, sig) => {
            exited = true;
            exitCode = code;
            exitSignal = sig;
            clearTimeout(deadline);
            if (killing)
                return; // the kill sequence already bounds the wait
            later(graceMs, () => {
                // The tool is gone but something it started still holds stdout/stderr open.
                notes.push('processes left behind by the tool kept its output open; they were killed');
                killGroup(child, 'SIGKILL');
                // 'close' normally follows at once, with whatever was still in the pipes.
                later(500, () => finish());
            });
        });
        child.on('close', () => {
            // Whatever the tool left running in its group (daemons, stray workers) goes with it.
            if (exited)
                killGroup(child, 'SIGKILL');
            finish();
        });
        // setTimeout fires at once for delays above 2^31-1 ms (~24.8 days): clamp rather than time out.
        const deadline = setTimeout(() => stop('timeout'), Math.min(spec.timeoutMs, MAX_TIMER_MS));
        timers.add(deadline);
        spec.signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** Signals the child's whole tree: its process group on POSIX, `taskkill /T /F` on Windows. */
function killTree(child, signal) {
    if (child.pid === undefined)
        return;
    if (isWindows) {
        // Console programs ignore a polite taskkill, so both stages force. taskkill by absolute path:
        // a PATH entry must not decide which program kills the tree.
        const taskkill = (0,external_node_path_namespaceObject.join)(process.env['SystemRoot'] ?? 'C:\\Windows', 'System32', 'taskkill.exe');
        try {
            const k = (0,external_node_child_process_namespaceObject.spawn)(taskkill, ['/T', '/F', '/PID', String(child.pid)], { stdio: 'ignore', windowsHide: true });
            k.on('error', () => child.kill(signal));
        }
        catch {
            child.kill(signal);
        }
        return;
    }
    if (!killGroup(child, signal)) {
        try {
            child.kill(signal);
        }
        catch {
            // already gone
        }
    }
}
/** kill(-pid): the group the detached child leads. False when there is no such group (or on Windows). */
function killGroup(child, signal) {
    if (isWindows || child.pid === undefined)
        return false;
    try {
        process.kill(-child.pid, signal);
        return true;
    }
    catch {
        return false; // ESRCH: the group is empty
    }
}
function describeSpawnError(e, program, cwd) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code === 'ENOENT') {
        // Node reports a missing cwd as ENOENT of the command too; say which one it was.
        if (!isDirectory(cwd))
            return `working directory not found: ${cwd}`;
        return `command not found: ${program}`;
    }
    if (code === 'EACCES')
        return `permission denied: ${program}`;
    const message = e instanceof Error ? e.message : String(e);
    return `could not start ${program}: ${message}`;
}
function isDirectory(p) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(p).isDirectory();
    }
    catch {
        return false;
    }
}
/**
 * Merges stdout and stderr a whole line at a time, in the order the lines arrive, so that a partial
 * line of one stream is never glued to a line of the other (which could also hide a `::command` from
 * whoever reads the log). A partial line waits for its newline, up to 64 KiB (progress bars), and is
 * flushed at the end. Each stream is decoded as UTF-8 on its own, so a character split across reads
 * survives.
 */
class LineMerger {
    sink;
    decoders = { out: new external_node_string_decoder_namespaceObject.StringDecoder('utf8'), err: new external_node_string_decoder_namespaceObject.StringDecoder('utf8') };
    pending = { out: '', err: '' };
    last = null;
    atLineStart = true;
    constructor(sink) {
        this.sink = sink;
    }
    write(stream, chunk) {
        const text = this.pending[stream] + this.decoders[stream].write(chunk);
        const cut = text.lastIndexOf('\n') + 1;
        if (cut > 0)
            this.emit(stream, text.slice(0, cut));
        const rest = text.slice(cut);
        if (rest.length > PARTIAL_LINE_LIMIT) {
            this.emit(stream, rest);
            this.pending[stream] = '';
        }
        else {
            this.pending[stream] = rest;
        }
    }
    end() {
        for (const stream of ['out', 'err']) {
            this.emit(stream, this.pending[stream] + this.decoders[stream].end());
            this.pending[stream] = '';
        }
    }
    emit(stream, text) {
        if (text === '')
            return;
        // A partial line flushed earlier is ended before the other stream continues.
        if (!this.atLineStart && this.last !== stream)
            this.sink.push('\n');
        this.sink.push(text);
        this.last = stream;
        this.atLineStart = text.endsWith('\n');
    }
}
const PARTIAL_LINE_LIMIT = 64 * 1024;
/** Keeps the last `limit` bytes (UTF-8) of what is pushed, and counts what it dropped. */
class TailBuffer {
    limit;
    pieces = [];
    sizes = [];
    head = 0;
    kept = 0;
    dropped = 0;
    constructor(limit) {
        this.limit = limit;
    }
    push(s) {
        if (s === '')
            return;
        const n = Buffer.byteLength(s, 'utf8');
        this.pieces.push(s);
        this.sizes.push(n);
        this.kept += n;
        // Drop whole pieces while the rest still covers the limit; the last partial cut happens in result().
        while (this.head < this.pieces.length - 1 && this.kept - this.sizes[this.head] >= this.limit) {
            this.kept -= this.sizes[this.head];
            this.dropped += this.sizes[this.head];
            this.head++;
        }
        if (this.head > 1024 && this.head * 2 > this.pieces.length) {
            this.pieces = this.pieces.slice(this.head);
            this.sizes = this.sizes.slice(this.head);
            this.head = 0;
        }
    }
    result() {
        let text = this.pieces.slice(this.head).join('');
        let dropped = this.dropped;
        if (this.kept > this.limit) {
            const bytes = Buffer.from(text, 'utf8');
            let start = bytes.length - this.limit;
            // Do not start inside a multi-byte character.
            while (start < bytes.length && (bytes[start] & 0xc0) === 0x80)
                start++;
            dropped += start;
            text = bytes.subarray(start).toString('utf8');
        }
        return { text, dropped };
    }
}
// ---------------------------------------------------------------------------------------------------
// Environment (R2.6)
const REMOVED_NAMES = new Set([
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_CACHE_SERVICE_V2',
    'ACTIONS_RESULTS_URL',
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'GITHUB_OUTPUT',
    'GITHUB_ENV',
    'GITHUB_PATH',
    'GITHUB_STATE',
    'GITHUB_STEP_SUMMARY',
]);
const REMOVED_PREFIXES = ['ACTIONS_ID_TOKEN_REQUEST_', 'INPUT_'];
/** True for a variable a child must not see (compared case-insensitively: Windows keys are). */
function isRemovedEnvName(name) {
    const upper = name.toUpperCase();
    return REMOVED_NAMES.has(upper) || REMOVED_PREFIXES.some((p) => upper.startsWith(p));
}
/**
 * The environment for a tool: a copy of `parent` without the runner's tokens, service URLs, action
 * inputs and file-command paths (SECURITY.md R2.6), plus `extra`. Everything else (PATH, HOME,
 * GITHUB_WORKSPACE, GITHUB_SHA, CI, …) is kept. `extra` comes from the action itself; naming a removed
 * variable there is a programming error and throws. On Windows, where names are case-insensitive, an
 * `extra` entry replaces any differently-cased copy (`Path` vs `PATH`).
 */
function childEnvironment(parent, extra = {}, platform = process.platform) {
    const env = {};
    for (const [k, v] of Object.entries(parent)) {
        if (v !== undefined && !isRemovedEnvName(k))
            env[k] = v;
    }
    for (const [k, v] of Object.entries(extra)) {
        if (isRemovedEnvName(k))
            throw new Error(`childEnvironment: ${k} must never be passed to a tool`);
        if (platform === 'win32') {
            for (const existing of Object.keys(env)) {
                if (existing.toUpperCase() === k.toUpperCase())
                    delete env[existing];
            }
        }
        env[k] = v;
    }
    return env;
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
function emitFenced(sink, title, output, options = {}) {
    const group = options.group ?? process.env['GITHUB_ACTIONS'] === 'true';
    const token = randomBytes(16).toString('hex');
    if (group)
        sink.write(`::group::${groupTitle(title)}\n`);
    try {
        sink.write(`::stop-commands::${token}\n`);
        // The resume line must start a line of its own, or the runner never sees it.
        sink.write(output === '' || output.endsWith('\n') ? output : `${output}\n`);
    }
    finally {
        try {
            sink.write(`::${token}::\n`);
        }
        finally {
            if (group)
                sink.write('::endgroup::\n');
        }
    }
}
/**
 * A group title on one line that cannot act as a command. The runner splits lines at CR and LF and
 * decodes `%25`, `%0D`, `%0A` in command data: control characters become spaces, `%` is escaped so the
 * title shows as written, and `neutraliseCommands` defuses a leading `::` and any `##[`.
 */
function groupTitle(title) {
    const oneLine = title.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
    return neutraliseCommands(oneLine.replace(/%/g, '%25'));
}
// ---------------------------------------------------------------------------------------------------
// Splitting user-supplied extra arguments (R2.9)
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
function splitArgs(s) {
    const words = [];
    let word = '';
    let inWord = false;
    let i = 0;
    const fail = (what) => {
        throw new Error(`cannot split arguments ${JSON.stringify(s)}: ${what}`);
    };
    const continuation = (at) => {
        // Length of a line break right after a backslash at `at`, or 0.
        if (s[at + 1] === '\n')
            return 1;
        if (s[at + 1] === '\r')
            return s[at + 2] === '\n' ? 2 : 1;
        return 0;
    };
    if (s.includes('\0'))
        fail('NUL characters are not allowed');
    while (i < s.length) {
        const c = s[i];
        if (SPACE.has(c)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
            i++;
        }
        else if (c === "'") {
            const end = s.indexOf("'", i + 1);
            if (end < 0)
                fail(`unbalanced single quote (the ' at character ${i + 1} is never closed)`);
            word += s.slice(i + 1, end);
            inWord = true;
            i = end + 1;
        }
        else if (c === '"') {
            const open = i;
            i++;
            let closed = false;
            while (i < s.length) {
                const d = s[i];
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
                    if (ESCAPABLE_IN_DOUBLE.has(s[i + 1])) {
                        word += s[i + 1];
                        i += 2;
                        continue;
                    }
                }
                word += d;
                i++;
            }
            if (!closed)
                fail(`unbalanced double quote (the " at character ${open + 1} is never closed)`);
            inWord = true;
        }
        else if (c === '\\') {
            if (i + 1 >= s.length)
                fail('a backslash at the end escapes nothing');
            const skip = continuation(i);
            if (skip > 0) {
                i += 1 + skip;
                continue;
            }
            // A whole code point, not half of a surrogate pair.
            const next = String.fromCodePoint(s.codePointAt(i + 1));
            word += next;
            inWord = true;
            i += 1 + next.length;
        }
        else {
            word += c;
            inWord = true;
            i++;
        }
    }
    if (inWord)
        words.push(word);
    return words;
}

;// CONCATENATED MODULE: ./src/inputs.ts
/**
 * The only reader of action inputs and of `[tool.nebula-gate]` in pyproject.toml.
 *
 * Layering, lowest first: built-in defaults → the project's own tool config (`[tool.coverage.report] fail_under`,
 * `[tool.mypy]`/`[tool.pyright]`) → `[tool.nebula-gate]` → action inputs / CLI flags. `resolveConfig` is pure:
 * it takes the pyproject text and the overrides and returns a frozen, validated `GateConfig`, or throws a
 * `ConfigError` that names the key and the values it allows.
 */



const BUILTIN_CHECKS = ['uv', 'python', 'uv-sync', 'ruff-format', 'ruff-check', 'types', 'pytest', 'coverage', 'diff-coverage', 'pip-audit', 'bandit'];
/** The phase each built-in check belongs to unless the project moves it. */
const DEFAULT_CHECK_PHASE = {
    uv: 'setup',
    python: 'setup',
    'uv-sync': 'setup',
    'ruff-format': 'quality',
    'ruff-check': 'quality',
    types: 'quality',
    pytest: 'tests',
    coverage: 'coverage',
    'diff-coverage': 'coverage',
    'pip-audit': 'security',
    bandit: 'security',
};
/** Checks that every later check needs; they cannot be disabled. */
const MANDATORY = new Set(['uv', 'python', 'uv-sync']);
const LEVELS = ['low', 'medium', 'high'];
const TYPE_CHECKERS = ['auto', 'mypy', 'pyright'];
class ConfigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ConfigError';
    }
}
const DEFAULT_COVERAGE_FLOOR = 80;
const DEFAULT_TIMEOUT_SEC = 900;
const TOP_KEYS = [
    'gate', 'fail-fast', 'coverage-floor', 'diff-coverage-floor', 'type-checker', 'python-version', 'phases',
    'disable', 'timeout', 'custom', ...BUILTIN_CHECKS,
];
const CHECK_KEYS = ['enabled', 'phase', 'args', 'timeout', 'severity', 'confidence', 'ignore', 'osv-url'];
const CUSTOM_KEYS = ['id', 'phase', 'command', 'junit', 'cobertura', 'timeout'];
const isTable = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
function oneOf(key, value, allowed) {
    if (typeof value === 'string' && allowed.includes(value))
        return value;
    throw new ConfigError(`${key}: ${JSON.stringify(value)} is not allowed; use one of ${allowed.join(', ')}`);
}
function percent(key, value) {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100) {
        throw new ConfigError(`${key}: ${JSON.stringify(value)} is not a percentage; use a number from 0 to 100`);
    }
    return n;
}
function positiveSeconds(key, value) {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || n > 6 * 3600) {
        throw new ConfigError(`${key}: ${JSON.stringify(value)} is not a timeout; use a number of seconds from 1 to 21600`);
    }
    return n;
}
function bool(key, value) {
    if (typeof value === 'boolean')
        return value;
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    throw new ConfigError(`${key}: ${JSON.stringify(value)} is not allowed; use true or false`);
}
function stringList(key, value) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return value;
    throw new ConfigError(`${key}: expected a list of strings, got ${JSON.stringify(value)}`);
}
/** A list given as one string (input/flag): comma- or newline-separated, blanks dropped. */
function listFromString(s) {
    return s.split(/[,\n]/).map((x) => x.trim()).filter((x) => x !== '');
}
function args(key, value) {
    if (typeof value === 'string') {
        try {
            return splitArgs(value);
        }
        catch (e) {
            throw new ConfigError(`${key}: ${e.message}`);
        }
    }
    return stringList(key, value);
}
function unknownKeys(where, table, allowed) {
    for (const k of Object.keys(table)) {
        if (!allowed.includes(k))
            throw new ConfigError(`${where}.${k}: unknown key; known keys are ${allowed.join(', ')}`);
    }
}
/** Resolve a gate given as a phase name or index into an index. */
function phaseIndex(key, value, phases) {
    const s = typeof value === 'number' ? String(value) : value;
    if (typeof s === 'string') {
        if (/^\d+$/.test(s) && Number(s) < phases.length)
            return Number(s);
        const i = phases.indexOf(s);
        if (i >= 0)
            return i;
    }
    throw new ConfigError(`${key}: ${JSON.stringify(value)} is not a phase; use one of ${phases.join(', ')} (or 0-${phases.length - 1})`);
}
function parsePyproject(text, path = 'pyproject.toml') {
    let doc;
    try {
        doc = parse(text);
    }
    catch (e) {
        throw new ConfigError(`${path}: not valid TOML: ${e.message.split('\n')[0]}`);
    }
    const tool = isTable(doc.tool) ? doc.tool : {};
    const gateTable = tool['nebula-gate'] ?? {};
    if (!isTable(gateTable))
        throw new ConfigError('[tool.nebula-gate] must be a table');
    return { tool, gateTable };
}
/** Pure: defaults ← project tool config ← [tool.nebula-gate] ← overrides. */
function resolveConfig(projectDir, pyprojectText, overrides = {}) {
    const { tool, gateTable: g } = pyprojectText === null ? { tool: {}, gateTable: {} } : parsePyproject(pyprojectText);
    unknownKeys('[tool.nebula-gate]', g, TOP_KEYS);
    const T = '[tool.nebula-gate]';
    const phases = g.phases === undefined ? [...DEFAULT_PHASES] : stringList(`${T} phases`, g.phases);
    if (phases.length === 0 || new Set(phases).size !== phases.length)
        throw new ConfigError(`${T} phases: must be a non-empty list of distinct names`);
    // Checks: defaults, then per-check tables, then the top-level disable list and per-check arg overrides.
    const defaultTimeout = g.timeout === undefined ? DEFAULT_TIMEOUT_SEC : positiveSeconds(`${T} timeout`, g.timeout);
    const timeoutAll = overrides.timeout ? positiveSeconds('timeout', overrides.timeout) : defaultTimeout;
    const checks = {};
    for (const id of BUILTIN_CHECKS) {
        checks[id] = { enabled: true, phase: DEFAULT_CHECK_PHASE[id], args: [], timeoutSec: timeoutAll };
        const t = g[id];
        if (t === undefined)
            continue;
        if (!isTable(t))
            throw new ConfigError(`${T}.${id}: must be a table`);
        unknownKeys(`${T}.${id}`, t, CHECK_KEYS);
        if (t.enabled !== undefined)
            checks[id].enabled = bool(`${T}.${id}.enabled`, t.enabled);
        if (t.phase !== undefined)
            checks[id].phase = String(t.phase);
        if (t.args !== undefined)
            checks[id].args = args(`${T}.${id}.args`, t.args);
        if (t.timeout !== undefined && !overrides.timeout)
            checks[id].timeoutSec = positiveSeconds(`${T}.${id}.timeout`, t.timeout);
    }
    const disabled = [
        ...(g.disable === undefined ? [] : stringList(`${T} disable`, g.disable)),
        ...(overrides.disable ? listFromString(overrides.disable) : []),
    ];
    for (const id of disabled) {
        const known = id === 'mypy' || id === 'pyright' ? 'types' : id;
        if (!BUILTIN_CHECKS.includes(known)) {
            throw new ConfigError(`disable: ${JSON.stringify(id)} is not a check; use any of ${BUILTIN_CHECKS.filter((c) => !MANDATORY.has(c)).join(', ')}`);
        }
        if (MANDATORY.has(known))
            throw new ConfigError(`disable: ${id} cannot be disabled; every other check needs it`);
        checks[known].enabled = false;
    }
    for (const [id, value] of Object.entries(overrides.args ?? {})) {
        if (value === undefined || value.trim() === '')
            continue;
        const known = id === 'mypy' || id === 'pyright' ? 'types' : id;
        if (!BUILTIN_CHECKS.includes(known))
            throw new ConfigError(`${id}-args: ${id} is not a check`);
        checks[known].args = args(`${id}-args`, value);
    }
    for (const id of BUILTIN_CHECKS) {
        if (!phases.includes(checks[id].phase)) {
            throw new ConfigError(`${T}.${id}.phase: ${JSON.stringify(checks[id].phase)} is not a phase; use one of ${phases.join(', ')}`);
        }
    }
    const custom = [];
    if (g.custom !== undefined) {
        if (!Array.isArray(g.custom))
            throw new ConfigError(`${T}.custom: must be an array of tables ([[tool.nebula-gate.custom]])`);
        g.custom.forEach((c, i) => {
            const where = `${T}.custom[${i}]`;
            if (!isTable(c))
                throw new ConfigError(`${where}: must be a table`);
            unknownKeys(where, c, CUSTOM_KEYS);
            if (typeof c.id !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(c.id)) {
                throw new ConfigError(`${where}.id: ${JSON.stringify(c.id)} must be 1-40 characters of a-z, 0-9, - and _`);
            }
            if (BUILTIN_CHECKS.includes(c.id) || custom.some((x) => x.id === c.id)) {
                throw new ConfigError(`${where}.id: ${c.id} is already a check`);
            }
            const phase = typeof c.phase === 'string' ? c.phase : '';
            if (!phases.includes(phase))
                throw new ConfigError(`${where}.phase: ${JSON.stringify(c.phase)} is not a phase; use one of ${phases.join(', ')}`);
            const command = args(`${where}.command`, c.command);
            if (command.length === 0)
                throw new ConfigError(`${where}.command: must not be empty`);
            const reportPath = (key) => {
                const v = c[key];
                if (v === undefined)
                    return null;
                if (typeof v !== 'string' || v === '' || v.includes('\0'))
                    throw new ConfigError(`${where}.${key}: must be a file path`);
                return v;
            };
            custom.push({
                id: c.id,
                phase,
                command,
                junit: reportPath('junit'),
                cobertura: reportPath('cobertura'),
                timeoutSec: c.timeout === undefined ? timeoutAll : positiveSeconds(`${where}.timeout`, c.timeout),
            });
        });
    }
    const gateIndex = overrides.gate
        ? phaseIndex('gate', overrides.gate, phases)
        : g.gate === undefined ? phases.length - 1 : phaseIndex(`${T} gate`, g.gate, phases);
    // Coverage floor: input, else [tool.nebula-gate], else coverage.py's own fail_under, else 80.
    const coverageTool = isTable(tool.coverage) ? tool.coverage : {};
    const coverageReport = isTable(coverageTool.report) ? coverageTool.report : {};
    const coverageRun = isTable(coverageTool.run) ? coverageTool.run : {};
    let coverageFloor = DEFAULT_COVERAGE_FLOOR;
    let coverageFloorSource = 'default';
    if (overrides.coverageFloor) {
        coverageFloor = percent('coverage-floor', overrides.coverageFloor);
        coverageFloorSource = 'input';
    }
    else if (g['coverage-floor'] !== undefined) {
        coverageFloor = percent(`${T} coverage-floor`, g['coverage-floor']);
        coverageFloorSource = '[tool.nebula-gate]';
    }
    else if (coverageReport.fail_under !== undefined) {
        coverageFloor = percent('[tool.coverage.report] fail_under', coverageReport.fail_under);
        coverageFloorSource = '[tool.coverage.report] fail_under';
    }
    const diffCoverageFloor = overrides.diffCoverageFloor
        ? percent('diff-coverage-floor', overrides.diffCoverageFloor)
        : g['diff-coverage-floor'] === undefined ? coverageFloor : percent(`${T} diff-coverage-floor`, g['diff-coverage-floor']);
    // Type checker: explicit choice, else whichever the project configures (pyright only if it configures pyright alone).
    const requested = oneOf('type-checker', overrides.typeChecker || g['type-checker'] || 'auto', TYPE_CHECKERS);
    const hasMypy = isTable(tool.mypy);
    const hasPyright = isTable(tool.pyright);
    const typeChecker = requested !== 'auto' ? requested : hasPyright && !hasMypy ? 'pyright' : 'mypy';
    const checkerTable = typeChecker === 'mypy' ? tool.mypy : tool.pyright;
    const typeCheckerHasFiles = isTable(checkerTable) && (typeChecker === 'mypy' ? checkerTable.files !== undefined : checkerTable.include !== undefined);
    const banditTable = isTable(g.bandit) ? g.bandit : {};
    const auditTable = isTable(g['pip-audit']) ? g['pip-audit'] : {};
    const banditSeverity = oneOf('bandit-severity', overrides.banditSeverity || banditTable.severity || 'medium', LEVELS);
    const banditConfidence = oneOf('bandit-confidence', overrides.banditConfidence || banditTable.confidence || 'medium', LEVELS);
    const ignoreVulns = [
        ...(auditTable.ignore === undefined ? [] : stringList(`${T}.pip-audit.ignore`, auditTable.ignore)),
        ...(overrides.ignoreVulns ? listFromString(overrides.ignoreVulns) : []),
    ];
    const osvRaw = overrides.osvUrl || auditTable['osv-url'] || null;
    if (osvRaw !== null && !/^https?:\/\/[^\s]+$/.test(osvRaw))
        throw new ConfigError(`osv-url: ${JSON.stringify(osvRaw)} is not an http(s) URL`);
    const pythonVersion = overrides.pythonVersion || (g['python-version'] === undefined ? null : String(g['python-version']));
    if (pythonVersion !== null && !/^[\w.+<>=!~*, -]{1,64}$/.test(pythonVersion)) {
        throw new ConfigError(`python-version: ${JSON.stringify(pythonVersion)} is not a version request (e.g. 3.12, 3.13.1, >=3.11)`);
    }
    return Object.freeze({
        projectDir,
        phases,
        gateIndex,
        failFast: overrides.failFast ? bool('fail-fast', overrides.failFast) : g['fail-fast'] === undefined ? false : bool(`${T} fail-fast`, g['fail-fast']),
        coverageFloor,
        coverageFloorSource,
        diffCoverageFloor,
        base: overrides.base || null,
        baseFromEvent: Boolean(overrides.base && overrides.baseFromEvent),
        typeChecker,
        pythonVersion,
        banditSeverity,
        banditConfidence,
        ignoreVulns,
        osvUrl: osvRaw,
        checks,
        custom,
        typeCheckerHasFiles,
        coverageHasSource: coverageRun.source !== undefined || coverageRun.source_pkgs !== undefined,
    });
}
/** The action inputs that feed `Overrides`, read through the given getter (core.getInput in the action). */
const ARG_INPUTS = (/* unused pure expression or super */ null && (['ruff-format', 'ruff-check', 'types', 'pytest', 'pip-audit', 'bandit']));
function readActionOverrides(getInput) {
    const o = {
        gate: getInput('gate'),
        failFast: getInput('fail-fast'),
        coverageFloor: getInput('coverage-floor'),
        diffCoverageFloor: getInput('diff-coverage-floor'),
        base: getInput('base'),
        typeChecker: getInput('type-checker'),
        pythonVersion: getInput('python-version'),
        disable: getInput('disable'),
        timeout: getInput('timeout'),
        banditSeverity: getInput('bandit-severity'),
        banditConfidence: getInput('bandit-confidence'),
        ignoreVulns: getInput('ignore-vulns'),
        osvUrl: getInput('osv-url'),
        args: Object.fromEntries(ARG_INPUTS.map((id) => [id, getInput(`${id}-args`)])),
    };
    return { overrides: o, workingDirectory: getInput('working-directory') || '.' };
}
function readPublishInputs(getInput) {
    const commentId = getInput('comment-id').trim();
    if (commentId !== '' && !/^[A-Za-z0-9._-]{1,64}$/.test(commentId)) {
        throw new ConfigError(`comment-id: ${JSON.stringify(commentId.slice(0, 80))} must be 1-64 characters of A-Z, a-z, 0-9, ., _ and -`);
    }
    return {
        mode: oneOf('mode', getInput('mode') || 'gate', ['gate', 'post', 'collect', 'merge']),
        comment: oneOf('comment', getInput('comment') || 'always', ['off', 'always', 'on-failure', 'on-change']),
        commentId,
        annotations: oneOf('annotations', getInput('annotations') || 'workflow-commands', ['workflow-commands', 'check-run']),
        token: getInput('github-token'),
        payloadPath: getInput('payload-path') || 'nebula-gate-comment',
    };
}
function readFanInputs(getInput) {
    const shardId = getInput('shard-id').trim();
    if (shardId !== '' && !/^[A-Za-z0-9._-]{1,128}$/.test(shardId))
        throw new ConfigError(`shard-id: ${JSON.stringify(shardId.slice(0, 80))} must be 1-128 characters of A-Z, a-z, 0-9, ., _ and -`);
    const expectedShards = listFromString(getInput('expected-shards'));
    const bad = expectedShards.find((id) => !/^[A-Za-z0-9._-]{1,128}$/.test(id));
    if (bad !== undefined)
        throw new ConfigError(`expected-shards: ${JSON.stringify(bad.slice(0, 80))} is not a shard id (A-Z, a-z, 0-9, ., _ and -)`);
    return {
        resultsPath: getInput('results-path').trim() || 'nebula-gate-results',
        testShard: getInput('test-shard').trim(),
        testDurations: getInput('test-durations').trim(),
        shardId,
        expectedShards,
    };
}
/** pytest's `testpaths` from [tool.pytest.ini_options], or ['.'] — where sharding looks for test files. */
function pytestTestpaths(pyprojectText) {
    const { tool } = parsePyproject(pyprojectText);
    const pytest = isTable(tool.pytest) ? tool.pytest : {};
    const ini = isTable(pytest.ini_options) ? pytest.ini_options : {};
    const paths = ini.testpaths;
    if (typeof paths === 'string' && paths.trim() !== '')
        return paths.trim().split(/\s+/);
    if (Array.isArray(paths) && paths.length > 0 && paths.every((p) => typeof p === 'string'))
        return paths;
    return ['.'];
}
const CACHE_MODES = (/* unused pure expression or super */ null && (['venv', 'uv', 'both', 'none']));
function readSetupInputs(getInput) {
    const uvVersion = getInput('uv-version').trim();
    if (uvVersion !== '' && !/^[0-9a-zA-Z.*,<>=!~ ]{1,64}$/.test(uvVersion)) {
        throw new ConfigError(`uv-version: ${JSON.stringify(uvVersion)} is not a version (e.g. 0.13.8) or a range (e.g. >=0.12,<0.14)`);
    }
    const checksum = getInput('uv-checksum').trim().toLowerCase();
    if (checksum !== '' && !/^[0-9a-f]{64}$/.test(checksum))
        throw new ConfigError('uv-checksum: must be a SHA-256 in hex (64 characters)');
    const base = getInput('uv-download-base-url').trim();
    if (base !== '' && !/^https?:\/\/[^\s]+$/.test(base))
        throw new ConfigError(`uv-download-base-url: ${JSON.stringify(base)} is not an http(s) URL`);
    const wheelBase = getInput('uv-wheel-base-url').trim();
    if (wheelBase !== '' && !/^https?:\/\/[^\s]+$/.test(wheelBase))
        throw new ConfigError(`uv-wheel-base-url: ${JSON.stringify(wheelBase)} is not an http(s) URL`);
    const suffix = getInput('cache-suffix').trim();
    if (!/^[A-Za-z0-9._+-]{0,64}$/.test(suffix))
        throw new ConfigError(`cache-suffix: ${JSON.stringify(suffix)} may only hold up to 64 of A-Z, a-z, 0-9, '.', '_', '+', '-'`);
    const allow = getInput('allow-unverified-uv').trim();
    return {
        uvVersion,
        uvChecksum: checksum === '' ? null : checksum,
        allowUnverifiedUv: allow === '' ? false : bool('allow-unverified-uv', allow),
        uvDownloadBaseUrl: base === '' ? null : base.replace(/\/+$/, ''),
        uvWheelBaseUrl: wheelBase === '' ? null : wheelBase.replace(/\/+$/, ''),
        cache: oneOf('cache', getInput('cache').trim() || 'venv', CACHE_MODES),
        cacheSuffix: suffix,
    };
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/reports/model.ts
/**
 * The shared report model. Every parser produces these shapes; every renderer and the gate read them.
 * Totals are always computed from the elements (SECURITY.md R5.6), never stored from a tool's summary.
 */
function summarizeTests(cases) {
    const totals = { total: cases.length, passed: 0, failed: 0, errors: 0, skipped: 0 };
    for (const c of cases) {
        if (c.outcome === 'passed')
            totals.passed++;
        else if (c.outcome === 'failed')
            totals.failed++;
        else if (c.outcome === 'error')
            totals.errors++;
        else
            totals.skipped++;
    }
    return totals;
}
function coverageTotals(files) {
    let linesCovered = 0;
    let linesTotal = 0;
    let branchesCovered = 0;
    let branchesTotal = 0;
    for (const f of files) {
        for (const hits of f.lines.values()) {
            linesTotal++;
            if (hits > 0)
                linesCovered++;
        }
        branchesCovered += f.branchesCovered;
        branchesTotal += f.branchesTotal;
    }
    const denominator = linesTotal + branchesTotal;
    const percent = denominator === 0 ? 100 : ((linesCovered + branchesCovered) / denominator) * 100;
    return { linesCovered, linesTotal, branchesCovered, branchesTotal, percent };
}
/** A report that could not be read: always names the file, so the check can fail closed with a clear message. */
class ReportError extends Error {
    file;
    reason;
    constructor(file, reason) {
        super(`${file}: ${reason}`);
        this.file = file;
        this.reason = reason;
        this.name = 'ReportError';
    }
}

;// CONCATENATED MODULE: ./src/reports/paths.ts
/**
 * Path helpers shared by the report parsers: every path in the model is relative to the project root with
 * POSIX separators, whatever the platform the report was written on.
 */

/** Backslashes to slashes; a Windows drive letter lower-cased so `C:/x` and `c:/x` compare equal. */
function paths_toPosix(p) {
    const s = p.replace(/\\/g, '/');
    return /^[A-Za-z]:\//.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}
/** Absolute on any platform: `/x`, `C:/x`, `//server/share`. */
function isAbsolutePath(p) {
    const s = paths_toPosix(p);
    return s.startsWith('/') || /^[a-z]:\//.test(s);
}
/** `a` joined to `b` in POSIX form (`b` wins when it is absolute). */
function joinPosix(a, b) {
    const pb = paths_toPosix(b);
    if (isAbsolutePath(pb))
        return external_node_path_namespaceObject.posix.normalize(pb);
    return external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(paths_toPosix(a), pb));
}
/** Whether `p` (absolute) is `root` or inside it. */
function isUnder(p, root) {
    const rel = external_node_path_namespaceObject.posix.relative(paths_toPosix(root), paths_toPosix(p));
    return rel === '' || (!rel.startsWith('../') && rel !== '..' && !isAbsolutePath(rel));
}
/**
 * A path from a report made relative to the project root, POSIX separators, no `./`. A relative path is taken
 * as relative to the root already. Returns null for an empty path, a NUL byte, or a path outside the root.
 */
function toProjectPath(file, projectRoot) {
    if (file === '' || file.includes('\0'))
        return null;
    const root = external_node_path_namespaceObject.posix.normalize(paths_toPosix(projectRoot));
    let rel;
    if (isAbsolutePath(file)) {
        const abs = external_node_path_namespaceObject.posix.normalize(paths_toPosix(file));
        if (!isAbsolutePath(root))
            return null;
        rel = external_node_path_namespaceObject.posix.relative(root, abs);
    }
    else {
        rel = external_node_path_namespaceObject.posix.normalize(paths_toPosix(file));
    }
    if (rel.startsWith('./'))
        rel = rel.slice(2);
    if (rel === '' || rel === '.' || rel === '..' || rel.startsWith('../') || isAbsolutePath(rel))
        return null;
    return rel;
}

;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/util.js


const nameStartChar = ':A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const nameChar = nameStartChar + '\\-.\\d\\u00B7\\u0300-\\u036F\\u203F-\\u2040';
const nameRegexp = '[' + nameStartChar + '][' + nameChar + ']*';
const regexName = new RegExp('^' + nameRegexp + '$');

function getAllMatches(string, regex) {
  const matches = [];
  let match = regex.exec(string);
  while (match) {
    const allmatches = [];
    allmatches.startIndex = regex.lastIndex - match[0].length;
    const len = match.length;
    for (let index = 0; index < len; index++) {
      allmatches.push(match[index]);
    }
    matches.push(allmatches);
    match = regex.exec(string);
  }
  return matches;
}

const isName = function (string) {
  const match = regexName.exec(string);
  return !(match === null || typeof match === 'undefined');
}

function isExist(v) {
  return typeof v !== 'undefined';
}

function isEmptyObject(obj) {
  return Object.keys(obj).length === 0;
}

function getValue(v) {
  if (exports.isExist(v)) {
    return v;
  } else {
    return '';
  }
}

/**
 * Dangerous property names that could lead to prototype pollution or security issues
 */
const DANGEROUS_PROPERTY_NAMES = [
  // '__proto__',
  // 'constructor',
  // 'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__'
];

const criticalProperties = ["__proto__", "constructor", "prototype"];
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/validator.js




const defaultOptions = {
  allowBooleanAttributes: false, //A tag can have attributes without any value
  unpairedTags: []
};

//const tagsPattern = new RegExp("<\\/?([\\w:\\-_\.]+)\\s*\/?>","g");
function validate(xmlData, options) {
  options = Object.assign({}, defaultOptions, options);

  //xmlData = xmlData.replace(/(\r\n|\n|\r)/gm,"");//make it single line
  //xmlData = xmlData.replace(/(^\s*<\?xml.*?\?>)/g,"");//Remove XML starting tag
  //xmlData = xmlData.replace(/(<!DOCTYPE[\s\w\"\.\/\-\:]+(\[.*\])*\s*>)/g,"");//Remove DOCTYPE
  const tags = [];
  let tagFound = false;

  //indicates that the root tag has been closed (aka. depth 0 has been reached)
  let reachedRoot = false;

  if (xmlData[0] === '\ufeff') {
    // check for byte order mark (BOM)
    xmlData = xmlData.substr(1);
  }

  for (let i = 0; i < xmlData.length; i++) {

    if (xmlData[i] === '<' && xmlData[i + 1] === '?') {
      i += 2;
      i = readPI(xmlData, i);
      if (i.err) return i;
    } else if (xmlData[i] === '<') {
      //starting of tag
      //read until you reach to '>' avoiding any '>' in attribute value
      let tagStartPos = i;
      i++;

      if (xmlData[i] === '!') {
        i = readCommentAndCDATA(xmlData, i);
        continue;
      } else {
        let closingTag = false;
        if (xmlData[i] === '/') {
          //closing tag
          closingTag = true;
          i++;
        }
        //read tagname
        let tagName = '';
        for (; i < xmlData.length &&
          xmlData[i] !== '>' &&
          xmlData[i] !== ' ' &&
          xmlData[i] !== '\t' &&
          xmlData[i] !== '\n' &&
          xmlData[i] !== '\r'; i++
        ) {
          tagName += xmlData[i];
        }
        tagName = tagName.trim();
        //console.log(tagName);

        if (tagName[tagName.length - 1] === '/') {
          //self closing tag without attributes
          tagName = tagName.substring(0, tagName.length - 1);
          //continue;
          i--;
        }
        if (!validateTagName(tagName)) {
          let msg;
          if (tagName.trim().length === 0) {
            msg = "Invalid space after '<'.";
          } else {
            msg = "Tag '" + tagName + "' is an invalid name.";
          }
          return getErrorObject('InvalidTag', msg, getLineNumberForPosition(xmlData, i));
        }

        const result = readAttributeStr(xmlData, i);
        if (result === false) {
          return getErrorObject('InvalidAttr', "Attributes for '" + tagName + "' have open quote.", getLineNumberForPosition(xmlData, i));
        }
        let attrStr = result.value;
        i = result.index;

        if (attrStr[attrStr.length - 1] === '/') {
          //self closing tag
          const attrStrStart = i - attrStr.length;
          attrStr = attrStr.substring(0, attrStr.length - 1);
          const isValid = validateAttributeString(attrStr, options);
          if (isValid === true) {
            tagFound = true;
            //continue; //text may presents after self closing tag
          } else {
            //the result from the nested function returns the position of the error within the attribute
            //in order to get the 'true' error line, we need to calculate the position where the attribute begins (i - attrStr.length) and then add the position within the attribute
            //this gives us the absolute index in the entire xml, which we can use to find the line at last
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, attrStrStart + isValid.err.line));
          }
        } else if (closingTag) {
          if (!result.tagClosed) {
            return getErrorObject('InvalidTag', "Closing tag '" + tagName + "' doesn't have proper closing.", getLineNumberForPosition(xmlData, i));
          } else if (attrStr.trim().length > 0) {
            return getErrorObject('InvalidTag', "Closing tag '" + tagName + "' can't have attributes or invalid starting.", getLineNumberForPosition(xmlData, tagStartPos));
          } else if (tags.length === 0) {
            return getErrorObject('InvalidTag', "Closing tag '" + tagName + "' has not been opened.", getLineNumberForPosition(xmlData, tagStartPos));
          } else {
            const otg = tags.pop();
            if (tagName !== otg.tagName) {
              let openPos = getLineNumberForPosition(xmlData, otg.tagStartPos);
              return getErrorObject('InvalidTag',
                "Expected closing tag '" + otg.tagName + "' (opened in line " + openPos.line + ", col " + openPos.col + ") instead of closing tag '" + tagName + "'.",
                getLineNumberForPosition(xmlData, tagStartPos));
            }

            //when there are no more tags, we reached the root level.
            if (tags.length == 0) {
              reachedRoot = true;
            }
          }
        } else {
          const isValid = validateAttributeString(attrStr, options);
          if (isValid !== true) {
            //the result from the nested function returns the position of the error within the attribute
            //in order to get the 'true' error line, we need to calculate the position where the attribute begins (i - attrStr.length) and then add the position within the attribute
            //this gives us the absolute index in the entire xml, which we can use to find the line at last
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, i - attrStr.length + isValid.err.line));
          }

          //if the root level has been reached before ...
          if (reachedRoot === true) {
            return getErrorObject('InvalidXml', 'Multiple possible root nodes found.', getLineNumberForPosition(xmlData, i));
          } else if (options.unpairedTags.indexOf(tagName) !== -1) {
            //don't push into stack
          } else {
            tags.push({ tagName, tagStartPos });
          }
          tagFound = true;
        }

        //skip tag text value
        //It may include comments and CDATA value
        for (i++; i < xmlData.length; i++) {
          if (xmlData[i] === '<') {
            if (xmlData[i + 1] === '!') {
              //comment or CADATA
              i++;
              i = readCommentAndCDATA(xmlData, i);
              continue;
            } else if (xmlData[i + 1] === '?') {
              i = readPI(xmlData, ++i);
              if (i.err) return i;
            } else {
              break;
            }
          } else if (xmlData[i] === '&') {
            const afterAmp = validateAmpersand(xmlData, i);
            if (afterAmp == -1)
              return getErrorObject('InvalidChar', "char '&' is not expected.", getLineNumberForPosition(xmlData, i));
            i = afterAmp;
          } else {
            if (reachedRoot === true && !isWhiteSpace(xmlData[i])) {
              return getErrorObject('InvalidXml', "Extra text at the end", getLineNumberForPosition(xmlData, i));
            }
          }
        } //end of reading tag text value
        if (xmlData[i] === '<') {
          i--;
        }
      }
    } else {
      if (isWhiteSpace(xmlData[i])) {
        continue;
      }
      return getErrorObject('InvalidChar', "char '" + xmlData[i] + "' is not expected.", getLineNumberForPosition(xmlData, i));
    }
  }

  if (!tagFound) {
    return getErrorObject('InvalidXml', 'Start tag expected.', 1);
  } else if (tags.length == 1) {
    return getErrorObject('InvalidTag', "Unclosed tag '" + tags[0].tagName + "'.", getLineNumberForPosition(xmlData, tags[0].tagStartPos));
  } else if (tags.length > 0) {
    return getErrorObject('InvalidXml', "Invalid '" +
      JSON.stringify(tags.map(t => t.tagName), null, 4).replace(/\r?\n/g, '') +
      "' found.", { line: 1, col: 1 });
  }

  return true;
};

function isWhiteSpace(char) {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}
/**
 * Read Processing insstructions and skip
 * @param {*} xmlData
 * @param {*} i
 */
function readPI(xmlData, i) {
  const start = i;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] == '?' || xmlData[i] == ' ') {
      //tagname
      const tagname = xmlData.substr(start, i - start);
      if (i > 5 && tagname === 'xml') {
        return getErrorObject('InvalidXml', 'XML declaration allowed only at the start of the document.', getLineNumberForPosition(xmlData, i));
      } else if (xmlData[i] == '?' && xmlData[i + 1] == '>') {
        //check if valid attribut string
        i++;
        break;
      } else {
        continue;
      }
    }
  }
  return i;
}

function readCommentAndCDATA(xmlData, i) {
  if (xmlData.length > i + 5 && xmlData[i + 1] === '-' && xmlData[i + 2] === '-') {
    //comment
    for (i += 3; i < xmlData.length; i++) {
      if (xmlData[i] === '-' && xmlData[i + 1] === '-' && xmlData[i + 2] === '>') {
        i += 2;
        break;
      }
    }
  } else if (
    xmlData.length > i + 8 &&
    xmlData[i + 1] === 'D' &&
    xmlData[i + 2] === 'O' &&
    xmlData[i + 3] === 'C' &&
    xmlData[i + 4] === 'T' &&
    xmlData[i + 5] === 'Y' &&
    xmlData[i + 6] === 'P' &&
    xmlData[i + 7] === 'E'
  ) {
    let angleBracketsCount = 1;
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === '<') {
        angleBracketsCount++;
      } else if (xmlData[i] === '>') {
        angleBracketsCount--;
        if (angleBracketsCount === 0) {
          break;
        }
      }
    }
  } else if (
    xmlData.length > i + 9 &&
    xmlData[i + 1] === '[' &&
    xmlData[i + 2] === 'C' &&
    xmlData[i + 3] === 'D' &&
    xmlData[i + 4] === 'A' &&
    xmlData[i + 5] === 'T' &&
    xmlData[i + 6] === 'A' &&
    xmlData[i + 7] === '['
  ) {
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === ']' && xmlData[i + 1] === ']' && xmlData[i + 2] === '>') {
        i += 2;
        break;
      }
    }
  }

  return i;
}

const doubleQuote = '"';
const singleQuote = "'";

/**
 * Keep reading xmlData until '<' is found outside the attribute value.
 * @param {string} xmlData
 * @param {number} i
 */
function readAttributeStr(xmlData, i) {
  let attrStr = '';
  let startChar = '';
  let tagClosed = false;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === doubleQuote || xmlData[i] === singleQuote) {
      if (startChar === '') {
        startChar = xmlData[i];
      } else if (startChar !== xmlData[i]) {
        //if vaue is enclosed with double quote then single quotes are allowed inside the value and vice versa
      } else {
        startChar = '';
      }
    } else if (xmlData[i] === '>') {
      if (startChar === '') {
        tagClosed = true;
        break;
      }
    }
    attrStr += xmlData[i];
  }
  if (startChar !== '') {
    return false;
  }

  return {
    value: attrStr,
    index: i,
    tagClosed: tagClosed
  };
}

/**
 * Walk `attrStr` once, left to right, splitting it into attribute tokens.
 *
 * This replaces a regex that used to do the same job
 * (`(\s*)([^\s=]+)(\s*=)?(\s*(['"])(([\s\S])*?)\5)?`). That regex led with an
 * optional whitespace group followed by a required "non-whitespace" group.
 * On a long run of whitespace that never resolves into an attribute name
 * (e.g. a tag with thousands of trailing spaces before `>`), the engine
 * backtracks the whitespace group one character at a time before giving up
 * and moving to the next starting position — one full backtrack per
 * position, which is quadratic in the length of the run.
 *
 * The scan is forward-only: the cursor never moves backwards, so each
 * character is visited a constant number of times and the cost is linear
 * in the length of the string.
 *
 * Each returned token mirrors the shape the old regex match array had, so
 * the validation logic below (which reads token[1]..token[6]) didn't need
 * to change:
 *   token.startIndex - where this token begins in attrStr
 *   token[1]          - leading whitespace before the name
 *   token[2]          - the attribute name
 *   token[3]          - whitespace + '=' if present, else undefined
 *   token[4]          - marker (any defined value) if a quoted value was found
 *   token[5]          - the quote character used ('"' or "'")
 *   token[6]          - the value's text, without the surrounding quotes
 *
 * A malformed leading character (e.g. a stray '=' with no name before it)
 * is simply skipped over, one character at a time — the same outcome the
 * old regex produced by failing to match at that position and retrying at
 * the next one.
 */
function scanAttributeTokens(attrStr) {
  const tokens = [];
  const len = attrStr.length;
  let i = 0;

  while (i < len) {
    const tokenStart = i;

    // Leading whitespace before the name.
    while (i < len && isWhiteSpace(attrStr[i])) i++;
    if (i >= len) break; // trailing whitespace only — nothing left to read

    if (attrStr[i] === '=') {
      // No name before this '=' — not a valid attribute start. Move past
      i++;
      continue;
    }

    const leadingWs = attrStr.slice(tokenStart, i);

    // Attribute name — everything up to the next whitespace or '='.
    const nameStart = i;
    while (i < len && !isWhiteSpace(attrStr[i]) && attrStr[i] !== '=') i++;
    const name = attrStr.slice(nameStart, i);

    // Optional whitespace + '='.
    let equalsGroup; // whitespace + '=' text, or undefined if absent
    let j = i;
    while (j < len && isWhiteSpace(attrStr[j])) j++;
    if (j < len && attrStr[j] === '=') {
      equalsGroup = attrStr.slice(i, j + 1);
      i = j + 1;
    }

    // Optional whitespace + quoted value.
    let quoteChar;
    let value;
    let k = i;
    while (k < len && isWhiteSpace(attrStr[k])) k++;
    if (k < len && (attrStr[k] === '"' || attrStr[k] === "'")) {
      const valueStart = k + 1;
      const closeIdx = attrStr.indexOf(attrStr[k], valueStart);
      if (closeIdx !== -1) {
        quoteChar = attrStr[k];
        value = attrStr.slice(valueStart, closeIdx);
        i = closeIdx + 1;
      }
      // No closing quote found anywhere in the rest of the string — leave
      // quoteChar/value undefined, same as the old regex's group failing
      // to match a backreference-less run.
    }

    const token = { startIndex: tokenStart };
    token[1] = leadingWs;
    token[2] = name;
    token[3] = equalsGroup;
    token[4] = quoteChar !== undefined ? true : undefined;
    token[5] = quoteChar;
    token[6] = value;
    tokens.push(token);
  }

  return tokens;
}

//attr, ="sd", a="amit's", a="sd"b="saf", ab  cd=""

function validateAttributeString(attrStr, options) {
  //console.log("start:"+attrStr+":end");

  //if(attrStr.trim().length === 0) return true; //empty string

  const matches = scanAttributeTokens(attrStr);
  const attrNames = {};

  for (let i = 0; i < matches.length; i++) {
    if (matches[i][1].length === 0) {
      //nospace before attribute name: a="sd"b="saf"
      return getErrorObject('InvalidAttr', "Attribute '" + matches[i][2] + "' has no space in starting.", getPositionFromMatch(matches[i]))
    } else if (matches[i][3] !== undefined && matches[i][4] === undefined) {
      return getErrorObject('InvalidAttr', "Attribute '" + matches[i][2] + "' is without value.", getPositionFromMatch(matches[i]));
    } else if (matches[i][3] === undefined && !options.allowBooleanAttributes) {
      //independent attribute: ab
      return getErrorObject('InvalidAttr', "boolean attribute '" + matches[i][2] + "' is not allowed.", getPositionFromMatch(matches[i]));
    }
    /* else if(matches[i][6] === undefined){//attribute without value: ab=
                    return { err: { code:"InvalidAttr",msg:"attribute " + matches[i][2] + " has no value assigned."}};
                } */
    const attrName = matches[i][2];
    if (!validateAttrName(attrName)) {
      return getErrorObject('InvalidAttr', "Attribute '" + attrName + "' is an invalid name.", getPositionFromMatch(matches[i]));
    }
    if (!Object.prototype.hasOwnProperty.call(attrNames, attrName)) {
      //check for duplicate attribute.
      attrNames[attrName] = 1;
    } else {
      return getErrorObject('InvalidAttr', "Attribute '" + attrName + "' is repeated.", getPositionFromMatch(matches[i]));
    }
  }

  return true;
}

function validateNumberAmpersand(xmlData, i) {
  let re = /\d/;
  if (xmlData[i] === 'x') {
    i++;
    re = /[\da-fA-F]/;
  }
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === ';')
      return i;
    if (!xmlData[i].match(re))
      break;
  }
  return -1;
}

function validateAmpersand(xmlData, i) {
  // https://www.w3.org/TR/xml/#dt-charref
  i++;
  if (xmlData[i] === ';')
    return -1;
  if (xmlData[i] === '#') {
    i++;
    return validateNumberAmpersand(xmlData, i);
  }
  let count = 0;
  for (; i < xmlData.length; i++, count++) {
    if (xmlData[i].match(/\w/) && count < 20)
      continue;
    if (xmlData[i] === ';')
      break;
    return -1;
  }
  return i;
}

function getErrorObject(code, message, lineNumber) {
  return {
    err: {
      code: code,
      msg: message,
      line: lineNumber.line || lineNumber,
      col: lineNumber.col,
    },
  };
}

function validateAttrName(attrName) {
  return isName(attrName);
}

// const startsWithXML = /^xml/i;

function validateTagName(tagname) {
  return isName(tagname) /* && !tagname.match(startsWithXML) */;
}

//this function returns the line number for the character at the given index
function getLineNumberForPosition(xmlData, index) {
  const lines = xmlData.substring(0, index).split(/\r?\n/);
  return {
    line: lines.length,

    // column number is last line's length + 1, because column numbering starts at 1:
    col: lines[lines.length - 1].length + 1
  };
}

//this function returns the position of the first character of match within attrStr
function getPositionFromMatch(match) {
  return match.startIndex + match[1].length;
}
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/fxp.js






const XMLValidator = {
  validate: validate
}

;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/OptionsBuilder.js



const defaultOnDangerousProperty = (name) => {
  if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return "__" + name;
  }
  return name;
};


const OptionsBuilder_defaultOptions = {
  preserveOrder: false,
  attributeNamePrefix: '@_',
  attributesGroupName: false,
  textNodeName: '#text',
  ignoreAttributes: true,
  removeNSPrefix: false, // remove NS from tag name or attribute name if true
  allowBooleanAttributes: false, //a tag can have attributes without any value
  //ignoreRootElement : false,
  parseTagValue: true,
  parseAttributeValue: false,
  trimValues: true, //Trim string values of tag and attributes
  cdataPropName: false,
  numberParseOptions: {
    hex: true,
    leadingZeros: true,
    eNotation: true,
    unicode: false
  },
  tagValueProcessor: function (tagName, val) {
    return val;
  },
  attributeValueProcessor: function (attrName, val) {
    return val;
  },
  stopNodes: [], //nested tags will not be parsed even for errors
  alwaysCreateTextNode: false,
  isArray: () => false,
  commentPropName: false,
  unpairedTags: [],
  processEntities: true,
  htmlEntities: false,
  entityDecoder: null,
  ignoreDeclaration: false,
  ignorePiTags: false,
  transformTagName: false,
  transformAttributeName: false,
  updateTag: function (tagName, jPath, attrs) {
    return tagName
  },
  // skipEmptyListItem: false
  captureMetaData: false,
  maxNestedTags: 100,
  strictReservedNames: true,
  jPath: true, // if true, pass jPath string to callbacks; if false, pass matcher instance
  onDangerousProperty: defaultOnDangerousProperty
};


/**
 * Validates that a property name is safe to use
 * @param {string} propertyName - The property name to validate
 * @param {string} optionName - The option field name (for error message)
 * @throws {Error} If property name is dangerous
 */
function validatePropertyName(propertyName, optionName) {
  if (typeof propertyName !== 'string') {
    return; // Only validate string property names
  }

  const normalized = propertyName.toLowerCase();
  if (DANGEROUS_PROPERTY_NAMES.some(dangerous => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }

  if (criticalProperties.some(dangerous => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }
}

/**
 * Normalizes processEntities option for backward compatibility
 * @param {boolean|object} value 
 * @returns {object} Always returns normalized object
 */
function normalizeProcessEntities(value, htmlEntities) {
  // Boolean backward compatibility
  if (typeof value === 'boolean') {
    return {
      enabled: value, // true or false
      maxEntitySize: 10000,
      maxExpansionDepth: 10000,
      maxTotalExpansions: Infinity,
      maxExpandedLength: 100000,
      maxEntityCount: 1000,
      allowedTags: null,
      tagFilter: null,
      appliesTo: "all",
    };
  }

  // Object config - merge with defaults
  if (typeof value === 'object' && value !== null) {
    return {
      enabled: value.enabled !== false,
      maxEntitySize: Math.max(1, value.maxEntitySize ?? 10000),
      maxExpansionDepth: Math.max(1, value.maxExpansionDepth ?? 10000),
      maxTotalExpansions: Math.max(1, value.maxTotalExpansions ?? Infinity),
      maxExpandedLength: Math.max(1, value.maxExpandedLength ?? 100000),
      maxEntityCount: Math.max(1, value.maxEntityCount ?? 1000),
      allowedTags: value.allowedTags ?? null,
      tagFilter: value.tagFilter ?? null,
      appliesTo: value.appliesTo ?? "all",
    };
  }

  // Default to enabled with limits
  return normalizeProcessEntities(true);
}

const buildOptions = function (options) {
  const built = Object.assign({}, OptionsBuilder_defaultOptions, options);

  // Validate property names to prevent prototype pollution
  const propertyNameOptions = [
    { value: built.attributeNamePrefix, name: 'attributeNamePrefix' },
    { value: built.attributesGroupName, name: 'attributesGroupName' },
    { value: built.textNodeName, name: 'textNodeName' },
    { value: built.cdataPropName, name: 'cdataPropName' },
    { value: built.commentPropName, name: 'commentPropName' }
  ];

  for (const { value, name } of propertyNameOptions) {
    if (value) {
      validatePropertyName(value, name);
    }
  }

  if (built.onDangerousProperty === null) {
    built.onDangerousProperty = defaultOnDangerousProperty;
  }

  // Always normalize processEntities for backward compatibility and validation
  built.processEntities = normalizeProcessEntities(built.processEntities, built.htmlEntities);
  built.unpairedTagsSet = new Set(built.unpairedTags);
  // Convert old-style stopNodes for backward compatibility
  if (built.stopNodes && Array.isArray(built.stopNodes)) {
    built.stopNodes = built.stopNodes.map(node => {
      if (typeof node === 'string' && node.startsWith('*.')) {
        // Old syntax: *.tagname meant "tagname anywhere"
        // Convert to new syntax: ..tagname
        return '..' + node.substring(2);
      }
      return node;
    });
  }
  //console.debug(built.processEntities)
  return built;
};
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/xmlNode.js


let METADATA_SYMBOL;

if (typeof Symbol !== "function") {
  METADATA_SYMBOL = "@@xmlMetadata";
} else {
  METADATA_SYMBOL = Symbol("XML Node Metadata");
}

class XmlNode {
  constructor(tagname) {
    this.tagname = tagname;
    this.child = []; //nested tags, text, cdata, comments in order
    this[":@"] = Object.create(null); //attributes map
  }
  add(key, val) {
    // this.child.push( {name : key, val: val, isCdata: isCdata });
    if (key === "__proto__") key = "#__proto__";
    this.child.push({ [key]: val });
  }
  addChild(node, startIndex) {
    if (node.tagname === "__proto__") node.tagname = "#__proto__";
    if (node[":@"] && Object.keys(node[":@"]).length > 0) {
      this.child.push({ [node.tagname]: node.child, [":@"]: node[":@"] });
    } else {
      this.child.push({ [node.tagname]: node.child });
    }
    // if requested, add the startIndex
    this.addStartIndex(startIndex);
  }

  addStartIndex(startIndex) {
    if (startIndex !== undefined) {
      // Note: for now we just overwrite the metadata. If we had more complex metadata,
      // we might need to do an object append here:  metadata = { ...metadata, startIndex }
      this.child[this.child.length - 1][METADATA_SYMBOL] = { startIndex };
    }
  }

  addEndIndex(endIndex) {
    const lastChild = this.child[this.child.length - 1];
    // endIndex is write-once: when updateTag drops a node, the last child is a
    // previously completed sibling whose endIndex must not be overwritten
    if (lastChild !== undefined && lastChild[METADATA_SYMBOL] !== undefined
      && lastChild[METADATA_SYMBOL].endIndex === undefined) {
      lastChild[METADATA_SYMBOL].endIndex = endIndex;
    }
  }
  /** symbol used for metadata */
  static getMetaDataSymbol() {
    return METADATA_SYMBOL;
  }
}

;// CONCATENATED MODULE: ./node_modules/xml-naming/src/index.js
/**
 * xml-naming
 * Validates XML Name productions as defined in the XML 1.0 and 1.1 specifications.
 * Covers: Name, NCName, QName, NMToken, NMTokens
 *
 * XML 1.0 spec: https://www.w3.org/TR/xml/#NT-Name
 * XML 1.1 spec: https://www.w3.org/TR/xml11/#NT-NameStartChar
 * XML NS spec:  https://www.w3.org/TR/xml-names/#NT-NCName
 */

// ---------------------------------------------------------------------------
// Character class strings — XML 1.0
//
// NameStartChar ::= ":" | [A-Z] | "_" | [a-z]
//   | [#xC0-#xD6]   | [#xD8-#xF6]   | [#xF8-#x2FF]
//   | [#x370-#x37D] | [#x37F-#x1FFF]    <- split to exclude #x0487
//   | [#x200C-#x200D]
//   | [#x2070-#x218F] | [#x2C00-#x2FEF]
//   | [#x3001-#xD7FF] | [#xF900-#xFDCF] | [#xFDF0-#xFFFD]
//
// NameChar ::= NameStartChar | "-" | "." | [0-9]
//   | #xB7 | [#x0300-#x036F] | [#x203F-#x2040]
//
// Note: \u0487 (Combining Cyrillic Millions Sign) was added in Unicode 4.0,
// after XML 1.0 was defined against Unicode 2.0. It falls inside the range
// \u037F-\u1FFF but must be excluded. We split that range into
// \u037F-\u0486 and \u0488-\u1FFF to exclude it explicitly.
// ---------------------------------------------------------------------------

const nameStartChar10 =
  ':A-Za-z_' +
  '\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF' +
  '\u0370-\u037D' +
  '\u037F-\u0486\u0488-\u1FFF' +  // split to exclude \u0487
  '\u200C-\u200D' +
  '\u2070-\u218F' +
  '\u2C00-\u2FEF' +
  '\u3001-\uD7FF' +
  '\uF900-\uFDCF' +
  '\uFDF0-\uFFFD';

const nameChar10 =
  nameStartChar10 +
  '\\-\\.\\d' +
  '\u00B7' +
  '\u0300-\u036F' +
  '\u203F-\u2040';

// ---------------------------------------------------------------------------
// Character class strings — XML 1.1
//
// Differences from XML 1.0:
//
// NameStartChar:
//   1.0 has split ranges: \u00C0-\u00D6, \u00D8-\u00F6, \u00F8-\u02FF
//   1.1 merges them into: \u00C0-\u02FF
//   (\u00D7 x and \u00F7 / are division symbols, excluded in both versions)
//
//   1.0 tops out at \uFFFD (BMP only)
//   1.1 adds \u{10000}-\u{EFFFF} (supplementary planes)
//   These require the /u flag on the RegExp — see buildRegexes below.
//
// NameChar:
//   1.1 adds \u0487 (Combining Cyrillic Millions Sign, added in Unicode 4.0)
// ---------------------------------------------------------------------------

const nameStartChar11 =
  ':A-Za-z_' +
  '\u00C0-\u02FF' +                    // merged — 1.0 had three split ranges here
  '\u0370-\u037D' +
  '\u037F-\u0486\u0488-\u1FFF' +       // split to exclude \u0487 (combining mark, never a NameStartChar)
  '\u200C-\u200D' +
  '\u2070-\u218F' +
  '\u2C00-\u2FEF' +
  '\u3001-\uD7FF' +
  '\uF900-\uFDCF' +
  '\uFDF0-\uFFFD' +
  '\u{10000}-\u{EFFFF}';     // supplementary planes — REQUIRES /u flag on RegExp

const nameChar11 =
  nameStartChar11 +
  '\\-\\.\\d' +
  '\u00B7' +
  '\u0300-\u036F' +
  '\u0487' +                 // Combining Cyrillic Millions Sign — valid in 1.1, not 1.0
  '\u203F-\u2040';

// ---------------------------------------------------------------------------
// Regex builders
//
// XML 1.0 regexes: no flags — BMP only, standard JS regex behaviour.
// XML 1.1 regexes: /u flag — required for \u{10000}-\u{EFFFF} to match actual
//   supplementary code points rather than lone surrogates (which are illegal XML).
// ---------------------------------------------------------------------------

const buildRegexes = (startChar, char, flags = '') => {
  const ncStart = startChar.replace(':', '');
  const ncChar = char.replace(':', '');
  const ncNamePat = `[${ncStart}][${ncChar}]*`;

  return {
    name: new RegExp(`^[${startChar}][${char}]*$`, flags),
    ncName: new RegExp(`^${ncNamePat}$`, flags),
    qName: new RegExp(`^${ncNamePat}(?::${ncNamePat})?$`, flags),
    nmToken: new RegExp(`^[${char}]+$`, flags),
    nmTokens: new RegExp(`^[${char}]+(?:\\s+[${char}]+)*$`, flags),
  };
};

const regexes10 = buildRegexes(nameStartChar10, nameChar10);       // no /u — BMP only
const regexes11 = buildRegexes(nameStartChar11, nameChar11, 'u');  // /u — enables \u{10000}-\u{EFFFF}

// ---------------------------------------------------------------------------
// ASCII-only fast path (opt-in, off by default)
//
// The XML 1.0 vs 1.1 NameStartChar/NameChar productions differ *only* in
// their non-ASCII ranges (merged vs split Latin-1 ranges, \u0487, and
// supplementary planes). Restricted to ASCII, both versions collapse to the
// same character classes, so a single regex pair covers both xmlVersion
// values — no /u flag needed.
//
// Rationale: unicode-aware regexes (the /u flag, required for XML 1.1's
// supplementary-plane range) are measurably slower in V8 than plain
// non-unicode regexes on the same input, even when the input is pure ASCII.
// For the common case — HTML/SVG ids, XML tags — names are ASCII, so callers
// who know this can opt in to skip the unicode-aware matching path entirely.
// This is a real but *conditional* win: mainly for XML 1.1 input (avoids /u),
// or at scale where the larger unicode character classes add engine
// overhead. It also changes behaviour (rejects legitimate non-ASCII XML
// 1.0/1.1 names), so it must never be silently enabled — hence off by
// default.
// ---------------------------------------------------------------------------

const nameStartCharAscii = ':A-Za-z_';
const nameCharAscii = nameStartCharAscii + '\\-\\.\\d';

const regexesAscii = buildRegexes(nameStartCharAscii, nameCharAscii); // no /u — ASCII only

const getRegexes = (xmlVersion = '1.0', asciiOnly = false) => {
  if (asciiOnly) return regexesAscii;
  return xmlVersion === '1.1' ? regexes11 : regexes10;
};

// ---------------------------------------------------------------------------
// Boolean validators
// ---------------------------------------------------------------------------

/**
 * Returns true if the string is a valid XML Name.
 * Colons are allowed anywhere (Name production).
 * Used for: DOCTYPE entity names, notation names, DTD element declarations.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const src_name = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).name.test(str);

/**
 * Returns true if the string is a valid NCName (Non-Colonized Name).
 * Colons are not permitted.
 * Used for: namespace prefixes, local names, SVG id attributes.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const ncName = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).ncName.test(str);

/**
 * Returns true if the string is a valid QName (Qualified Name).
 * Allows exactly one colon as a prefix separator: prefix:localName.
 * Used for: element and attribute names in namespace-aware XML/SVG.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const qName = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).qName.test(str);

/**
 * Returns true if the string is a valid NMToken.
 * Like Name but no restriction on the first character.
 * Used for: DTD NMTOKEN attribute values.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const nmToken = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).nmToken.test(str);

/**
 * Returns true if the string is a valid NMTokens value.
 * A whitespace-separated list of NMToken values.
 * Used for: DTD NMTOKENS attribute values.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const nmTokens = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).nmTokens.test(str);

// ---------------------------------------------------------------------------
// Memoized validator factory
//
// Real documents reuse a small vocabulary of tag/attribute names across many
// siblings (e.g. `id`, `class`, `href` repeated across hundreds of elements).
// The plain boolean validators above re-run the regex on every call
// regardless of repeats. `createValidator` returns a closure with a private
// string -> boolean cache, so repeated names after the first become O(1)
// lookups instead of regex tests.
//
// - opts (xmlVersion, asciiOnly) are fixed at creation time, so the regex is
//   resolved once, not on every call.
// - The cache is private to the returned closure — no shared/global state,
//   no cross-caller pollution.
// - `maxCacheSize` bounds memory: once the cache reaches this many entries,
//   it stops accepting new ones (existing entries keep serving hits; new
//   misses just fall through to the regex, uncached). This avoids unbounded
//   growth against adversarial/high-cardinality input (e.g. validating
//   attacker-supplied names with no repeats) without the cost/complexity of
//   a full LRU, and without the perf cliff of reset-and-refill thrashing.
// - Call `.reset()` on the returned function to clear the cache manually
//   (e.g. between unrelated parse calls).
// ---------------------------------------------------------------------------

const PRODUCTIONS = (/* unused pure expression or super */ null && (['name', 'ncName', 'qName', 'nmToken', 'nmTokens']));

/**
 * Returns a memoized boolean validator function for a single production,
 * with opts fixed at creation time.
 *
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean, maxCacheSize?: number }} [opts]
 *   maxCacheSize: max number of distinct strings to cache (default 2048).
 *   Once reached, new strings are validated but not cached; existing cached
 *   entries keep being served.
 * @returns {((str: string) => boolean) & { reset: () => void }}
 */
const createValidator = (production, { xmlVersion = '1.0', asciiOnly = false, maxCacheSize = 2048 } = {}) => {
  if (!PRODUCTIONS.includes(production)) {
    throw new TypeError(
      `Unknown production "${production}". Must be one of: ${PRODUCTIONS.join(', ')}`
    );
  }

  const regex = getRegexes(xmlVersion, asciiOnly)[production];
  let cache = new Map();

  const validator = (str) => {
    const cached = cache.get(str);
    if (cached !== undefined) return cached;

    const result = regex.test(str);
    if (cache.size < maxCacheSize) cache.set(str, result);
    return result;
  };

  validator.reset = () => { cache = new Map(); };

  return validator;
};

// ---------------------------------------------------------------------------
// Diagnostic validator
// ---------------------------------------------------------------------------

/**
 * Validates a string against a named production and returns a detailed result.
 *
 * @param {string} str
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 * @returns {{ valid: boolean, production: string, input: string, reason?: string, position?: number }}
 */
const src_validate = (str, production, { xmlVersion = '1.0', asciiOnly = false } = {}) => {
  if (!PRODUCTIONS.includes(production)) {
    throw new TypeError(
      `Unknown production "${production}". Must be one of: ${PRODUCTIONS.join(', ')}`
    );
  }

  const validators = { name: src_name, ncName, qName, nmToken, nmTokens };
  const isValid = validators[production](str, { xmlVersion, asciiOnly });

  if (isValid) return { valid: true, production, input: str };

  let reason = 'Does not match the production rules';
  let position;

  // Diagnostic fallback char checks must mirror the same character set the
  // boolean validator above used, or the reported reason/position could
  // contradict the `valid: false` result (e.g. flagging a char as illegal
  // that the unicode-aware check would have accepted).
  const startCharPattern = asciiOnly ? /^[:A-Za-z_]/ : /^[:A-Za-z_\u00C0-\uFFFD]/;
  const namePattern = asciiOnly ? /[\w\-\\.:]/ : /[\w\-\\.:\u00B7\u00C0-\uFFFD]/;

  if (str.length === 0) {
    reason = 'Input is empty';
  } else if (production === 'ncName' && str.includes(':')) {
    position = str.indexOf(':');
    reason = 'Colon is not allowed in NCName';
  } else if (production === 'qName' && str.startsWith(':')) {
    reason = 'QName cannot start with a colon';
    position = 0;
  } else if (production === 'qName' && str.endsWith(':')) {
    reason = 'QName cannot end with a colon';
    position = str.length - 1;
  } else if (production === 'qName' && (str.match(/:/g) || []).length > 1) {
    reason = 'QName can have at most one colon';
    position = str.lastIndexOf(':');
  } else if (
    ['name', 'ncName', 'qName'].includes(production) &&
    !startCharPattern.test(str[0])
  ) {
    reason = `First character "${str[0]}" is not a valid NameStartChar`;
    position = 0;
  } else {
    for (let i = 0; i < str.length; i++) {
      if (!namePattern.test(str[i])) {
        reason = `Character "${str[i]}" at position ${i} is not a valid NameChar`;
        position = i;
        break;
      }
    }
  }

  return { valid: false, production, input: str, reason, position };
};

// ---------------------------------------------------------------------------
// Batch validator
// ---------------------------------------------------------------------------

/**
 * Validates an array of strings against a named production.
 *
 * @param {string[]} strings
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 * @returns {Array<{ valid: boolean, production: string, input: string, reason?: string, position?: number }>}
 */
const validateAll = (strings, production, opts = {}) =>
  strings.map(str => src_validate(str, production, opts));

// ---------------------------------------------------------------------------
// Sanitizer
// ---------------------------------------------------------------------------

/**
 * Transforms an invalid string into the nearest valid XML name for the given production.
 *
 * @param {string} str
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ replacement?: string, asciiOnly?: boolean }} [opts]
 *   asciiOnly: also replace any non-ASCII character, not just XML-illegal
 *   ones (default false).
 * @returns {string}
 */
const sanitize = (str, production = 'name', { replacement = '_', asciiOnly = false } = {}) => {
  if (!str) return replacement;

  let result = str;

  // Strip colons for NCName
  if (production === 'ncName') {
    result = result.replace(/:/g, '');
  }

  // Replace illegal characters
  const allowedCharPattern = asciiOnly ? /[^\w\-\.:]/g : /[^\w\-\.:\u00B7\u00C0-\uFFFD]/g;
  result = result.replace(allowedCharPattern, replacement);

  // Fix invalid start character for Name / NCName / QName
  if (production !== 'nmToken' && production !== 'nmTokens') {
    if (/^[\-\.\d]/.test(result)) {
      result = replacement + result;
    }
  }

  return result || replacement;
};
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/DocTypeReader.js


class DocTypeReader {
    constructor(options, xmlVersion) {
        this.suppressValidationErr = !options;
        this.options = options;
        this.xmlVersion = xmlVersion || 1.0;
    }

    setXmlVersion(xmlVersion = 1.0) {
        this.xmlVersion = xmlVersion;
    }
    readDocType(xmlData, i) {
        const entities = Object.create(null);
        let entityCount = 0;

        if (xmlData[i + 3] === 'O' &&
            xmlData[i + 4] === 'C' &&
            xmlData[i + 5] === 'T' &&
            xmlData[i + 6] === 'Y' &&
            xmlData[i + 7] === 'P' &&
            xmlData[i + 8] === 'E') {
            i = i + 9;
            let angleBracketsCount = 1;
            let hasBody = false, comment = false;
            let quoteChar = null; // tracks an open SYSTEM/PUBLIC literal before the '[' body
            let exp = "";
            for (; i < xmlData.length; i++) {
                // Inside a quoted external-identifier literal — XML allows '<'
                // and '>' as plain data here, so they must not be interpreted
                // as DOCTYPE structure until the matching quote closes.
                if (quoteChar !== null) {
                    if (xmlData[i] === quoteChar) quoteChar = null;
                    exp += xmlData[i];
                    continue;
                }
                if (!hasBody && !comment && (xmlData[i] === '"' || xmlData[i] === "'")) {
                    quoteChar = xmlData[i];
                    exp += xmlData[i];
                    continue;
                }

                if (xmlData[i] === '<' && !comment) { //Determine the tag type
                    if (hasBody && hasSeq(xmlData, "!ENTITY", i)) {
                        i += 7;
                        let entityName, val;
                        [entityName, val, i] = this.readEntityExp(xmlData, i + 1, this.suppressValidationErr);
                        if (val.indexOf("&") === -1) { //Parameter entities are not supported
                            if (this.options.enabled !== false &&
                                this.options.maxEntityCount != null &&
                                entityCount >= this.options.maxEntityCount) {
                                throw new Error(
                                    `Entity count (${entityCount + 1}) exceeds maximum allowed (${this.options.maxEntityCount})`
                                );
                            }
                            //const escaped = entityName.replace(/[.\-+*:]/g, '\\.');
                            //const escaped = entityName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
                            entities[entityName] = val;
                            entityCount++;
                        }
                    }
                    else if (hasBody && hasSeq(xmlData, "!ELEMENT", i)) {
                        i += 8;//Not supported
                        const { index } = this.readElementExp(xmlData, i + 1);
                        i = index;
                    } else if (hasBody && hasSeq(xmlData, "!ATTLIST", i)) {
                        i += 8;//Not supported
                        // const {index} = this.readAttlistExp(xmlData,i+1);
                        // i = index;
                    } else if (hasBody && hasSeq(xmlData, "!NOTATION", i)) {
                        i += 9;//Not supported
                        const { index } = this.readNotationExp(xmlData, i + 1, this.suppressValidationErr);
                        i = index;
                    } else if (hasSeq(xmlData, "!--", i)) comment = true;
                    else throw new Error(`Invalid DOCTYPE`);

                    angleBracketsCount++;
                    exp = "";
                } else if (xmlData[i] === '>') { //Read tag content
                    if (comment) {
                        if (xmlData[i - 1] === "-" && xmlData[i - 2] === "-") {
                            comment = false;
                            angleBracketsCount--;
                        }
                    } else {
                        angleBracketsCount--;
                    }
                    if (angleBracketsCount === 0) {
                        break;
                    }
                } else if (xmlData[i] === '[') {
                    hasBody = true;
                } else {
                    exp += xmlData[i];
                }
            }
            if (quoteChar !== null || angleBracketsCount !== 0) {
                throw new Error(`Unclosed DOCTYPE`);
            }
        } else {
            throw new Error(`Invalid Tag instead of DOCTYPE`);
        }
        return { entities, i };
    }
    readEntityExp(xmlData, i) {
        //External entities are not supported
        //    <!ENTITY ext SYSTEM "http://normal-website.com" >

        //Parameter entities are not supported
        //    <!ENTITY entityname "&anotherElement;">

        //Internal entities are supported
        //    <!ENTITY entityname "replacement text">

        // Skip leading whitespace after <!ENTITY
        i = skipWhitespace(xmlData, i);

        // Read entity name
        const startIndex = i;
        while (i < xmlData.length && !/\s/.test(xmlData[i]) && xmlData[i] !== '"' && xmlData[i] !== "'") {
            i++;
        }
        let entityName = xmlData.substring(startIndex, i);

        validateEntityName(entityName, { xmlVersion: this.xmlVersion });

        // Skip whitespace after entity name
        i = skipWhitespace(xmlData, i);

        // Check for unsupported constructs (external entities or parameter entities)
        if (!this.suppressValidationErr) {
            if (xmlData.substring(i, i + 6).toUpperCase() === "SYSTEM") {
                throw new Error("External entities are not supported");
            } else if (xmlData[i] === "%") {
                throw new Error("Parameter entities are not supported");
            }
        }

        // Read entity value (internal entity)
        let entityValue = "";
        [i, entityValue] = this.readIdentifierVal(xmlData, i, "entity");

        // Validate entity size
        if (this.options.enabled !== false &&
            this.options.maxEntitySize != null &&
            entityValue.length > this.options.maxEntitySize) {
            throw new Error(
                `Entity "${entityName}" size (${entityValue.length}) exceeds maximum allowed size (${this.options.maxEntitySize})`
            );
        }

        i--;
        return [entityName, entityValue, i];
    }

    readNotationExp(xmlData, i) {
        // Skip leading whitespace after <!NOTATION
        i = skipWhitespace(xmlData, i);

        // Read notation name

        const startIndex = i;
        while (i < xmlData.length && !/\s/.test(xmlData[i])) {
            i++;
        }
        let notationName = xmlData.substring(startIndex, i);

        !this.suppressValidationErr && validateEntityName(notationName, { xmlVersion: this.xmlVersion });

        // Skip whitespace after notation name
        i = skipWhitespace(xmlData, i);

        // Check identifier type (SYSTEM or PUBLIC)
        const identifierType = xmlData.substring(i, i + 6).toUpperCase();
        if (!this.suppressValidationErr && identifierType !== "SYSTEM" && identifierType !== "PUBLIC") {
            throw new Error(`Expected SYSTEM or PUBLIC, found "${identifierType}"`);
        }
        i += identifierType.length;

        // Skip whitespace after identifier type
        i = skipWhitespace(xmlData, i);

        // Read public identifier (if PUBLIC)
        let publicIdentifier = null;
        let systemIdentifier = null;

        if (identifierType === "PUBLIC") {
            [i, publicIdentifier] = this.readIdentifierVal(xmlData, i, "publicIdentifier");

            // Skip whitespace after public identifier
            i = skipWhitespace(xmlData, i);

            // Optionally read system identifier
            if (xmlData[i] === '"' || xmlData[i] === "'") {
                [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");
            }
        } else if (identifierType === "SYSTEM") {
            // Read system identifier (mandatory for SYSTEM)
            [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");

            if (!this.suppressValidationErr && !systemIdentifier) {
                throw new Error("Missing mandatory system identifier for SYSTEM notation");
            }
        }

        return { notationName, publicIdentifier, systemIdentifier, index: --i };
    }

    readIdentifierVal(xmlData, i, type) {
        let identifierVal = "";
        const startChar = xmlData[i];
        if (startChar !== '"' && startChar !== "'") {
            throw new Error(`Expected quoted string, found "${startChar}"`);
        }
        i++;

        const startIndex = i;
        while (i < xmlData.length && xmlData[i] !== startChar) {
            i++;
        }
        identifierVal = xmlData.substring(startIndex, i);

        if (xmlData[i] !== startChar) {
            throw new Error(`Unterminated ${type} value`);
        }
        i++;
        return [i, identifierVal];
    }

    readElementExp(xmlData, i) {
        // <!ELEMENT br EMPTY>
        // <!ELEMENT div ANY>
        // <!ELEMENT title (#PCDATA)>
        // <!ELEMENT book (title, author+)>
        // <!ELEMENT name (content-model)>

        // Skip leading whitespace after <!ELEMENT
        i = skipWhitespace(xmlData, i);

        // Read element name
        const startIndex = i;
        while (i < xmlData.length && !/\s/.test(xmlData[i])) {
            i++;
        }
        let elementName = xmlData.substring(startIndex, i);

        // Validate element name
        if (!this.suppressValidationErr && !qName(elementName, { xmlVersion: this.xmlVersion })) {
            throw new Error(`Invalid element name: "${elementName}"`);
        }

        // Skip whitespace after element name
        i = skipWhitespace(xmlData, i);
        let contentModel = "";
        // Expect '(' to start content model
        if (xmlData[i] === "E" && hasSeq(xmlData, "MPTY", i)) i += 4;
        else if (xmlData[i] === "A" && hasSeq(xmlData, "NY", i)) i += 2;
        else if (xmlData[i] === "(") {
            i++; // Move past '('

            // Read content model
            const startIndex = i;
            while (i < xmlData.length && xmlData[i] !== ")") {
                i++;
            }
            contentModel = xmlData.substring(startIndex, i);

            if (xmlData[i] !== ")") {
                throw new Error("Unterminated content model");
            }

        } else if (!this.suppressValidationErr) {
            throw new Error(`Invalid Element Expression, found "${xmlData[i]}"`);
        }

        return {
            elementName,
            contentModel: contentModel.trim(),
            index: i
        };
    }

    readAttlistExp(xmlData, i) {
        // Skip leading whitespace after <!ATTLIST
        i = skipWhitespace(xmlData, i);

        // Read element name
        let startIndex = i;
        while (i < xmlData.length && !/\s/.test(xmlData[i])) {
            i++;
        }
        let elementName = xmlData.substring(startIndex, i);

        // Validate element name
        validateEntityName(elementName, { xmlVersion: this.xmlVersion })

        // Skip whitespace after element name
        i = skipWhitespace(xmlData, i);

        // Read attribute name
        startIndex = i;
        while (i < xmlData.length && !/\s/.test(xmlData[i])) {
            i++;
        }
        let attributeName = xmlData.substring(startIndex, i);

        // Validate attribute name
        if (!validateEntityName(attributeName, { xmlVersion: this.xmlVersion })) {
            throw new Error(`Invalid attribute name: "${attributeName}"`);
        }

        // Skip whitespace after attribute name
        i = skipWhitespace(xmlData, i);

        // Read attribute type
        let attributeType = "";
        if (xmlData.substring(i, i + 8).toUpperCase() === "NOTATION") {
            attributeType = "NOTATION";
            i += 8; // Move past "NOTATION"

            // Skip whitespace after "NOTATION"
            i = skipWhitespace(xmlData, i);

            // Expect '(' to start the list of notations
            if (xmlData[i] !== "(") {
                throw new Error(`Expected '(', found "${xmlData[i]}"`);
            }
            i++; // Move past '('

            // Read the list of allowed notations
            let allowedNotations = [];
            while (i < xmlData.length && xmlData[i] !== ")") {


                const startIndex = i;
                while (i < xmlData.length && xmlData[i] !== "|" && xmlData[i] !== ")") {
                    i++;
                }
                let notation = xmlData.substring(startIndex, i);

                // Validate notation name
                notation = notation.trim();
                if (!validateEntityName(notation, { xmlVersion: this.xmlVersion })) {
                    throw new Error(`Invalid notation name: "${notation}"`);
                }

                allowedNotations.push(notation);

                // Skip '|' separator or exit loop
                if (xmlData[i] === "|") {
                    i++; // Move past '|'
                    i = skipWhitespace(xmlData, i); // Skip optional whitespace after '|'
                }
            }

            if (xmlData[i] !== ")") {
                throw new Error("Unterminated list of notations");
            }
            i++; // Move past ')'

            // Store the allowed notations as part of the attribute type
            attributeType += " (" + allowedNotations.join("|") + ")";
        } else {
            // Handle simple types (e.g., CDATA, ID, IDREF, etc.)
            const startIndex = i;
            while (i < xmlData.length && !/\s/.test(xmlData[i])) {
                i++;
            }
            attributeType += xmlData.substring(startIndex, i);

            // Validate simple attribute type
            const validTypes = ["CDATA", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS"];
            if (!this.suppressValidationErr && !validTypes.includes(attributeType.toUpperCase())) {
                throw new Error(`Invalid attribute type: "${attributeType}"`);
            }
        }

        // Skip whitespace after attribute type
        i = skipWhitespace(xmlData, i);

        // Read default value
        let defaultValue = "";
        if (xmlData.substring(i, i + 8).toUpperCase() === "#REQUIRED") {
            defaultValue = "#REQUIRED";
            i += 8;
        } else if (xmlData.substring(i, i + 7).toUpperCase() === "#IMPLIED") {
            defaultValue = "#IMPLIED";
            i += 7;
        } else {
            [i, defaultValue] = this.readIdentifierVal(xmlData, i, "ATTLIST");
        }

        return {
            elementName,
            attributeName,
            attributeType,
            defaultValue,
            index: i
        }
    }
}



const skipWhitespace = (data, index) => {
    while (index < data.length && /\s/.test(data[index])) {
        index++;
    }
    return index;
};



function hasSeq(data, seq, i) {
    for (let j = 0; j < seq.length; j++) {
        if (seq[j] !== data[i + j + 1]) return false;
    }
    return true;
}

function validateEntityName(name, xmlVersion) {
    if (qName(name, { xmlVersion: xmlVersion }))
        return name;
    else
        throw new Error(`Invalid entity name ${name}`);
}
;// CONCATENATED MODULE: ./node_modules/anynum/digitTable.js
/**
 * Flat lookup table: maps Unicode code point → ASCII digit (0-9).
 * Only decimal digit characters (Unicode category Nd) are included.
 *
 * Strategy: Int32Array of size (maxCodePoint - minCodePoint + 1).
 * Value 0xFF means "not a digit". Value 0-9 is the ASCII digit value.
 * This gives O(1) lookup with no branching, no bisect, no loop.
 *
 * Memory: range is 0x0660 to 0x1FBF0 → ~129,936 entries × 1 byte = ~127 KB.
 * Acceptable for a one-time init; lookup is a single array index.
 */

// All known Unicode Nd (decimal digit) script zero code points.
// Each script has exactly 10 consecutive digits: zero+0 .. zero+9.
const SCRIPT_ZEROS = [
  // Basic Latin (ASCII) — included for completeness / pass-through
  0x0030, // 0-9

  // Arabic scripts
  0x0660, // Arabic-Indic ٠١٢٣٤٥٦٧٨٩
  0x06F0, // Extended Arabic-Indic (Urdu/Persian/Sindhi) ۰۱۲۳

  // Indic scripts
  0x0966, // Devanagari ०१२३४५६७८९
  0x09E6, // Bengali ০১২৩৪৫৬৭৮৯
  0x0A66, // Gurmukhi ੦੧੨੩੪੫੬੭੮੯
  0x0AE6, // Gujarati ૦૧૨૩૪૫૬૭૮૯
  0x0B66, // Odia ୦୧୨୩୪୫୬୭୮୯
  0x0BE6, // Tamil ௦௧௨௩௪௫௬௭௮௯
  0x0C66, // Telugu ౦౧౨౩౪౫౬౭౮౯
  0x0CE6, // Kannada ೦೧೨೩೪೫೬೭೮೯
  0x0D66, // Malayalam ൦൧൨൩൪൫൬൭൮൯
  0x0DE6, // Sinhala Archaic ෦෧෨෩෪෫෬෭෮෯

  // Southeast Asian scripts
  0x0E50, // Thai ๐๑๒๓๔๕๖๗๘๙
  0x0ED0, // Lao ໐໑໒໓໔໕໖໗໘໙
  0x0F20, // Tibetan ༠༡༢༣༤༥༦༧༨༩
  0x1040, // Myanmar ၀၁၂၃၄၅၆၇၈၉
  0x1090, // Myanmar Shan ႐႑႒႓႔႕႖႗႘႙
  0x17E0, // Khmer ០១២៣៤៥៦៧៨៩
  0x1810, // Mongolian ᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙
  0x1946, // Limbu ᥆᥇᥈᥉᥊᥋᥌᥍᥎᥏
  0x19D0, // New Tai Lue ᧐᧑᧒᧓᧔᧕᧖᧗᧘᧙
  0x1A80, // Tai Tham Hora ᪀᪁᪂᪃᪄᪅᪆᪇᪈᪉
  0x1A90, // Tai Tham Tham ᪐᪑᪒᪓᪔᪕᪖᪗᪘᪙
  0x1B50, // Balinese ᭐᭑᭒᭓᭔᭕᭖᭗᭘᭙
  0x1BB0, // Sundanese ᮰᮱᮲᮳᮴᮵᮶᮷᮸᮹
  0x1C40, // Lepcha ᱀᱁᱂᱃᱄᱅᱆᱇᱈᱉
  0x1C50, // Ol Chiki ᱐᱑᱒᱓᱔᱕᱖᱗᱘᱙

  // Fullwidth (CJK context)
  0xFF10, // Fullwidth ０１２３４５６７８９

  // Mathematical digit variants (Unicode math block)
  0x1D7CE, // Mathematical Bold
  0x1D7D8, // Mathematical Double-Struck
  0x1D7E2, // Mathematical Sans-Serif
  0x1D7EC, // Mathematical Sans-Serif Bold
  0x1D7F6, // Mathematical Monospace

  // Other scripts
  0x104A0, // Osmanya 𐒠𐒡𐒢𐒣𐒤𐒥𐒦𐒧𐒨𐒩
  0x10D30, // Hanifi Rohingya 𐴰𐴱𐴲𐴳𐴴𐴵𐴶𐴷𐴸𐴹
  0x11066, // Brahmi 𑁦𑁧𑁨𑁩𑁪𑁫𑁬𑁭𑁮𑁯
  0x110F0, // Sora Sompeng 𑃰𑃱𑃲𑃳𑃴𑃵𑃶𑃷𑃸𑃹
  0x11136, // Chakma 𑄶𑄷𑄸𑄹𑄺𑄻𑄼𑄽𑄾𑄿
  0x111D0, // Sharada 𑇐𑇑𑇒𑇓𑇔𑇕𑇖𑇗𑇘𑇙
  0x112F0, // Khudawadi 𑋰𑋱𑋲𑋳𑋴𑋵𑋶𑋷𑋸𑋹
  0x11450, // Newa 𑑐𑑑𑑒𑑓𑑔𑑕𑑖𑑗𑑘𑑙
  0x114D0, // Tirhuta 𑓐𑓑𑓒𑓓𑓔𑓕𑓖𑓗𑓘𑓙
  0x11650, // Modi 𑙐𑙑𑙒𑙓𑙔𑙕𑙖𑙗𑙘𑙙
  0x116C0, // Takri 𑛀𑛁𑛂𑛃𑛄𑛅𑛆𑛇𑛈𑛉
  0x11730, // Ahom 𑜰𑜱𑜲𑜳𑜴𑜵𑜶𑜷𑜸𑜹
  0x118E0, // Warang Citi 𑣠𑣡𑣢𑣣𑣤𑣥𑣦𑣧𑣨𑣩
  0x11950, // Dives Akuru 𑥐𑥑𑥒𑥓𑥔𑥕𑥖𑥗𑥘𑥙
  0x11BF0, // Khitan Small Script 𑯰𑯱𑯲𑯳𑯴𑯵𑯶𑯷𑯸𑯹
  0x11C50, // Bhaiksuki 𑱐𑱑𑱒𑱓𑱔𑱕𑱖𑱗𑱘𑱙
  0x11D50, // Masaram Gondi 𑵐𑵑𑵒𑵓𑵔𑵕𑵖𑵗𑵘𑵙
  0x11DA0, // Gunjala Gondi 𑶠𑶡𑶢𑶣𑶤𑶥𑶦𑶧𑶨𑶩
  0x11F50, // Kawi 𑽐𑽑𑽒𑽓𑽔𑽕𑽖𑽗𑽘𑽙
  0x16A60, // Mro 𖩠𖩡𖩢𖩣𖩤𖩥𖩦𖩧𖩨𖩩
  0x16AC0, // Tangsa 𖫀𖫁𖫂𖫃𖫄𖫅𖫆𖫇𖫈𖫉
  0x16B50, // Pahawh Hmong 𖭐𖭑𖭒𖭓𖭔𖭕𖭖𖭗𖭘𖭙
  0x1E140, // Nyiakeng Puachue Hmong 𞅀𞅁𞅂𞅃𞅄𞅅𞅆𞅇𞅈𞅉
  0x1E2F0, // Wancho 𞋰𞋱𞋲𞋳𞋴𞋵𞋶𞋷𞋸𞋹
  0x1E4F0, // Nag Mundari 𞓰𞓱𞓲𞓳𞓴𞓵𞓶𞓷𞓸𞓹
  0x1E950, // Adlam 𞥐𞥑𞥒𞥓𞥔𞥕𞥖𞥗𞥘𞥙
  0x1FBF0, // Segmented digit symbols 🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹
];

// Build a sparse Map for scripts above 0xFFFF (surrogate-pair range).
// These can't go into a flat Uint8Array indexed by code point efficiently.
const NOT_DIGIT = 0xFF;
const HIGH_MAP = new Map(); // codePoint → digit value (0-9)

const LOW_MAX = 0xFFFF;
const LOW_MIN = 0x0660; // first non-ASCII digit script

// Flat Uint8Array covering 0x0660 .. 0xFFFF
const TABLE_OFFSET = LOW_MIN;
const TABLE_SIZE = LOW_MAX - LOW_MIN + 1;
const TABLE = new Uint8Array(TABLE_SIZE).fill(NOT_DIGIT);

for (const zero of SCRIPT_ZEROS) {
  for (let d = 0; d < 10; d++) {
    const cp = zero + d;
    if (cp <= LOW_MAX) {
      TABLE[cp - TABLE_OFFSET] = d;
    } else {
      HIGH_MAP.set(cp, d);
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/anynum/anynum.js




const CHAR_0 = 48; // '0'.charCodeAt(0)
const CHAR_9 = 57; // '9'.charCodeAt(0)
const CHAR_MINUS = 45; // '-'.charCodeAt(0)

// Unicode minus/hyphen variants worth normalizing to ASCII '-' in numeric context:
//   U+2212  MINUS SIGN       − (mathematically correct minus)
//   U+FF0D  FULLWIDTH HYPHEN-MINUS  － (Japanese fullwidth context)
//   U+FE63  SMALL HYPHEN-MINUS     ﹣ (small form variant)
//
// NOT normalized (deliberate):
//   U+2013  EN DASH  –  (punctuation, not a numeric sign)
//   U+2014  EM DASH  —  (punctuation)
//   U+2010  HYPHEN   ‐  (typographic hyphen)
//
// Rationale: only characters a human or locale formatter would plausibly use
// as a numeric minus sign are normalized. Dashes used for punctuation are left
// alone to avoid mangling non-numeric strings.
const MINUS_SET = new Set([0x2212, 0xFF0D, 0xFE63]);

/**
 * Normalize all Unicode decimal digit characters in a string to ASCII (0-9),
 * and normalize Unicode minus variants to ASCII '-' (U+002D).
 *
 * Non-digit, non-minus characters are passed through unchanged.
 *
 * Performance design:
 * - Fast path: if the string has no convertible characters, return it unchanged
 *   (zero allocation).
 * - BMP digits (0x0660..0xFFFF excl. surrogates): flat Uint8Array lookup (O(1)).
 * - Supplementary plane digits (> 0xFFFF, encoded as surrogate pairs): Map lookup.
 * - Minus variants: checked inline with a small fixed Set.
 *
 * @param {string} str
 * @returns {string}
 */
function anynum(str) {
  if (typeof str !== 'string') return str;

  const len = str.length;
  if (len === 0) return str;

  // Scan for first character needing conversion.
  // If none found, return original string (zero allocation).
  let firstHit = -1;

  for (let i = 0; i < len; i++) {
    const cc = str.charCodeAt(i);

    // ASCII digit or ASCII minus — already normalized, skip fast
    if ((cc >= CHAR_0 && cc <= CHAR_9) || cc === CHAR_MINUS) continue;

    // Below first unicode digit script — check minus variants only
    if (cc < TABLE_OFFSET) {
      if (MINUS_SET.has(cc)) { firstHit = i; break; }
      continue;
    }

    // Surrogate pairs live in BMP range 0xD800-0xDFFF — check before TABLE
    if (cc >= 0xD800 && cc <= 0xDBFF) {
      if (i + 1 < len) {
        const low = str.charCodeAt(i + 1);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          const cp = 0x10000 + ((cc - 0xD800) << 10) + (low - 0xDC00);
          if (HIGH_MAP.has(cp)) { firstHit = i; break; }
        }
      }
      continue;
    }

    // BMP non-surrogate: flat table lookup; also check minus variants in this range
    if (TABLE[cc - TABLE_OFFSET] !== NOT_DIGIT || MINUS_SET.has(cc)) {
      firstHit = i;
      break;
    }
  }

  // Nothing to replace — return original, zero allocation
  if (firstHit === -1) return str;

  // Build result: copy unchanged prefix, then convert from firstHit onward
  const chars = [];

  if (firstHit > 0) chars.push(str.slice(0, firstHit));

  for (let i = firstHit; i < len; i++) {
    const cc = str.charCodeAt(i);

    // ASCII digit or ASCII minus — pass through
    if ((cc >= CHAR_0 && cc <= CHAR_9) || cc === CHAR_MINUS) {
      chars.push(str[i]);
      continue;
    }

    // Below TABLE_OFFSET — check minus variants, else pass through
    if (cc < TABLE_OFFSET) {
      chars.push(MINUS_SET.has(cc) ? '-' : str[i]);
      continue;
    }

    // Surrogate pairs
    if (cc >= 0xD800 && cc <= 0xDBFF) {
      if (i + 1 < len) {
        const low = str.charCodeAt(i + 1);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          const cp = 0x10000 + ((cc - 0xD800) << 10) + (low - 0xDC00);
          const d = HIGH_MAP.get(cp);
          if (d !== undefined) {
            chars.push(String.fromCharCode(d + 48));
            i++; // consume low surrogate
            continue;
          }
        }
      }
      chars.push(str[i]);
      continue;
    }

    // BMP non-surrogate: flat table lookup + minus variants
    if (MINUS_SET.has(cc)) {
      chars.push('-');
      continue;
    }
    const d = TABLE[cc - TABLE_OFFSET];
    chars.push(d !== NOT_DIGIT ? String.fromCharCode(d + 48) : str[i]);
  }

  return chars.join('');
}


/* harmony default export */ const anynum_anynum = (anynum);
;// CONCATENATED MODULE: ./node_modules/strnum/strnum.js
const hexRegex = /^[-+]?0x[a-fA-F0-9]+$/;
const binRegex = /^0b[01]+$/;
const octRegex = /^0o[0-7]+$/;
const numRegex = /^([\-\+])?(0*)([0-9]*(\.[0-9]*)?)$/;



const consider = {
    hex: true,
    binary: false,
    octal: false,
    leadingZeros: true,
    decimalPoint: "\.",
    eNotation: true,
    //skipLike: /regex/,
    infinity: "original", // "null", "infinity" (Infinity type), "string" ("Infinity" (the string literal))
    unicode: false,
};

function toNumber(str, options = {}) {
    options = Object.assign({}, consider, options);
    if (!str || typeof str !== "string") return str;

    let trimmedStr = str.trim();

    if (trimmedStr.length === 0) return str;
    else if (options.skipLike !== undefined && options.skipLike.test(trimmedStr)) return str;
    else if (trimmedStr === "0") return 0;

    if (options.unicode) {
        trimmedStr = anynum_anynum(trimmedStr);
        if (trimmedStr === "0") return 0; // re-check after normalization
    }
    if (options.hex && hexRegex.test(trimmedStr)) {
        return parse_int(trimmedStr, 16);
    } else if (options.binary && binRegex.test(trimmedStr)) {
        return parse_int(trimmedStr, 2);
    } else if (options.octal && octRegex.test(trimmedStr)) {
        return parse_int(trimmedStr, 8);
    } else if (!isFinite(trimmedStr)) { //Infinity or not a number
        const num = Number(trimmedStr);
        if (Number.isNaN(num)) return str; //not a number: always the original string
        return handleInfinity(str, num, options); //only +/-Infinity reaches here
    } else if (trimmedStr.includes('e') || trimmedStr.includes('E')) { //eNotation
        return resolveEnotation(str, trimmedStr, options);
    } else {
        //separate negative sign, leading zeros, and rest number
        const match = numRegex.exec(trimmedStr);
        // +00.123 => [ , '+', '00', '.123', ..
        if (match) {
            const sign = match[1] || "";
            const leadingZeros = match[2];
            let numTrimmedByZeros = trimZeros(match[3]); //complete num without leading zeros
            const decimalAdjacentToLeadingZeros = sign ? // 0., -00., 000.
                trimmedStr[leadingZeros.length + 1] === "."
                : trimmedStr[leadingZeros.length] === ".";

            //trim ending zeros for floating number
            if (!options.leadingZeros //leading zeros are not allowed
                && (leadingZeros.length > 1
                    || (leadingZeros.length === 1 && !decimalAdjacentToLeadingZeros))) {
                // 00, 00.3, +03.24, 03, 03.24
                return str;
            }
            else {//no leading zeros or leading zeros are allowed
                const num = Number(trimmedStr);
                const parsedStr = String(num);

                if (num === 0) return num;
                if (parsedStr.search(/[eE]/) !== -1) { //given number is long and parsed to eNotation
                    if (options.eNotation) return num;
                    else return str;
                } else if (trimmedStr.indexOf(".") !== -1) { //floating number
                    if (parsedStr === "0") return num; //0.0
                    else if (parsedStr === numTrimmedByZeros) return num; //0.456. 0.79000
                    else if (parsedStr === `${sign}${numTrimmedByZeros}`) return num;
                    else return str;
                }

                let n = leadingZeros ? numTrimmedByZeros : trimmedStr;
                if (leadingZeros) {
                    // -009 => -9
                    return (n === parsedStr) || (sign + n === parsedStr) ? num : str
                } else {
                    // +9
                    return (n === parsedStr) || (n === sign + parsedStr) ? num : str
                }
            }
        } else { //non-numeric string
            return str;
        }
    }
}

const eNotationRegx = /^([-+])?(0*)(\d*(\.\d*)?[eE][-\+]?\d+)$/;
function resolveEnotation(str, trimmedStr, options) {
    if (!options.eNotation) return str;
    const notation = trimmedStr.match(eNotationRegx);
    if (notation) {
        let sign = notation[1] || "";
        const eChar = notation[3].indexOf("e") === -1 ? "E" : "e";
        const leadingZeros = notation[2];
        const eAdjacentToLeadingZeros = sign ? // 0E.
            trimmedStr[leadingZeros.length + 1] === eChar
            : trimmedStr[leadingZeros.length] === eChar;

        if (leadingZeros.length > 1 && eAdjacentToLeadingZeros) return str;
        else if (leadingZeros.length === 1
            && (notation[3].startsWith(`.${eChar}`) || notation[3][0] === eChar)) {
            return Number(trimmedStr);
        } else if (leadingZeros.length > 0) {
            // Has leading zeros — only accept if leadingZeros option allows it
            if (options.leadingZeros && !eAdjacentToLeadingZeros) {
                return Number(trimmedStr); // Number() accepts leading zeros; stripping can leave a mantissa-less ".e0"
            } else return str;
        } else {
            // No leading zeros — always valid e-notation, parse it
            return Number(trimmedStr);
        }
    } else {
        return str;
    }
}

/**
 * 
 * @param {string} numStr without leading zeros
 * @returns 
 */
function trimZeros(numStr) {
    if (numStr && numStr.indexOf(".") !== -1) {//float
        //remove ending zeros without the O(n^2) backtracking that /0+$/ hits
        //when the string doesn't end in 0 but has a long internal zero-run
        let end = numStr.length;
        while (end > 0 && numStr.charCodeAt(end - 1) === 48 /* '0' */) end--;
        numStr = numStr.slice(0, end);
        if (numStr === ".") numStr = "0";
        else if (numStr[0] === ".") numStr = "0" + numStr;
        else if (numStr[numStr.length - 1] === ".") numStr = numStr.substring(0, numStr.length - 1);
        return numStr;
    }
    return numStr;
}

function parse_int(numStr, base) {
    const str = numStr.trim();
    if (base === 2 || base === 8) numStr = str.substring(2);

    if (parseInt) return parseInt(numStr, base);
    else if (Number.parseInt) return Number.parseInt(numStr, base);
    else if (window && window.parseInt) return window.parseInt(numStr, base);
    else throw new Error("parseInt, Number.parseInt, window.parseInt are not supported");
}

/**
 * Handle infinite values based on user option
 * @param {string} str - original input string
 * @param {number} num - parsed number (Infinity or -Infinity)
 * @param {object} options - user options
 * @returns {string|number|null} based on infinity option
 */
function handleInfinity(str, num, options) {
    const isPositive = num === Infinity;

    switch (options.infinity.toLowerCase()) {
        case "null":
            return null;
        case "infinity":
            return num; // Return Infinity or -Infinity
        case "string":
            return isPositive ? "Infinity" : "-Infinity";
        case "original":
        default:
            return str; // Return original string like "1e1000"
    }
}

;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/ignoreAttributes.js
function getIgnoreAttributesFn(ignoreAttributes) {
    if (typeof ignoreAttributes === 'function') {
        return ignoreAttributes
    }
    if (Array.isArray(ignoreAttributes)) {
        return (attrName) => {
            for (const pattern of ignoreAttributes) {
                if (typeof pattern === 'string' && attrName === pattern) {
                    return true
                }
                if (pattern instanceof RegExp && pattern.test(attrName)) {
                    return true
                }
            }
        }
    }
    return () => false
}
;// CONCATENATED MODULE: ./node_modules/path-expression-matcher/src/Matcher.js


/**
 * MatcherView - A lightweight read-only view over a Matcher's internal state.
 *
 * Created once by Matcher and reused across all callbacks. Holds a direct
 * reference to the parent Matcher so it always reflects current parser state
 * with zero copying or freezing overhead.
 *
 * Users receive this via {@link Matcher#readOnly} or directly from parser
 * callbacks. It exposes all query and matching methods but has no mutation
 * methods — misuse is caught at the TypeScript level rather than at runtime.
 *
 * @example
 * const matcher = new Matcher();
 * const view = matcher.readOnly();
 *
 * matcher.push("root", {});
 * view.getCurrentTag(); // "root"
 * view.getDepth();      // 1
 */
class MatcherView {
  /**
   * @param {Matcher} matcher - The parent Matcher instance to read from.
   */
  constructor(matcher) {
    this._matcher = matcher;
  }

  /**
   * Get the path separator used by the parent matcher.
   * @returns {string}
   */
  get separator() {
    return this._matcher.separator;
  }

  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].tag : undefined;
  }

  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].namespace : undefined;
  }

  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return undefined;
    return path[path.length - 1].values?.[attrName];
  }

  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return false;
    const current = path[path.length - 1];
    return current.values !== undefined && attrName in current.values;
  }

  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {*}
   */
  getAnyParentAttr(attrName) {
    return this._matcher.getAnyParentAttr(attrName);
  }

  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    return this._matcher.hasAnyParentAttr(attrName);
  }

  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].position ?? 0;
  }

  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].counter ?? 0;
  }

  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }

  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this._matcher.path.length;
  }

  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    return this._matcher.toString(separator, includeNamespace);
  }

  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this._matcher.path.map(n => n.tag);
  }

  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    return this._matcher.matches(expression);
  }

  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this._matcher);
  }
}

/**
 * Matcher - Tracks current path in XML/JSON tree and matches against Expressions.
 *
 * The matcher maintains a stack of nodes representing the current path from root to
 * current tag. It only stores attribute values for the current (top) node to minimize
 * memory usage. Sibling tracking is used to auto-calculate position and counter.
 *
 * Use {@link Matcher#readOnly} to obtain a {@link MatcherView} safe to pass to
 * user callbacks — it always reflects current state with no Proxy overhead.
 *
 * @example
 * const matcher = new Matcher();
 * matcher.push("root", {});
 * matcher.push("users", {});
 * matcher.push("user", { id: "123", type: "admin" });
 *
 * const expr = new Expression("root.users.user");
 * matcher.matches(expr); // true
 */
class Matcher {
  /**
   * Create a new Matcher.
   * @param {Object} [options={}]
   * @param {string} [options.separator='.'] - Default path separator
   */
  constructor(options = {}) {
    this.separator = options.separator || '.';
    this.path = [];
    this.siblingStacks = [];
    // Each path node: { tag, values, position, counter, namespace? }
    // values only present for current (last) node
    // Each siblingStacks entry: Map<tagName, count> tracking occurrences at each level
    this._pathStringCache = null;
    this._view = new MatcherView(this);

    // Kept-attribute stack: only populated when push() is called with options.keep.
    this._keptAttrs = [];
  }

  /**
   * Push a new tag onto the path.
   * @param {string} tagName
   * @param {Object|null} [attrValues=null]
   * @param {string|null} [namespace=null]
   * @param {Object|null} [options=null]
   * @param {string[]} [options.keep] - Names of attributes (from attrValues)
   */
  push(tagName, attrValues = null, namespace = null, options = null) {
    this._pathStringCache = null;

    // Remove values from previous current node (now becoming ancestor)
    if (this.path.length > 0) {
      this.path[this.path.length - 1].values = undefined;
    }

    // Get or create sibling tracking for current level
    const currentLevel = this.path.length;
    let level = this.siblingStacks[currentLevel];
    if (!level) {
      // `counts` tells same-name siblings apart (the "counter" — nth <item>
      // among other <item>s). `total` is every child seen at this level so
      // far, kept as a running number instead of re-added from `counts` on
      // every push — a parent with many differently-named children would
      // otherwise cost more per child the more distinct names it has.
      level = { counts: new Map(), total: 0 };
      this.siblingStacks[currentLevel] = level;
    }

    // Create a unique key for sibling tracking that includes namespace
    const siblingKey = namespace ? `${namespace}:${tagName}` : tagName;

    // Calculate counter (how many times this tag appeared at this level)
    const counter = level.counts.get(siblingKey) || 0;

    // Position = total children at this level seen before this one.
    const position = level.total;

    // Update sibling count for this tag, and the level's running total.
    level.counts.set(siblingKey, counter + 1);
    level.total++;

    // Create new node
    const node = {
      tag: tagName,
      position: position,
      counter: counter
    };

    if (namespace !== null && namespace !== undefined) {
      node.namespace = namespace;
    }

    if (attrValues !== null && attrValues !== undefined) {
      node.values = attrValues;
    }

    this.path.push(node);

    // Depth of the node we just pushed (1-based, matches this.path.length)
    const depth = this.path.length;

    // Copy only the requested attributes into the kept-attrs stack. This is
    // the one part of push() whose cost scales with input (O(keep.length))
    // rather than being O(1) — by design, since the caller is explicitly
    // opting in for specific attribute names. No options/keep => zero added
    // cost beyond the two property reads below.
    const keep = options !== null ? options.keep : null;
    if (keep !== null && keep !== undefined && keep.length > 0 && attrValues) {
      for (let i = 0; i < keep.length; i++) {
        const name = keep[i];
        if (attrValues[name] !== undefined) {
          this._keptAttrs.push({ depth, name, value: attrValues[name] });
        }
      }
    }
  }

  /**
   * Pop the last tag from the path.
   * @returns {Object|undefined} The popped node
   */
  pop() {
    if (this.path.length === 0) return undefined;
    this._pathStringCache = null;

    const node = this.path.pop();

    if (this.siblingStacks.length > this.path.length + 1) {
      this.siblingStacks.length = this.path.length + 1;
    }

    // Drop any kept attributes that belonged to the popped node (or deeper).
    // _keptAttrs is depth-ordered (push only ever appends increasing depths),
    // so this is a backward scan that stops at the first surviving entry —
    // typically O(1) since kept attrs are rare by design.
    const poppedDepth = this.path.length + 1;
    while (
      this._keptAttrs.length > 0 &&
      this._keptAttrs[this._keptAttrs.length - 1].depth >= poppedDepth
    ) {
      this._keptAttrs.pop();
    }

    return node;
  }

  /**
   * Update current node's attribute values.
   * Useful when attributes are parsed after push.
   * @param {Object} attrValues
   */
  updateCurrent(attrValues) {
    if (this.path.length > 0) {
      const current = this.path[this.path.length - 1];
      if (attrValues !== null && attrValues !== undefined) {
        current.values = attrValues;
      }
    }
  }

  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    return this.path.length > 0 ? this.path[this.path.length - 1].tag : undefined;
  }

  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    return this.path.length > 0 ? this.path[this.path.length - 1].namespace : undefined;
  }

  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    if (this.path.length === 0) return undefined;
    return this.path[this.path.length - 1].values?.[attrName];
  }

  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    if (this.path.length === 0) return false;
    const current = this.path[this.path.length - 1];
    return current.values !== undefined && attrName in current.values;
  }

  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * Unlike getAttrValue(), this works regardless of how deep the path has
   * gone since the attribute was pushed — but only for attribute names that
   * were explicitly marked with `keep` at push time. Cost is proportional to
   * the number of currently-kept attributes (typically 0-3), not path depth.
   * @param {string} attrName
   * @returns {*} the value, or undefined if no ancestor kept this attribute
   */
  getAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return kept[i].value;
    }
    return undefined;
  }

  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return true;
    }
    return false;
  }

  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].position ?? 0;
  }

  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].counter ?? 0;
  }

  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }

  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this.path.length;
  }

  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    const sep = separator || this.separator;
    const isDefault = (sep === this.separator && includeNamespace === true);

    if (isDefault) {
      if (this._pathStringCache !== null) {
        return this._pathStringCache;
      }
      const result = this.path.map(n =>
        (n.namespace) ? `${n.namespace}:${n.tag}` : n.tag
      ).join(sep);
      this._pathStringCache = result;
      return result;
    }

    return this.path.map(n =>
      (includeNamespace && n.namespace) ? `${n.namespace}:${n.tag}` : n.tag
    ).join(sep);
  }

  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this.path.map(n => n.tag);
  }

  /**
   * Reset the path to empty.
   */
  reset() {
    this._pathStringCache = null;
    this.path = [];
    this.siblingStacks = [];
    this._keptAttrs = [];
  }

  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    const segments = expression.segments;

    if (segments.length === 0) {
      return false;
    }

    if (expression.hasDeepWildcard()) {
      return this._matchWithDeepWildcard(segments);
    }

    return this._matchSimple(segments);
  }

  /**
   * @private
   */
  _matchSimple(segments) {
    if (this.path.length !== segments.length) {
      return false;
    }

    for (let i = 0; i < segments.length; i++) {
      if (!this._matchSegment(segments[i], this.path[i], i === this.path.length - 1)) {
        return false;
      }
    }

    return true;
  }

  /**
   * @private
   */
  _matchWithDeepWildcard(segments) {
    let pathIdx = this.path.length - 1;
    let segIdx = segments.length - 1;

    while (segIdx >= 0 && pathIdx >= 0) {
      const segment = segments[segIdx];

      if (segment.type === 'deep-wildcard') {
        segIdx--;

        if (segIdx < 0) {
          return true;
        }

        const nextSeg = segments[segIdx];
        let found = false;

        for (let i = pathIdx; i >= 0; i--) {
          if (this._matchSegment(nextSeg, this.path[i], i === this.path.length - 1)) {
            pathIdx = i - 1;
            segIdx--;
            found = true;
            break;
          }
        }

        if (!found) {
          return false;
        }
      } else {
        if (!this._matchSegment(segment, this.path[pathIdx], pathIdx === this.path.length - 1)) {
          return false;
        }
        pathIdx--;
        segIdx--;
      }
    }

    return segIdx < 0;
  }

  /**
   * @private
   */
  _matchSegment(segment, node, isCurrentNode) {
    if (segment.tag !== '*' && segment.tag !== node.tag) {
      return false;
    }

    if (segment.namespace !== undefined) {
      if (segment.namespace !== '*' && segment.namespace !== node.namespace) {
        return false;
      }
    }

    if (segment.attrName !== undefined) {
      if (!isCurrentNode) {
        return false;
      }

      if (!node.values || !(segment.attrName in node.values)) {
        return false;
      }

      if (segment.attrValue !== undefined) {
        if (String(node.values[segment.attrName]) !== String(segment.attrValue)) {
          return false;
        }
      }
    }

    if (segment.position !== undefined) {
      if (!isCurrentNode) {
        return false;
      }

      const counter = node.counter ?? 0;

      if (segment.position === 'first' && counter !== 0) {
        return false;
      } else if (segment.position === 'odd' && counter % 2 !== 1) {
        return false;
      } else if (segment.position === 'even' && counter % 2 !== 0) {
        return false;
      } else if (segment.position === 'nth' && counter !== segment.positionValue) {
        return false;
      }
    }

    return true;
  }

  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this);
  }

  /**
   * Create a snapshot of current state.
   * @returns {Object}
   */
  snapshot() {
    return {
      path: this.path.map(node => ({ ...node })),
      siblingStacks: this.siblingStacks.map(level => level ? { counts: new Map(level.counts), total: level.total } : level),
      keptAttrs: this._keptAttrs.map(entry => ({ ...entry }))
    };
  }

  /**
   * Restore state from snapshot.
   * @param {Object} snapshot
   */
  restore(snapshot) {
    this._pathStringCache = null;
    this.path = snapshot.path.map(node => ({ ...node }));
    this.siblingStacks = snapshot.siblingStacks.map(level => level ? { counts: new Map(level.counts), total: level.total } : level);
    this._keptAttrs = (snapshot.keptAttrs || []).map(entry => ({ ...entry }));
  }

  /**
   * Return the read-only {@link MatcherView} for this matcher.
   *
   * The same instance is returned on every call — no allocation occurs.
   * It always reflects the current parser state and is safe to pass to
   * user callbacks without risk of accidental mutation.
   *
   * @returns {MatcherView}
   *
   * @example
   * const view = matcher.readOnly();
   * // pass view to callbacks — it stays in sync automatically
   * view.matches(expr);       // ✓
   * view.getCurrentTag();     // ✓
   * // view.push(...)         // ✗ method does not exist — caught by TypeScript
   */
  readOnly() {
    return this._view;
  }
}

;// CONCATENATED MODULE: ./node_modules/path-expression-matcher/src/Expression.js
/**
 * Expression - Parses and stores a tag pattern expression
 * 
 * Patterns are parsed once and stored in an optimized structure for fast matching.
 * 
 * @example
 * const expr = new Expression("root.users.user");
 * const expr2 = new Expression("..user[id]:first");
 * const expr3 = new Expression("root/users/user", { separator: '/' });
 */
class Expression {
  /**
   * Create a new Expression
   * @param {string} pattern - Pattern string (e.g., "root.users.user", "..user[id]")
   * @param {Object} options - Configuration options
   * @param {string} options.separator - Path separator (default: '.')
   */
  constructor(pattern, options = {}, data) {
    this.pattern = pattern;
    this.separator = options.separator || '.';
    this.segments = this._parse(pattern);
    this.data = data;
    // Cache expensive checks for performance (O(1) instead of O(n))
    this._hasDeepWildcard = this.segments.some(seg => seg.type === 'deep-wildcard');
    this._hasAttributeCondition = this.segments.some(seg => seg.attrName !== undefined);
    this._hasPositionSelector = this.segments.some(seg => seg.position !== undefined);
  }

  /**
   * Parse pattern string into segments
   * @private
   * @param {string} pattern - Pattern to parse
   * @returns {Array} Array of segment objects
   */
  _parse(pattern) {
    const segments = [];

    // Split by separator but handle ".." specially
    let i = 0;
    let currentPart = '';

    while (i < pattern.length) {
      if (pattern[i] === this.separator) {
        // Check if next char is also separator (deep wildcard)
        if (i + 1 < pattern.length && pattern[i + 1] === this.separator) {
          // Flush current part if any
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
            currentPart = '';
          }
          // Add deep wildcard
          segments.push({ type: 'deep-wildcard' });
          i += 2; // Skip both separators
        } else {
          // Regular separator
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
          }
          currentPart = '';
          i++;
        }
      } else {
        currentPart += pattern[i];
        i++;
      }
    }

    // Flush remaining part
    if (currentPart.trim()) {
      segments.push(this._parseSegment(currentPart.trim()));
    }

    return segments;
  }

  /**
   * Parse a single segment
   * @private
   * @param {string} part - Segment string (e.g., "user", "ns::user", "user[id]", "ns::user:first")
   * @returns {Object} Segment object
   */
  _parseSegment(part) {
    const segment = { type: 'tag' };

    // NEW NAMESPACE SYNTAX (v2.0):
    // ============================
    // Namespace uses DOUBLE colon (::)
    // Position uses SINGLE colon (:)
    // 
    // Examples:
    //   "user"              → tag
    //   "user:first"        → tag + position
    //   "user[id]"          → tag + attribute
    //   "user[id]:first"    → tag + attribute + position
    //   "ns::user"          → namespace + tag
    //   "ns::user:first"    → namespace + tag + position
    //   "ns::user[id]"      → namespace + tag + attribute
    //   "ns::user[id]:first" → namespace + tag + attribute + position
    //   "ns::first"         → namespace + tag named "first" (NO ambiguity!)
    //
    // This eliminates all ambiguity:
    //   :: = namespace separator
    //   :  = position selector
    //   [] = attributes

    // Step 1: Extract brackets [attr] or [attr=value]
    let bracketContent = null;
    let withoutBrackets = part;

    const bracketMatch = part.match(/^([^\[]+)(\[[^\]]*\])(.*)$/);
    if (bracketMatch) {
      withoutBrackets = bracketMatch[1] + bracketMatch[3];
      if (bracketMatch[2]) {
        const content = bracketMatch[2].slice(1, -1);
        if (content) {
          bracketContent = content;
        }
      }
    }

    // Step 2: Check for namespace (double colon ::)
    let namespace = undefined;
    let tagAndPosition = withoutBrackets;

    if (withoutBrackets.includes('::')) {
      const nsIndex = withoutBrackets.indexOf('::');
      namespace = withoutBrackets.substring(0, nsIndex).trim();
      tagAndPosition = withoutBrackets.substring(nsIndex + 2).trim(); // Skip ::

      if (!namespace) {
        throw new Error(`Invalid namespace in pattern: ${part}`);
      }
    }

    // Step 3: Parse tag and position (single colon :)
    let tag = undefined;
    let positionMatch = null;

    if (tagAndPosition.includes(':')) {
      const colonIndex = tagAndPosition.lastIndexOf(':'); // Use last colon for position
      const tagPart = tagAndPosition.substring(0, colonIndex).trim();
      const posPart = tagAndPosition.substring(colonIndex + 1).trim();

      // Verify position is a valid keyword
      const isPositionKeyword = ['first', 'last', 'odd', 'even'].includes(posPart) ||
        /^nth\(\d+\)$/.test(posPart);

      if (isPositionKeyword) {
        tag = tagPart;
        positionMatch = posPart;
      } else {
        // Not a valid position keyword, treat whole thing as tag
        tag = tagAndPosition;
      }
    } else {
      tag = tagAndPosition;
    }

    if (!tag) {
      throw new Error(`Invalid segment pattern: ${part}`);
    }

    segment.tag = tag;
    if (namespace) {
      segment.namespace = namespace;
    }

    // Step 4: Parse attributes
    if (bracketContent) {
      if (bracketContent.includes('=')) {
        const eqIndex = bracketContent.indexOf('=');
        segment.attrName = bracketContent.substring(0, eqIndex).trim();
        segment.attrValue = bracketContent.substring(eqIndex + 1).trim();
      } else {
        segment.attrName = bracketContent.trim();
      }
    }

    // Step 5: Parse position selector
    if (positionMatch) {
      const nthMatch = positionMatch.match(/^nth\((\d+)\)$/);
      if (nthMatch) {
        segment.position = 'nth';
        segment.positionValue = parseInt(nthMatch[1], 10);
      } else {
        segment.position = positionMatch;
      }
    }

    return segment;
  }

  /**
   * Get the number of segments
   * @returns {number}
   */
  get length() {
    return this.segments.length;
  }

  /**
   * Check if expression contains deep wildcard
   * @returns {boolean}
   */
  hasDeepWildcard() {
    return this._hasDeepWildcard;
  }

  /**
   * Check if expression has attribute conditions
   * @returns {boolean}
   */
  hasAttributeCondition() {
    return this._hasAttributeCondition;
  }

  /**
   * Check if expression has position selectors
   * @returns {boolean}
   */
  hasPositionSelector() {
    return this._hasPositionSelector;
  }

  /**
   * Get string representation
   * @returns {string}
   */
  toString() {
    return this.pattern;
  }
}
;// CONCATENATED MODULE: ./node_modules/path-expression-matcher/src/ExpressionSet.js
/**
 * ExpressionSet - An indexed collection of Expressions for efficient bulk matching
 *
 * Instead of iterating all expressions on every tag, ExpressionSet pre-indexes
 * them at insertion time by depth and terminal tag name. At match time, only
 * the relevant bucket is evaluated — typically reducing checks from O(E) to O(1)
 * lookup plus O(small bucket) matches.
 *
 * Three buckets are maintained:
 *  - `_byDepthAndTag`  — exact depth + exact tag name  (tightest, used first)
 *  - `_wildcardByDepth` — exact depth + wildcard tag `*` (depth-matched only)
 *  - `_deepWildcards`  — expressions containing `..`  (cannot be depth-indexed)
 *
 * @example
 * import { Expression, ExpressionSet } from 'fast-xml-tagger';
 *
 * // Build once at config time
 * const stopNodes = new ExpressionSet();
 * stopNodes.add(new Expression('root.users.user'));
 * stopNodes.add(new Expression('root.config.setting'));
 * stopNodes.add(new Expression('..script'));
 *
 * // Query on every tag — hot path
 * if (stopNodes.matchesAny(matcher)) { ... }
 */
class ExpressionSet {
  constructor() {
    /** @type {Map<string, import('./Expression.js').default[]>} depth:tag → expressions */
    this._byDepthAndTag = new Map();

    /** @type {Map<number, import('./Expression.js').default[]>} depth → wildcard-tag expressions */
    this._wildcardByDepth = new Map();

    /** @type {import('./Expression.js').default[]} expressions containing deep wildcard (..) */
    this._deepWildcards = [];

    /** @type {Map<string, import('./Expression.js').default[]>} terminalTag → deep wildcard expressions */
    this._deepByTerminalTag = new Map();

    /** @type {Set<string>} pattern strings already added — used for deduplication */
    this._patterns = new Set();

    /** @type {boolean} whether the set is sealed against further additions */
    this._sealed = false;
  }

  /**
   * Add an Expression to the set.
   * Duplicate patterns (same pattern string) are silently ignored.
   *
   * @param {import('./Expression.js').default} expression - A pre-constructed Expression instance
   * @returns {this} for chaining
   * @throws {TypeError} if called after seal()
   *
   * @example
   * set.add(new Expression('root.users.user'));
   * set.add(new Expression('..script'));
   */
  add(expression) {
    if (this._sealed) {
      throw new TypeError(
        'ExpressionSet is sealed. Create a new ExpressionSet to add more expressions.'
      );
    }

    // Deduplicate by pattern string
    if (this._patterns.has(expression.pattern)) return this;
    this._patterns.add(expression.pattern);

    if (expression.hasDeepWildcard()) {
      const lastSeg = expression.segments[expression.segments.length - 1];
      if (lastSeg && lastSeg.type !== 'deep-wildcard' && lastSeg.tag !== '*') {
        const tag = lastSeg.tag;
        if (!this._deepByTerminalTag.has(tag)) this._deepByTerminalTag.set(tag, []);
        this._deepByTerminalTag.get(tag).push(expression);
      } else {
        this._deepWildcards.push(expression);
      }
      return this;
    }

    const depth = expression.length;
    const lastSeg = expression.segments[expression.segments.length - 1];
    const tag = lastSeg?.tag;

    if (!tag || tag === '*') {
      // Can index by depth but not by tag
      if (!this._wildcardByDepth.has(depth)) this._wildcardByDepth.set(depth, []);
      this._wildcardByDepth.get(depth).push(expression);
    } else {
      // Tightest bucket: depth + tag
      const key = `${depth}:${tag}`;
      if (!this._byDepthAndTag.has(key)) this._byDepthAndTag.set(key, []);
      this._byDepthAndTag.get(key).push(expression);
    }

    return this;
  }

  /**
   * Add multiple expressions at once.
   *
   * @param {import('./Expression.js').default[]} expressions - Array of Expression instances
   * @returns {this} for chaining
   *
   * @example
   * set.addAll([
   *   new Expression('root.users.user'),
   *   new Expression('root.config.setting'),
   * ]);
   */
  addAll(expressions) {
    for (const expr of expressions) this.add(expr);
    return this;
  }

  /**
   * Check whether a pattern string is already present in the set.
   *
   * @param {import('./Expression.js').default} expression
   * @returns {boolean}
   */
  has(expression) {
    return this._patterns.has(expression.pattern);
  }

  /**
   * Number of expressions in the set.
   * @type {number}
   */
  get size() {
    return this._patterns.size;
  }

  /**
   * Seal the set against further modifications.
   * Useful to prevent accidental mutations after config is built.
   * Calling add() or addAll() on a sealed set throws a TypeError.
   *
   * @returns {this}
   */
  seal() {
    this._sealed = true;
    return this;
  }

  /**
   * Whether the set has been sealed.
   * @type {boolean}
   */
  get isSealed() {
    return this._sealed;
  }

  /**
   * Test whether the matcher's current path matches any expression in the set.
   *
   * Evaluation order (cheapest → most expensive):
   *  1. Exact depth + tag bucket  — O(1) lookup, typically 0–2 expressions
   *  2. Depth-only wildcard bucket — O(1) lookup, rare
   *  3. Deep-wildcard list         — always checked, but usually small
   *
   * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
   * @returns {boolean} true if any expression matches the current path
   *
   * @example
   * if (stopNodes.matchesAny(matcher)) {
   *   // handle stop node
   * }
   */
  matchesAny(matcher) {
    return this.findMatch(matcher) !== null;
  }
  /**
 * Find and return the first Expression that matches the matcher's current path.
 *
 * Uses the same evaluation order as matchesAny (cheapest → most expensive):
 *  1. Exact depth + tag bucket
 *  2. Depth-only wildcard bucket
 *  3. Deep-wildcard list
 *
 * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
 * @returns {import('./Expression.js').default | null} the first matching Expression, or null
 *
 * @example
 * const expr = stopNodes.findMatch(matcher);
 * if (expr) {
 *   // access expr.config, expr.pattern, etc.
 * }
 */
  findMatch(matcher) {
    const depth = matcher.getDepth();
    const tag = matcher.getCurrentTag();

    // 1. Tightest bucket — most expressions live here
    const exactKey = `${depth}:${tag}`;
    const exactBucket = this._byDepthAndTag.get(exactKey);
    if (exactBucket) {
      for (let i = 0; i < exactBucket.length; i++) {
        if (matcher.matches(exactBucket[i])) return exactBucket[i];
      }
    }

    // 2. Depth-matched wildcard-tag expressions
    const wildcardBucket = this._wildcardByDepth.get(depth);
    if (wildcardBucket) {
      for (let i = 0; i < wildcardBucket.length; i++) {
        if (matcher.matches(wildcardBucket[i])) return wildcardBucket[i];
      }
    }

    // 3. Deep wildcards — indexed by terminal tag, then unindexed fallback
    const deepBucket = this._deepByTerminalTag.get(tag);
    if (deepBucket) {
      for (let i = 0; i < deepBucket.length; i++) {
        if (matcher.matches(deepBucket[i])) return deepBucket[i];
      }
    }
    for (let i = 0; i < this._deepWildcards.length; i++) {
      if (matcher.matches(this._deepWildcards[i])) return this._deepWildcards[i];
    }

    return null;
  }
}

;// CONCATENATED MODULE: ./node_modules/@nodable/entities/src/entities.js
// ---------------------------------------------------------------------------
// Complete HTML5 named entity reference
// Organized by logical categories for easy maintenance and selective importing
// ---------------------------------------------------------------------------

/**
 * Basic Latin & Special Characters
 * @type {Record<string, string>}
 */
const BASIC_LATIN = {
  amp: '&',
  AMP: '&',
  lt: '<',
  LT: '<',
  gt: '>',
  GT: '>',
  quot: '"',
  QUOT: '"',
  apos: "'",
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  lsquor: '‚',
  rsquor: '’',
  ldquor: '„',
  bdquo: '„',
  comma: ',',
  period: '.',
  colon: ':',
  semi: ';',
  excl: '!',
  quest: '?',
  num: '#',
  dollar: '$',
  percent: '%',
  ast: '*',
  commat: '@',
  lowbar: '_',
  verbar: '|',
  vert: '|',
  sol: '/',
  bsol: '\\',
  lbrace: '{',
  rbrace: '}',
  lbrack: '[',
  rbrack: ']',
  lpar: '(',
  rpar: ')',
  nbsp: '\u00a0',
  iexcl: '¡',
  cent: '¢',
  pound: '£',
  curren: '¤',
  yen: '¥',
  brvbar: '¦',
  sect: '§',
  uml: '¨',
  copy: '©',
  COPY: '©',
  ordf: 'ª',
  laquo: '«',
  not: '¬',
  shy: '\u00ad',
  reg: '®',
  REG: '®',
  macr: '¯',
  deg: '°',
  plusmn: '±',
  sup2: '²',
  sup3: '³',
  acute: '´',
  micro: 'µ',
  para: '¶',
  middot: '·',
  cedil: '¸',
  sup1: '¹',
  ordm: 'º',
  raquo: '»',
  frac14: '¼',
  frac12: '½',
  half: '½',
  frac34: '¾',
  iquest: '¿',
  times: '×',
  div: '÷',
  divide: '÷',
};

/**
 * Latin Extended & Accented Letters (A-Z)
 * @type {Record<string, string>}
 */
const LATIN_ACCENTS = {
  Agrave: 'À',
  agrave: 'à',
  Aacute: 'Á',
  aacute: 'á',
  Acirc: 'Â',
  acirc: 'â',
  Atilde: 'Ã',
  atilde: 'ã',
  Auml: 'Ä',
  auml: 'ä',
  Aring: 'Å',
  aring: 'å',
  AElig: 'Æ',
  aelig: 'æ',
  Ccedil: 'Ç',
  ccedil: 'ç',
  Egrave: 'È',
  egrave: 'è',
  Eacute: 'É',
  eacute: 'é',
  Ecirc: 'Ê',
  ecirc: 'ê',
  Euml: 'Ë',
  euml: 'ë',
  Igrave: 'Ì',
  igrave: 'ì',
  Iacute: 'Í',
  iacute: 'í',
  Icirc: 'Î',
  icirc: 'î',
  Iuml: 'Ï',
  iuml: 'ï',
  ETH: 'Ð',
  eth: 'ð',
  Ntilde: 'Ñ',
  ntilde: 'ñ',
  Ograve: 'Ò',
  ograve: 'ò',
  Oacute: 'Ó',
  oacute: 'ó',
  Ocirc: 'Ô',
  ocirc: 'ô',
  Otilde: 'Õ',
  otilde: 'õ',
  Ouml: 'Ö',
  ouml: 'ö',
  Oslash: 'Ø',
  oslash: 'ø',
  Ugrave: 'Ù',
  ugrave: 'ù',
  Uacute: 'Ú',
  uacute: 'ú',
  Ucirc: 'Û',
  ucirc: 'û',
  Uuml: 'Ü',
  uuml: 'ü',
  Yacute: 'Ý',
  yacute: 'ý',
  THORN: 'Þ',
  thorn: 'þ',
  szlig: 'ß',
  yuml: 'ÿ',
  Yuml: 'Ÿ',
};

/**
 * Latin Extended (Letters with diacritics)
 * @type {Record<string, string>}
 */
const LATIN_EXTENDED = {
  Amacr: 'Ā',
  amacr: 'ā',
  Abreve: 'Ă',
  abreve: 'ă',
  Aogon: 'Ą',
  aogon: 'ą',
  Cacute: 'Ć',
  cacute: 'ć',
  Ccirc: 'Ĉ',
  ccirc: 'ĉ',
  Cdot: 'Ċ',
  cdot: 'ċ',
  Ccaron: 'Č',
  ccaron: 'č',
  Dcaron: 'Ď',
  dcaron: 'ď',
  Dstrok: 'Đ',
  dstrok: 'đ',
  Emacr: 'Ē',
  emacr: 'ē',
  Ecaron: 'Ě',
  ecaron: 'ě',
  Edot: 'Ė',
  edot: 'ė',
  Eogon: 'Ę',
  eogon: 'ę',
  Gcirc: 'Ĝ',
  gcirc: 'ĝ',
  Gbreve: 'Ğ',
  gbreve: 'ğ',
  Gdot: 'Ġ',
  gdot: 'ġ',
  Gcedil: 'Ģ',
  Hcirc: 'Ĥ',
  hcirc: 'ĥ',
  Hstrok: 'Ħ',
  hstrok: 'ħ',
  Itilde: 'Ĩ',
  itilde: 'ĩ',
  Imacr: 'Ī',
  imacr: 'ī',
  Iogon: 'Į',
  iogon: 'į',
  Idot: 'İ',
  IJlig: 'Ĳ',
  ijlig: 'ĳ',
  Jcirc: 'Ĵ',
  jcirc: 'ĵ',
  Kcedil: 'Ķ',
  kcedil: 'ķ',
  kgreen: 'ĸ',
  Lacute: 'Ĺ',
  lacute: 'ĺ',
  Lcedil: 'Ļ',
  lcedil: 'ļ',
  Lcaron: 'Ľ',
  lcaron: 'ľ',
  Lmidot: 'Ŀ',
  lmidot: 'ŀ',
  Lstrok: 'Ł',
  lstrok: 'ł',
  Nacute: 'Ń',
  nacute: 'ń',
  Ncaron: 'Ň',
  ncaron: 'ň',
  Ncedil: 'Ņ',
  ncedil: 'ņ',
  ENG: 'Ŋ',
  eng: 'ŋ',
  Omacr: 'Ō',
  omacr: 'ō',
  Odblac: 'Ő',
  odblac: 'ő',
  OElig: 'Œ',
  oelig: 'œ',
  Racute: 'Ŕ',
  racute: 'ŕ',
  Rcaron: 'Ř',
  rcaron: 'ř',
  Rcedil: 'Ŗ',
  rcedil: 'ŗ',
  Sacute: 'Ś',
  sacute: 'ś',
  Scirc: 'Ŝ',
  scirc: 'ŝ',
  Scedil: 'Ş',
  scedil: 'ş',
  Scaron: 'Š',
  scaron: 'š',
  Tcedil: 'Ţ',
  tcedil: 'ţ',
  Tcaron: 'Ť',
  tcaron: 'ť',
  Tstrok: 'Ŧ',
  tstrok: 'ŧ',
  Utilde: 'Ũ',
  utilde: 'ũ',
  Umacr: 'Ū',
  umacr: 'ū',
  Ubreve: 'Ŭ',
  ubreve: 'ŭ',
  Uring: 'Ů',
  uring: 'ů',
  Udblac: 'Ű',
  udblac: 'ű',
  Uogon: 'Ų',
  uogon: 'ų',
  Wcirc: 'Ŵ',
  wcirc: 'ŵ',
  Ycirc: 'Ŷ',
  ycirc: 'ŷ',
  Zacute: 'Ź',
  zacute: 'ź',
  Zdot: 'Ż',
  zdot: 'ż',
  Zcaron: 'Ž',
  zcaron: 'ž',
};

/**
 * Greek Letters
 * @type {Record<string, string>}
 */
const GREEK = {
  Alpha: 'Α',
  alpha: 'α',
  Beta: 'Β',
  beta: 'β',
  Gamma: 'Γ',
  gamma: 'γ',
  Delta: 'Δ',
  delta: 'δ',
  Epsilon: 'Ε',
  epsilon: 'ε',
  epsiv: 'ϵ',
  varepsilon: 'ϵ',
  Zeta: 'Ζ',
  zeta: 'ζ',
  Eta: 'Η',
  eta: 'η',
  Theta: 'Θ',
  theta: 'θ',
  thetasym: 'ϑ',
  vartheta: 'ϑ',
  Iota: 'Ι',
  iota: 'ι',
  Kappa: 'Κ',
  kappa: 'κ',
  kappav: 'ϰ',
  varkappa: 'ϰ',
  Lambda: 'Λ',
  lambda: 'λ',
  Mu: 'Μ',
  mu: 'μ',
  Nu: 'Ν',
  nu: 'ν',
  Xi: 'Ξ',
  xi: 'ξ',
  Omicron: 'Ο',
  omicron: 'ο',
  Pi: 'Π',
  pi: 'π',
  piv: 'ϖ',
  varpi: 'ϖ',
  Rho: 'Ρ',
  rho: 'ρ',
  rhov: 'ϱ',
  varrho: 'ϱ',
  Sigma: 'Σ',
  sigma: 'σ',
  sigmaf: 'ς',
  sigmav: 'ς',
  varsigma: 'ς',
  Tau: 'Τ',
  tau: 'τ',
  Upsilon: 'Υ',
  upsilon: 'υ',
  upsi: 'υ',
  Upsi: 'ϒ',
  upsih: 'ϒ',
  Phi: 'Φ',
  phi: 'φ',
  phiv: 'ϕ',
  varphi: 'ϕ',
  Chi: 'Χ',
  chi: 'χ',
  Psi: 'Ψ',
  psi: 'ψ',
  Omega: 'Ω',
  omega: 'ω',
  ohm: 'Ω',
  Gammad: 'Ϝ',
  gammad: 'ϝ',
  digamma: 'ϝ',
};

/**
 * Cyrillic Letters
 * @type {Record<string, string>}
 */
const CYRILLIC = {
  Afr: '𝔄',
  afr: '𝔞',
  Acy: 'А',
  acy: 'а',
  Bcy: 'Б',
  bcy: 'б',
  Vcy: 'В',
  vcy: 'в',
  Gcy: 'Г',
  gcy: 'г',
  Dcy: 'Д',
  dcy: 'д',
  IEcy: 'Е',
  iecy: 'е',
  IOcy: 'Ё',
  iocy: 'ё',
  ZHcy: 'Ж',
  zhcy: 'ж',
  Zcy: 'З',
  zcy: 'з',
  Icy: 'И',
  icy: 'и',
  Jcy: 'Й',
  jcy: 'й',
  Kcy: 'К',
  kcy: 'к',
  Lcy: 'Л',
  lcy: 'л',
  Mcy: 'М',
  mcy: 'м',
  Ncy: 'Н',
  ncy: 'н',
  Ocy: 'О',
  ocy: 'о',
  Pcy: 'П',
  pcy: 'п',
  Rcy: 'Р',
  rcy: 'р',
  Scy: 'С',
  scy: 'с',
  Tcy: 'Т',
  tcy: 'т',
  Ucy: 'У',
  ucy: 'у',
  Fcy: 'Ф',
  fcy: 'ф',
  KHcy: 'Х',
  khcy: 'х',
  TScy: 'Ц',
  tscy: 'ц',
  CHcy: 'Ч',
  chcy: 'ч',
  SHcy: 'Ш',
  shcy: 'ш',
  SHCHcy: 'Щ',
  shchcy: 'щ',
  HARDcy: 'Ъ',
  hardcy: 'ъ',
  Ycy: 'Ы',
  ycy: 'ы',
  SOFTcy: 'Ь',
  softcy: 'ь',
  Ecy: 'Э',
  ecy: 'э',
  YUcy: 'Ю',
  yucy: 'ю',
  YAcy: 'Я',
  yacy: 'я',
  DJcy: 'Ђ',
  djcy: 'ђ',
  GJcy: 'Ѓ',
  gjcy: 'ѓ',
  Jukcy: 'Є',
  jukcy: 'є',
  DScy: 'Ѕ',
  dscy: 'ѕ',
  Iukcy: 'І',
  iukcy: 'і',
  YIcy: 'Ї',
  yicy: 'ї',
  Jsercy: 'Ј',
  jsercy: 'ј',
  LJcy: 'Љ',
  ljcy: 'љ',
  NJcy: 'Њ',
  njcy: 'њ',
  TSHcy: 'Ћ',
  tshcy: 'ћ',
  KJcy: 'Ќ',
  kjcy: 'ќ',
  Ubrcy: 'Ў',
  ubrcy: 'ў',
  DZcy: 'Џ',
  dzcy: 'џ',
};

/**
 * Mathematical Operators & Relations
 * @type {Record<string, string>}
 */
const MATH = {
  plus: '+',
  pm: '±',
  times: '×',
  div: '÷',
  divide: '÷',
  sdot: '⋅',
  star: '☆',
  starf: '★',
  bigstar: '★',
  lowast: '∗',
  ast: '*',
  midast: '*',
  compfn: '∘',
  smallcircle: '∘',
  bullet: '•',
  bull: '•',
  nbsp: '\u00a0',
  hellip: '…',
  mldr: '…',
  prime: '′',
  Prime: '″',
  tprime: '‴',
  bprime: '‵',
  backprime: '‵',
  minus: '−',
  minusd: '∸',
  dotminus: '∸',
  plusdo: '∔',
  dotplus: '∔',
  plusmn: '±',
  minusplus: '∓',
  mnplus: '∓',
  mp: '∓',
  setminus: '∖',
  smallsetminus: '∖',
  Backslash: '∖',
  setmn: '∖',
  ssetmn: '∖',
  lowbar: '_',
  verbar: '|',
  vert: '|',
  VerticalLine: '|',
  colon: ':',
  Colon: '∷',
  Proportion: '∷',
  ratio: '∶',
  equals: '=',
  ne: '≠',
  nequiv: '≢',
  equiv: '≡',
  Congruent: '≡',
  sim: '∼',
  thicksim: '∼',
  thksim: '∼',
  sime: '≃',
  simeq: '≃',
  TildeEqual: '≃',
  asymp: '≈',
  approx: '≈',
  thickapprox: '≈',
  thkap: '≈',
  TildeTilde: '≈',
  ncong: '≇',
  cong: '≅',
  TildeFullEqual: '≅',
  asympeq: '≍',
  CupCap: '≍',
  bump: '≎',
  Bumpeq: '≎',
  HumpDownHump: '≎',
  bumpe: '≏',
  bumpeq: '≏',
  HumpEqual: '≏',
  le: '≤',
  LessEqual: '≤',
  ge: '≥',
  GreaterEqual: '≥',
  lesseqgtr: '⋚',
  lesseqqgtr: '⪋',
  greater: '>',
  less: '<',
};

/**
 * Mathematical Operators (Advanced)
 * @type {Record<string, string>}
 */
const MATH_ADVANCED = {
  alefsym: 'ℵ',
  aleph: 'ℵ',
  beth: 'ℶ',
  gimel: 'ℷ',
  daleth: 'ℸ',
  forall: '∀',
  ForAll: '∀',
  part: '∂',
  PartialD: '∂',
  exist: '∃',
  Exists: '∃',
  nexist: '∄',
  nexists: '∄',
  empty: '∅',
  emptyset: '∅',
  emptyv: '∅',
  varnothing: '∅',
  nabla: '∇',
  Del: '∇',
  isin: '∈',
  isinv: '∈',
  in: '∈',
  Element: '∈',
  notin: '∉',
  notinva: '∉',
  ni: '∋',
  niv: '∋',
  SuchThat: '∋',
  ReverseElement: '∋',
  notni: '∌',
  notniva: '∌',
  prod: '∏',
  Product: '∏',
  coprod: '∐',
  Coproduct: '∐',
  sum: '∑',
  Sum: '∑',
  minus: '−',
  mp: '∓',
  plusdo: '∔',
  dotplus: '∔',
  setminus: '∖',
  lowast: '∗',
  radic: '√',
  Sqrt: '√',
  prop: '∝',
  propto: '∝',
  Proportional: '∝',
  varpropto: '∝',
  infin: '∞',
  infintie: '⧝',
  ang: '∠',
  angle: '∠',
  angmsd: '∡',
  measuredangle: '∡',
  angsph: '∢',
  mid: '∣',
  VerticalBar: '∣',
  nmid: '∤',
  nsmid: '∤',
  npar: '∦',
  parallel: '∥',
  spar: '∥',
  nparallel: '∦',
  nspar: '∦',
  and: '∧',
  wedge: '∧',
  or: '∨',
  vee: '∨',
  cap: '∩',
  cup: '∪',
  int: '∫',
  Integral: '∫',
  conint: '∮',
  ContourIntegral: '∮',
  Conint: '∯',
  DoubleContourIntegral: '∯',
  Cconint: '∰',
  there4: '∴',
  therefore: '∴',
  Therefore: '∴',
  becaus: '∵',
  because: '∵',
  Because: '∵',
  ratio: '∶',
  Proportion: '∷',
  minusd: '∸',
  dotminus: '∸',
  mDDot: '∺',
  homtht: '∻',
  sim: '∼',
  bsimg: '∽',
  backsim: '∽',
  ac: '∾',
  mstpos: '∾',
  acd: '∿',
  VerticalTilde: '≀',
  wr: '≀',
  wreath: '≀',
  nsime: '≄',
  nsimeq: '≄',
  ncong: '≇',
  simne: '≆',
  ncongdot: '⩭̸',
  ngsim: '≵',
  nsim: '≁',
  napprox: '≉',
  nap: '≉',
  ngeq: '≱',
  nge: '≱',
  nleq: '≰',
  nle: '≰',
  ngtr: '≯',
  ngt: '≯',
  nless: '≮',
  nlt: '≮',
  nprec: '⊀',
  npr: '⊀',
  nsucc: '⊁',
  nsc: '⊁',
};

/**
 * Arrows
 * @type {Record<string, string>}
 */
const ARROWS = {
  larr: '←',
  leftarrow: '←',
  LeftArrow: '←',
  uarr: '↑',
  uparrow: '↑',
  UpArrow: '↑',
  rarr: '→',
  rightarrow: '→',
  RightArrow: '→',
  darr: '↓',
  downarrow: '↓',
  DownArrow: '↓',
  harr: '↔',
  leftrightarrow: '↔',
  LeftRightArrow: '↔',
  varr: '↕',
  updownarrow: '↕',
  UpDownArrow: '↕',
  nwarr: '↖',
  nwarrow: '↖',
  UpperLeftArrow: '↖',
  nearr: '↗',
  nearrow: '↗',
  UpperRightArrow: '↗',
  searr: '↘',
  searrow: '↘',
  LowerRightArrow: '↘',
  swarr: '↙',
  swarrow: '↙',
  LowerLeftArrow: '↙',
  lArr: '⇐',
  Leftarrow: '⇐',
  uArr: '⇑',
  Uparrow: '⇑',
  rArr: '⇒',
  Rightarrow: '⇒',
  dArr: '⇓',
  Downarrow: '⇓',
  hArr: '⇔',
  Leftrightarrow: '⇔',
  iff: '⇔',
  vArr: '⇕',
  Updownarrow: '⇕',
  lAarr: '⇚',
  Lleftarrow: '⇚',
  rAarr: '⇛',
  Rrightarrow: '⇛',
  lrarr: '⇆',
  leftrightarrows: '⇆',
  rlarr: '⇄',
  rightleftarrows: '⇄',
  lrhar: '⇋',
  leftrightharpoons: '⇋',
  ReverseEquilibrium: '⇋',
  rlhar: '⇌',
  rightleftharpoons: '⇌',
  Equilibrium: '⇌',
  udarr: '⇅',
  UpArrowDownArrow: '⇅',
  duarr: '⇵',
  DownArrowUpArrow: '⇵',
  llarr: '⇇',
  leftleftarrows: '⇇',
  rrarr: '⇉',
  rightrightarrows: '⇉',
  ddarr: '⇊',
  downdownarrows: '⇊',
  har: '↽',
  lhard: '↽',
  leftharpoondown: '↽',
  lharu: '↼',
  leftharpoonup: '↼',
  rhard: '⇁',
  rightharpoondown: '⇁',
  rharu: '⇀',
  rightharpoonup: '⇀',
  lsh: '↰',
  Lsh: '↰',
  rsh: '↱',
  Rsh: '↱',
  ldsh: '↲',
  rdsh: '↳',
  hookleftarrow: '↩',
  hookrightarrow: '↪',
  mapstoleft: '↤',
  mapstoup: '↥',
  map: '↦',
  mapsto: '↦',
  mapstodown: '↧',
  crarr: '↵',
  nleftarrow: '↚',
  nleftrightarrow: '↮',
  nrightarrow: '↛',
  nrarr: '↛',
  larrtl: '↢',
  rarrtl: '↣',
  leftarrowtail: '↢',
  rightarrowtail: '↣',
  twoheadleftarrow: '↞',
  twoheadrightarrow: '↠',
  Larr: '↞',
  Rarr: '↠',
  larrhk: '↩',
  rarrhk: '↪',
  larrlp: '↫',
  looparrowleft: '↫',
  rarrlp: '↬',
  looparrowright: '↬',
  harrw: '↭',
  leftrightsquigarrow: '↭',
  nrarrw: '↝̸',
  rarrw: '↝',
  rightsquigarrow: '↝',
  larrbfs: '⤟',
  rarrbfs: '⤠',
  nvHarr: '⤄',
  nvlArr: '⤂',
  nvrArr: '⤃',
  larrfs: '⤝',
  rarrfs: '⤞',
  Map: '⤅',
  larrsim: '⥳',
  rarrsim: '⥴',
  harrcir: '⥈',
  Uarrocir: '⥉',
  lurdshar: '⥊',
  ldrdhar: '⥧',
  ldrushar: '⥋',
  rdldhar: '⥩',
  lrhard: '⥭',
  uharr: '↾',
  uharl: '↿',
  dharr: '⇂',
  dharl: '⇃',
  Uarr: '↟',
  Darr: '↡',
  zigrarr: '⇝',
  nwArr: '⇖',
  neArr: '⇗',
  seArr: '⇘',
  swArr: '⇙',
  nharr: '↮',
  nhArr: '⇎',
  nlarr: '↚',
  nlArr: '⇍',
  nrArr: '⇏',
  larrb: '⇤',
  LeftArrowBar: '⇤',
  rarrb: '⇥',
  RightArrowBar: '⇥',
};

/**
 * Geometric Shapes
 * @type {Record<string, string>}
 */
const SHAPES = {
  square: '□',
  Square: '□',
  squ: '□',
  squf: '▪',
  squarf: '▪',
  blacksquar: '▪',
  blacksquare: '▪',
  FilledVerySmallSquare: '▪',
  blk34: '▓',
  blk12: '▒',
  blk14: '░',
  block: '█',
  srect: '▭',
  rect: '▭',
  sdot: '⋅',
  sdotb: '⊡',
  dotsquare: '⊡',
  triangle: '▵',
  tri: '▵',
  trine: '▵',
  utri: '▵',
  triangledown: '▿',
  dtri: '▿',
  tridown: '▿',
  triangleleft: '◃',
  ltri: '◃',
  triangleright: '▹',
  rtri: '▹',
  blacktriangle: '▴',
  utrif: '▴',
  blacktriangledown: '▾',
  dtrif: '▾',
  blacktriangleleft: '◂',
  ltrif: '◂',
  blacktriangleright: '▸',
  rtrif: '▸',
  loz: '◊',
  lozenge: '◊',
  blacklozenge: '⧫',
  lozf: '⧫',
  bigcirc: '◯',
  xcirc: '◯',
  circ: 'ˆ',
  Circle: '○',
  cir: '○',
  o: '○',
  bullet: '•',
  bull: '•',
  hellip: '…',
  mldr: '…',
  nldr: '‥',
  boxh: '─',
  HorizontalLine: '─',
  boxv: '│',
  boxdr: '┌',
  boxdl: '┐',
  boxur: '└',
  boxul: '┘',
  boxvr: '├',
  boxvl: '┤',
  boxhd: '┬',
  boxhu: '┴',
  boxvh: '┼',
  boxH: '═',
  boxV: '║',
  boxdR: '╒',
  boxDr: '╓',
  boxDR: '╔',
  boxDl: '╕',
  boxdL: '╖',
  boxDL: '╗',
  boxuR: '╘',
  boxUr: '╙',
  boxUR: '╚',
  boxUl: '╜',
  boxuL: '╛',
  boxUL: '╝',
  boxvR: '╞',
  boxVr: '╟',
  boxVR: '╠',
  boxVl: '╢',
  boxvL: '╡',
  boxVL: '╣',
  boxHd: '╤',
  boxhD: '╥',
  boxHD: '╦',
  boxHu: '╧',
  boxhU: '╨',
  boxHU: '╩',
  boxvH: '╪',
  boxVh: '╫',
  boxVH: '╬',
};

/**
 * Punctuation & Diacritics
 * @type {Record<string, string>}
 */
const PUNCTUATION = {
  excl: '!',
  iexcl: '¡',
  brvbar: '¦',
  sect: '§',
  uml: '¨',
  copy: '©',
  ordf: 'ª',
  laquo: '«',
  not: '¬',
  shy: '\u00ad',
  reg: '®',
  macr: '¯',
  deg: '°',
  plusmn: '±',
  sup2: '²',
  sup3: '³',
  acute: '´',
  micro: 'µ',
  para: '¶',
  middot: '·',
  cedil: '¸',
  sup1: '¹',
  ordm: 'º',
  raquo: '»',
  frac14: '¼',
  frac12: '½',
  frac34: '¾',
  iquest: '¿',
  nbsp: '\u00a0',
  comma: ',',
  period: '.',
  colon: ':',
  semi: ';',
  vert: '|',
  Verbar: '‖',
  verbar: '|',
  dblac: '˝',
  circ: 'ˆ',
  caron: 'ˇ',
  breve: '˘',
  dot: '˙',
  ring: '˚',
  ogon: '˛',
  tilde: '˜',
  DiacriticalGrave: '`',
  DiacriticalAcute: '´',
  DiacriticalTilde: '˜',
  DiacriticalDot: '˙',
  DiacriticalDoubleAcute: '˝',
  grave: '`',
};

/**
 * Currency Symbols
 * @type {Record<string, string>}
 */
const CURRENCY = {
  cent: '¢',
  pound: '£',
  curren: '¤',
  yen: '¥',
  euro: '€',
  dollar: '$',
  fnof: 'ƒ',
  inr: '₹',
  af: '؋',
  birr: 'ብር',
  peso: '₱',
  rub: '₽',
  won: '₩',
  yuan: '¥',
  cedil: '¸',
};

/**
 * Fractions
 * @type {Record<string, string>}
 */
const FRACTIONS = {
  frac12: '½',
  half: '½',
  frac13: '⅓',
  frac14: '¼',
  frac15: '⅕',
  frac16: '⅙',
  frac18: '⅛',
  frac23: '⅔',
  frac25: '⅖',
  frac34: '¾',
  frac35: '⅗',
  frac38: '⅜',
  frac45: '⅘',
  frac56: '⅚',
  frac58: '⅝',
  frac78: '⅞',
  frasl: '⁄',
};

/**
 * Miscellaneous Symbols
 * @type {Record<string, string>}
 */
const MISC_SYMBOLS = {
  trade: '™',
  TRADE: '™',
  telrec: '⌕',
  target: '⌖',
  ulcorn: '⌜',
  ulcorner: '⌜',
  urcorn: '⌝',
  urcorner: '⌝',
  dlcorn: '⌞',
  llcorner: '⌞',
  drcorn: '⌟',
  lrcorner: '⌟',
  intercal: '⊺',
  intcal: '⊺',
  oplus: '⊕',
  CirclePlus: '⊕',
  ominus: '⊖',
  CircleMinus: '⊖',
  otimes: '⊗',
  CircleTimes: '⊗',
  osol: '⊘',
  odot: '⊙',
  CircleDot: '⊙',
  oast: '⊛',
  circledast: '⊛',
  odash: '⊝',
  circleddash: '⊝',
  ocirc: '⊚',
  circledcirc: '⊚',
  boxplus: '⊞',
  plusb: '⊞',
  boxminus: '⊟',
  minusb: '⊟',
  boxtimes: '⊠',
  timesb: '⊠',
  boxdot: '⊡',
  sdotb: '⊡',
  veebar: '⊻',
  vee: '∨',
  barvee: '⊽',
  and: '∧',
  wedge: '∧',
  Cap: '⋒',
  Cup: '⋓',
  Fork: '⋔',
  pitchfork: '⋔',
  epar: '⋕',
  ltlarr: '⥶',
  nvap: '≍⃒',
  nvsim: '∼⃒',
  nvge: '≥⃒',
  nvle: '≤⃒',
  nvlt: '<⃒',
  nvgt: '>⃒',
  nvltrie: '⊴⃒',
  nvrtrie: '⊵⃒',
  Vdash: '⊩',
  dashv: '⊣',
  vDash: '⊨',
  Vvdash: '⊪',
  nvdash: '⊬',
  nvDash: '⊭',
  nVdash: '⊮',
  nVDash: '⊯',
};

const XML = {
  amp: "&",
  apos: "'",
  gt: ">",
  lt: "<",
  quot: "\""
}
const COMMON_HTML = {
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bull: '\u2022',
  para: '\u00b6',
  sect: '\u00a7',
  deg: '\u00b0',
  frac12: '\u00bd',
  frac14: '\u00bc',
  frac34: '\u00be',
}
// ---------------------------------------------------------------------------
// Note: NUMERIC_ENTITIES (&#NNN; / &#xHH;) are handled by the scanner directly
// via String.fromCodePoint() without any map lookup.
// ---------------------------------------------------------------------------
;// CONCATENATED MODULE: ./node_modules/@nodable/entities/src/EntityDecoder.js
// ---------------------------------------------------------------------------
// Built-in named entity map  (name → replacement string)
// No regex, no {regex,val} objects — just flat key/value pairs.
// ---------------------------------------------------------------------------



// ---------------------------------------------------------------------------
// Entity hook action constants
// ---------------------------------------------------------------------------

/**
 * Action constants for `onExternalEntity` and `onInputEntity` hooks.
 *
 * Use these instead of raw strings to avoid typos:
 *
 * @example
 * import EntityDecoder, { ENTITY_ACTION } from './EntityDecoder.js';
 * const dec = new EntityDecoder({
 *   onInputEntity: (name, value) => ENTITY_ACTION.BLOCK,
 * });
 */
const ENTITY_ACTION = Object.freeze({
  /** Resolve and expand the entity normally. */
  ALLOW: 'allow',
  /** Silently skip this entity — it will not be registered. */
  BLOCK: 'block',
  /** Throw an error, aborting entity registration entirely. */
  THROW: 'throw',
});

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const SPECIAL_CHARS = new Set('!?\\\\/[]$%{}^&*()<>|+');

/**
 * Validate that an entity name contains no dangerous characters.
 * @param {string} name
 * @returns {string} the name, unchanged
 * @throws {Error} on invalid characters
 */
function EntityDecoder_validateEntityName(name) {
  if (name[0] === '#') {
    throw new Error(`[EntityReplacer] Invalid character '#' in entity name: "${name}"`);
  }
  for (const ch of name) {
    if (SPECIAL_CHARS.has(ch)) {
      throw new Error(`[EntityReplacer] Invalid character '${ch}' in entity name: "${name}"`);
    }
  }
  return name;
}

/**
 * Merge one or more entity maps into a flat name→string map.
 * Accepts either:
 *   - plain string values:             { amp: '&' }
 *   - legacy {regex,val} / {regx,val}: { lt: { regex: /.../, val: '<' } }
 *
 * Values containing '&' are skipped (recursive expansion risk).
 *
 * @param {...object} maps
 * @returns {Record<string, string>}
 */
function mergeEntityMaps(...maps) {
  const out = Object.create(null);
  for (const map of maps) {
    if (!map) continue;
    for (const key of Object.keys(map)) {
      const raw = map[key];
      if (typeof raw === 'string') {
        out[key] = raw;
      } else if (raw && typeof raw === 'object' && raw.val !== undefined) {
        // Legacy {regex,val} or {regx,val} — extract the string val only
        const val = raw.val;
        if (typeof val === 'string') {
          out[key] = val;
        }
        // function vals are not supported in the scanner — skip
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// applyLimitsTo helpers
// ---------------------------------------------------------------------------

const LIMIT_TIER_EXTERNAL = 'external'; // input/runtime + persistent external maps
const LIMIT_TIER_BASE = 'base';     // DEFAULT_XML_ENTITIES + namedEntities (system) maps
const LIMIT_TIER_ALL = 'all';      // every entity regardless of tier

/**
 * Resolve `applyLimitsTo` option into a normalised Set of tier strings.
 * Accepted values: 'external' | 'base' | 'all' | string[]
 * Default: 'external' (only untrusted injected entities are counted).
 * @param {string|string[]|undefined} raw
 * @returns {Set<string>}
 */
function parseLimitTiers(raw) {
  if (!raw || raw === LIMIT_TIER_EXTERNAL) return new Set([LIMIT_TIER_EXTERNAL]);
  if (raw === LIMIT_TIER_ALL) return new Set([LIMIT_TIER_ALL]);
  if (raw === LIMIT_TIER_BASE) return new Set([LIMIT_TIER_BASE]);
  if (Array.isArray(raw)) return new Set(raw);
  return new Set([LIMIT_TIER_EXTERNAL]); // safe default for unrecognised values
}

// ---------------------------------------------------------------------------
// NCR (Numeric Character Reference) classification
// ---------------------------------------------------------------------------

// Severity order — higher number = stricter action.
// Used to enforce minimum action levels for specific codepoint ranges.
const NCR_LEVEL = Object.freeze({ allow: 0, leave: 1, remove: 2, throw: 3 });

// XML 1.0 §2.2: allowed chars are #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// Restricted C0: U+0001–U+001F excluding U+0009, U+000A, U+000D
const XML10_ALLOWED_C0 = new Set([0x09, 0x0A, 0x0D]);

/**
 * Parse the `ncr` constructor option into flat, hot-path-friendly fields.
 * @param {object|undefined} ncr
 * @returns {{ xmlVersion: number, onLevel: number, nullLevel: number }}
 */
function parseNCRConfig(ncr) {
  if (!ncr) {
    return { xmlVersion: 1.0, onLevel: NCR_LEVEL.allow, nullLevel: NCR_LEVEL.remove };
  }
  const xmlVersion = ncr.xmlVersion === 1.1 ? 1.1 : 1.0;
  const onLevel = NCR_LEVEL[ncr.onNCR] ?? NCR_LEVEL.allow;
  const nullLevel = NCR_LEVEL[ncr.nullNCR] ?? NCR_LEVEL.remove;
  // 'allow' is not meaningful for null — clamp to at least 'remove'
  const clampedNull = Math.max(nullLevel, NCR_LEVEL.remove);
  return { xmlVersion, onLevel, nullLevel: clampedNull };
}

// ---------------------------------------------------------------------------
// EntityReplacer
// ---------------------------------------------------------------------------

/**
 * Single-pass, zero-regex entity replacer for XML/HTML content.
 *
 * Algorithm: scan the string once for '&', read to ';', resolve via map
 * or direct codepoint conversion, build output chunks, join once at the end.
 *
 * Entity lookup priority (highest → lowest):
 *   1. input / runtime  (DOCTYPE entities for current document)
 *   2. persistent external (survive across documents)
 *   3. base named map   (DEFAULT_XML_ENTITIES + user-supplied namedEntities)
 *
 * Both input and external resolve as the 'external' tier for limit purposes.
 * Base map entities resolve as the 'base' tier.
 *
 * Numeric / hex references (&#NNN; / &#xHH;) are resolved directly via
 * String.fromCodePoint() — no map needed. They count as 'base' tier.
 *
 * @example
 * const replacer = new EntityReplacer({ namedEntities: COMMON_HTML });
 * replacer.setExternalEntities({ brand: 'Acme' });
 *
 * const instance = replacer.reset();
 * instance.addInputEntities({ version: '1.0' });
 * instance.encode('&brand; v&version; &lt;'); // 'Acme v1.0 <'
 */
class EntityDecoder {
  /**
   * @param {object} [options]
   * @param {object|null}  [options.namedEntities]        — extra named entities merged into base map
   * @param {object}  [options.limit]                 — security limits
   * @param {number}       [options.limit.maxTotalExpansions=0]  — 0 = unlimited
   * @param {number}       [options.limit.maxExpandedLength=0]   — 0 = unlimited
   * @param {'external'|'base'|'all'|string[]} [options.limit.applyLimitsTo='external']
   *   Which entity tiers count against the security limits:
   *   - 'external' (default) — only input/runtime + persistent external entities
   *   - 'base'               — only DEFAULT_XML_ENTITIES + namedEntities
   *   - 'all'                — every entity regardless of tier
   *   - string[]             — explicit combination, e.g. ['external', 'base']
   * @param {((resolved: string, original: string) => string)|null} [options.postCheck=null]
   * @param {string[]} [options.remove=[]] — entity names (e.g. ['nbsp', '#13']) to delete (replace with empty string)
   * @param {string[]} [options.leave=[]]  — entity names to keep as literal (unchanged in output)
   * @param {object}   [options.ncr]       — Numeric Character Reference controls
   * @param {1.0|1.1}  [options.ncr.xmlVersion=1.0]
   *   XML version governing which codepoint ranges are restricted:
   *   - 1.0 — C0 controls U+0001–U+001F (except U+0009/000A/000D) are prohibited
   *   - 1.1 — C0 controls are allowed when written as NCRs; C1 (U+007F–U+009F) decoded as-is
   * @param {'allow'|'leave'|'remove'|'throw'} [options.ncr.onNCR='allow']
   *   Base action for numeric references. Severity order: allow < leave < remove < throw.
   *   For codepoint ranges that carry a minimum level (surrogates → remove, XML 1.0 C0 → remove),
   *   the effective action is max(onNCR, rangeMinimum).
   * @param {'remove'|'throw'} [options.ncr.nullNCR='remove']
   *   Action for U+0000 (null). 'allow' and 'leave' are clamped to 'remove' since null is never safe.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onExternalEntity=null]
   *   Hook called when an external entity is registered via `setExternalEntities()` or
   *   `addExternalEntity()`. Return `ENTITY_ACTION.ALLOW` to accept the entity,
   *   `ENTITY_ACTION.BLOCK` to silently skip it, or `ENTITY_ACTION.THROW` to abort with an error.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onInputEntity=null]
   *   Hook called when an input entity is registered via `addInputEntities()`. Return
   *   `ENTITY_ACTION.ALLOW` to accept, `ENTITY_ACTION.BLOCK` to silently skip, or
   *   `ENTITY_ACTION.THROW` to abort with an error.
   */
  constructor(options = {}) {
    this._limit = options.limit || {};
    this._maxTotalExpansions = this._limit.maxTotalExpansions || 0;
    this._maxExpandedLength = this._limit.maxExpandedLength || 0;
    this._postCheck = typeof options.postCheck === 'function' ? options.postCheck : r => r;
    this._limitTiers = parseLimitTiers(this._limit.applyLimitsTo ?? LIMIT_TIER_EXTERNAL);
    this._numericAllowed = options.numericAllowed ?? true;
    // Base map: DEFAULT_XML_ENTITIES + user-supplied extras. Immutable after construction.
    this._baseMap = mergeEntityMaps(XML, options.namedEntities || null);

    // Persistent external entities — survive across documents.
    // Stored as a separate map so reset() never touches them.
    /** @type {Record<string, string>} */
    this._externalMap = Object.create(null);

    // Input / runtime entities — current document only, wiped on reset().
    /** @type {Record<string, string>} */
    this._inputMap = Object.create(null);

    // Per-document counters
    this._totalExpansions = 0;
    this._expandedLength = 0;

    // --- New: remove / leave sets ---
    /** @type {Set<string>} */
    this._removeSet = new Set(options.remove && Array.isArray(options.remove) ? options.remove : []);
    /** @type {Set<string>} */
    this._leaveSet = new Set(options.leave && Array.isArray(options.leave) ? options.leave : []);

    // --- NCR config (parsed into flat fields for hot-path speed) ---
    const ncrCfg = parseNCRConfig(options.ncr);
    this._ncrXmlVersion = ncrCfg.xmlVersion;
    this._ncrOnLevel = ncrCfg.onLevel;
    this._ncrNullLevel = ncrCfg.nullLevel;

    // --- Registration hooks ---
    /** @type {((name: string, value: string) => 'allow'|'block'|'throw')|null} */
    this._onExternalEntity = typeof options.onExternalEntity === 'function'
      ? options.onExternalEntity
      : null;
    /** @type {((name: string, value: string) => 'allow'|'block'|'throw')|null} */
    this._onInputEntity = typeof options.onInputEntity === 'function'
      ? options.onInputEntity
      : null;
  }

  // -------------------------------------------------------------------------
  // Private: registration hook dispatch
  // -------------------------------------------------------------------------

  /**
   * Invoke a registration hook for a single entity name/value pair.
   * Returns true when the entity should be accepted, false when it should be
   * silently skipped (BLOCK), and throws when the hook returns THROW.
   *
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} hook
   * @param {string} name
   * @param {string} value
   * @param {string} context  — used in error messages ('external' | 'input')
   * @returns {boolean}  true = accept, false = skip
   */
  _applyRegistrationHook(hook, name, value, context) {
    if (!hook) return true; // no hook → always accept
    const action = hook(name, value);
    if (action === ENTITY_ACTION.BLOCK) return false;
    if (action === ENTITY_ACTION.THROW) {
      throw new Error(
        `[EntityDecoder] Registration of ${context} entity "&${name};" was rejected by hook`
      );
    }
    return true; // ALLOW or any unknown return value → accept
  }

  // -------------------------------------------------------------------------
  // Persistent external entity registration
  // -------------------------------------------------------------------------

  /**
   * Replace the full set of persistent external entities.
   * All keys are validated — throws on invalid characters.
   * If `onExternalEntity` is set, it is called once per entry; entries that
   * return `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW`
   * aborts the whole call.
   * @param {Record<string, string | { regex?: RegExp, val: string }>} map
   */
  setExternalEntities(map) {
    if (map) {
      for (const key of Object.keys(map)) {
        EntityDecoder_validateEntityName(key);
      }
    }
    if (!this._onExternalEntity) {
      this._externalMap = mergeEntityMaps(map);
      return;
    }
    // Hook present — resolve values first, then filter
    const flat = mergeEntityMaps(map);
    const filtered = Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onExternalEntity, name, value, 'external')) {
        filtered[name] = value;
      }
    }
    this._externalMap = filtered;
  }

  /**
   * Add a single persistent external entity.
   * If `onExternalEntity` is set it is called before the entity is stored;
   * `ENTITY_ACTION.BLOCK` silently skips storage, `ENTITY_ACTION.THROW` raises.
   * @param {string} key
   * @param {string} value
   */
  addExternalEntity(key, value) {
    EntityDecoder_validateEntityName(key);
    if (typeof value === 'string' && value.indexOf('&') === -1) {
      if (this._applyRegistrationHook(this._onExternalEntity, key, value, 'external')) {
        this._externalMap[key] = value;
      }
    }
  }

  // -------------------------------------------------------------------------
  // Input / runtime entity registration (per document)
  // -------------------------------------------------------------------------

  /**
   * Inject DOCTYPE entities for the current document.
   * Also resets per-document expansion counters.
   * If `onInputEntity` is set it is called once per entry; entries returning
   * `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW` aborts.
   * @param {Record<string, string | { regx?: RegExp, regex?: RegExp, val: string }>} map
   */
  addInputEntities(map) {
    this._totalExpansions = 0;
    this._expandedLength = 0;
    if (!this._onInputEntity) {
      this._inputMap = mergeEntityMaps(map);
      return;
    }
    const flat = mergeEntityMaps(map);
    const filtered = Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onInputEntity, name, value, 'input')) {
        filtered[name] = value;
      }
    }
    this._inputMap = filtered;
  }

  // -------------------------------------------------------------------------
  // Per-document reset
  // -------------------------------------------------------------------------

  /**
   * Wipe input/runtime entities and reset counters.
   * Call this before processing each new document.
   * @returns {this}
   */
  reset() {
    this._inputMap = Object.create(null);
    this._totalExpansions = 0;
    this._expandedLength = 0;
    return this;
  }

  // -------------------------------------------------------------------------
  // XML version (can be set after construction, e.g. once parser reads <?xml?>)
  // -------------------------------------------------------------------------

  /**
   * Update the XML version used for NCR classification.
   * Call this as soon as the document's `<?xml version="...">` declaration is parsed.
   * @param {1.0|1.1|number} version
   */
  setXmlVersion(version) {
    this._ncrXmlVersion = version === 1.1 ? 1.1 : 1.0;
  }

  // -------------------------------------------------------------------------
  // Primary API
  // -------------------------------------------------------------------------

  /**
   * Replace all entity references in `str` in a single pass.
   *
   * @param {string} str
   * @returns {string}
   */
  decode(str) {
    if (typeof str !== 'string' || str.length === 0) return str;
    //TODO: check if needed
    if (str.indexOf('&') === -1) return str; // fast path — no entities at all

    const original = str;
    const chunks = [];
    const len = str.length;
    let last = 0; // start of next unprocessed literal chunk
    let i = 0;

    const limitExpansions = this._maxTotalExpansions > 0;
    const limitLength = this._maxExpandedLength > 0;
    const checkLimits = limitExpansions || limitLength;

    while (i < len) {
      // Scan forward to next '&'
      if (str.charCodeAt(i) !== 38 /* '&' */) { i++; continue; }

      // --- Found '&' at position i ---

      // Scan forward to ';'
      let j = i + 1;
      while (j < len && str.charCodeAt(j) !== 59 /* ';' */ && (j - i) <= 32) j++;

      if (j >= len || str.charCodeAt(j) !== 59) {
        // No closing ';' within window — treat '&' as literal
        i++;
        continue;
      }

      // Raw token between '&' and ';' (exclusive)
      const token = str.slice(i + 1, j);
      if (token.length === 0) { i++; continue; }

      let replacement;
      let tier; // which limit tier this entity belongs to

      if (this._removeSet.has(token)) {
        // Remove entity: replace with empty string
        replacement = '';
        // If entity was unknown (replacement undefined), we still need a tier for limits.
        // Treat as external tier because it's user-directed removal of an unknown reference.
        if (tier === undefined) {
          tier = LIMIT_TIER_EXTERNAL;
        }
      } else if (this._leaveSet.has(token)) {
        // Do not replace — keep original &token; as literal
        i++;
        continue;
      } else if (token.charCodeAt(0) === 35 /* '#' */) {
        // ---- Numeric / NCR reference ----
        // NCR classification always runs first — prohibited codepoints must be
        // caught regardless of numericAllowed.
        const ncrResult = this._resolveNCR(token);
        if (ncrResult === undefined) {
          // 'leave' action — keep original &token; as-is
          i++;
          continue;
        }
        replacement = ncrResult; // '' for remove, char string for allow
        tier = LIMIT_TIER_BASE;
      } else {
        // ---- Named reference ----
        const resolved = this._resolveName(token);
        replacement = resolved?.value;
        tier = resolved?.tier;
      }

      if (replacement === undefined) {
        // Unknown entity — leave as-is, advance past '&' only
        i++;
        continue;
      }

      // Flush literal chunk before this entity
      if (i > last) chunks.push(str.slice(last, i));
      chunks.push(replacement);
      last = j + 1; // skip past ';'
      i = last;

      // Apply expansion limits only if this tier is being tracked
      if (checkLimits && this._tierCounts(tier)) {
        if (limitExpansions) {
          this._totalExpansions++;
          if (this._totalExpansions > this._maxTotalExpansions) {
            throw new Error(
              `[EntityReplacer] Entity expansion count limit exceeded: ` +
              `${this._totalExpansions} > ${this._maxTotalExpansions}`
            );
          }
        }
        if (limitLength) {
          // delta: replacement.length minus the raw &token; length (token.length + 2 for '&' and ';')
          const delta = replacement.length - (token.length + 2);
          if (delta > 0) {
            this._expandedLength += delta;
            if (this._expandedLength > this._maxExpandedLength) {
              throw new Error(
                `[EntityReplacer] Expanded content length limit exceeded: ` +
                `${this._expandedLength} > ${this._maxExpandedLength}`
              );
            }
          }
        }
      }
    }

    // Flush trailing literal
    if (last < len) chunks.push(str.slice(last));

    // If nothing was replaced, chunks is empty — return original
    const result = chunks.length === 0 ? str : chunks.join('');

    return this._postCheck(result, original);
  }

  // -------------------------------------------------------------------------
  // Private: limit tier check
  // -------------------------------------------------------------------------

  /**
   * Returns true if a resolved entity of the given tier should count
   * against the expansion/length limits.
   * @param {string} tier  — LIMIT_TIER_EXTERNAL | LIMIT_TIER_BASE
   * @returns {boolean}
   */
  _tierCounts(tier) {
    if (this._limitTiers.has(LIMIT_TIER_ALL)) return true;
    return this._limitTiers.has(tier);
  }

  // -------------------------------------------------------------------------
  // Private: entity resolution
  // -------------------------------------------------------------------------

  /**
   * Resolve a named entity token (without & and ;).
   * Priority: inputMap > externalMap > baseMap
   * Returns the resolved value tagged with its limit tier.
   *
   * @param {string} name
   * @returns {{ value: string, tier: string }|undefined}
   */
  _resolveName(name) {
    // input and external both count as 'external' tier for limit purposes —
    // they are injected at runtime and are the untrusted surface.
    if (name in this._inputMap) return { value: this._inputMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._externalMap) return { value: this._externalMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._baseMap) return { value: this._baseMap[name], tier: LIMIT_TIER_BASE };
    return undefined;
  }

  /**
   * Classify a codepoint and return the minimum action level that must be applied.
   * Returns -1 when no minimum is imposed (normal allow path).
   *
   * Ranges checked (in priority order):
   *   1. U+0000            — null, governed by nullNCR (always ≥ remove)
   *   2. U+D800–U+DFFF     — surrogates, always prohibited (min: remove)
   *   3. U+0001–U+001F \ {0x09,0x0A,0x0D}  — XML 1.0 restricted C0 (min: remove)
   *      (skipped in XML 1.1 — C0 controls are allowed when written as NCRs)
   *
   * @param {number} cp  — codepoint
   * @returns {number}   — minimum NCR_LEVEL value, or -1 for no restriction
   */
  _classifyNCR(cp) {
    // 1. Null
    if (cp === 0) return this._ncrNullLevel;

    // 2. Surrogates — always prohibited, minimum 'remove'
    if (cp >= 0xD800 && cp <= 0xDFFF) return NCR_LEVEL.remove;

    // 3. XML 1.0 restricted C0 controls
    if (this._ncrXmlVersion === 1.0) {
      if (cp >= 0x01 && cp <= 0x1F && !XML10_ALLOWED_C0.has(cp)) return NCR_LEVEL.remove;
    }

    return -1; // no restriction
  }

  /**
   * Execute a resolved NCR action.
   *
   * @param {number} action   — NCR_LEVEL value
   * @param {string} token    — raw token (e.g. '#38') for error messages
   * @param {number} cp       — codepoint, used only for error messages
   * @returns {string|undefined}
   *   - decoded character string  → 'allow'
   *   - ''                        → 'remove'
   *   - undefined                 → 'leave' (caller must skip past '&' only)
   *   - throws Error              → 'throw'
   */
  _applyNCRAction(action, token, cp) {
    switch (action) {
      case NCR_LEVEL.allow: return String.fromCodePoint(cp);
      case NCR_LEVEL.remove: return '';
      case NCR_LEVEL.leave: return undefined; // signal: keep literal
      case NCR_LEVEL.throw:
        throw new Error(
          `[EntityDecoder] Prohibited numeric character reference ` +
          `&${token}; (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`
        );
      default: return String.fromCodePoint(cp);
    }
  }

  /**
   * Full NCR resolution pipeline for a numeric token.
   *
   * Steps:
   *   1. Parse the codepoint (decimal or hex).
   *   2. Validate the raw codepoint range (NaN, <0, >0x10FFFF).
   *   3. If numericAllowed is false and no minimum restriction applies → leave as-is.
   *   4. Classify the codepoint to find the minimum required action level.
   *   5. Resolve effective action = max(onNCR, minimum).
   *   6. Apply and return.
   *
   * @param {string} token  — e.g. '#38', '#x26', '#X26'
   * @returns {string|undefined}
   *   - string (incl. '')  — replacement ('' = remove)
   *   - undefined          — leave original &token; as-is
   */
  _resolveNCR(token) {
    // Step 1: parse codepoint
    const second = token.charCodeAt(1);
    let cp;
    if (second === 120 /* x */ || second === 88 /* X */) {
      cp = parseInt(token.slice(2), 16);
    } else {
      cp = parseInt(token.slice(1), 10);
    }

    // Step 2: out-of-range → leave as-is unconditionally
    if (Number.isNaN(cp) || cp < 0 || cp > 0x10FFFF) return undefined;

    // Step 3: classify to get minimum action level
    const minimum = this._classifyNCR(cp);

    // Step 4: if numericAllowed is false and no hard minimum → leave
    if (!this._numericAllowed && minimum < NCR_LEVEL.remove) return undefined;

    // Step 5: effective action = max(configured onNCR, range minimum)
    const effective = minimum === -1
      ? this._ncrOnLevel
      : Math.max(this._ncrOnLevel, minimum);

    // Step 6: apply
    return this._applyNCRAction(effective, token, cp);
  }
}
;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/sql.js
/**
 * SQL context patterns — high-precision rules only.
 *
 * These rules have very low false-positive risk and are safe to apply to
 * general user text (names, descriptions, search queries, etc.).
 * All patterns are ReDoS-safe — unlike the `sql-injection` npm package
 * which has an active CVE on its own detection regexes.
 *
 * For exhaustive coverage including noisier heuristics (comment sequences,
 * hex literals, stacked queries with semicolons), use 'SQL-STRICT' instead.
 * Apply 'SQL-STRICT' only to strings that are specifically SQL fragments,
 * not to general free-text fields.
 */

const SQL_PATTERNS = [
  {
    id: 'sql-block-comment-open',
    description: 'SQL block comment open: /* ... */ — unusual in legitimate user text',
    pattern: /\/\*/,
  },
  {
    id: 'sql-union-select',
    description: 'UNION SELECT — most common SQL injection aggregation attack',
    pattern: /\bUNION\s{1,20}(?:ALL\s{1,20})?SELECT\b/i,
  },
  {
    id: 'sql-drop-table',
    description: 'DROP TABLE — destructive DDL injection',
    pattern: /\bDROP\s{1,20}TABLE\b/i,
  },
  {
    id: 'sql-drop-database',
    description: 'DROP DATABASE — destructive DDL injection',
    pattern: /\bDROP\s{1,20}DATABASE\b/i,
  },
  {
    id: 'sql-insert-into',
    description: 'INSERT INTO — data injection',
    pattern: /\bINSERT\s{1,20}INTO\b/i,
  },
  {
    id: 'sql-delete-from',
    description: 'DELETE FROM — data deletion injection',
    pattern: /\bDELETE\s{1,20}FROM\b/i,
  },
  {
    id: 'sql-update-set',
    description: 'UPDATE ... SET — data modification injection',
    // Allows arbitrary content between UPDATE and SET (table name, alias, etc.)
    pattern: /\bUPDATE\b[\s\S]{1,60}\bSET\b/i,
  },
  {
    id: 'sql-exec-xp',
    description: 'EXEC xp_ — MSSQL extended stored procedure execution',
    pattern: /\bEXEC(?:UTE)?\s{1,20}xp_/i,
  },
  {
    id: 'sql-tautology-string',
    description: "Classic string tautology: ' OR '1'='1 or \" OR \"1\"=\"1\"",
    // Last quote is optional — injection may truncate it: ' OR '1'='1--
    pattern: /'\s{0,10}OR\s{0,10}'[^']{0,20}'\s*=\s*'[^']{0,20}/i,
  },
  {
    id: 'sql-tautology-numeric',
    description: 'Numeric tautology: OR 1=1',
    pattern: /\bOR\s{1,10}1\s*=\s*1\b/i,
  },
  {
    id: 'sql-always-true-zero',
    description: 'Numeric tautology: OR 0=0',
    pattern: /\bOR\s{1,10}0\s*=\s*0\b/i,
  },
  {
    id: 'sql-sleep-benchmark',
    description: 'Time-based blind injection: SLEEP() or BENCHMARK()',
    pattern: /\b(?:SLEEP|BENCHMARK)\s*\(/i,
  },
  {
    id: 'sql-waitfor-delay',
    description: 'MSSQL time-based blind injection: WAITFOR DELAY',
    pattern: /\bWAITFOR\s{1,20}DELAY\b/i,
  },
  {
    id: 'sql-char-function',
    description: 'CHAR() function — used to obfuscate injected strings',
    pattern: /\bCHAR\s*\(\s*\d{1,3}/i,
  },
  {
    id: 'sql-information-schema',
    description: 'INFORMATION_SCHEMA — reconnaissance query for table/column enumeration',
    pattern: /\bINFORMATION_SCHEMA\b/i,
  },
];

/* harmony default export */ const sql = (SQL_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/sql-strict.js
/**
 * SQL-STRICT context patterns.
 *
 * Extends the base 'SQL' context with three additional rules that are
 * effective at detecting real injections but carry a higher false-positive
 * risk on general free-text input.
 *
 * Use 'SQL-STRICT' when:
 *   - The string is specifically a SQL fragment or database identifier
 *   - You control the input domain (e.g. a dedicated SQL search field)
 *   - You can tolerate occasional false positives in exchange for broader coverage
 *
 * Use 'SQL' (not STRICT) when:
 *   - The field is general user text (names, descriptions, comments)
 *   - False positives would block legitimate content (e.g. "see note -- above")
 *
 * Rules moved here from 'SQL' due to false-positive risk:
 *
 *   sql-line-comment   — "--" fires on "see note -- above", "value--", CSS var(--primary)
 *   sql-stacked-query  — "; SELECT" fires on legitimate prose with semicolons + SQL words
 *   sql-hex-encoding   — "0xDEAD" fires on hex values in technical docs and log output
 */



const SQL_STRICT_EXTRA = [
  {
    id: 'sql-line-comment',
    description: 'SQL line comment: -- followed by whitespace or end of string',
    pattern: /--(?:\s|$)/,
  },
  {
    id: 'sql-stacked-query',
    description: 'Stacked queries: semicolon immediately followed by a SQL keyword',
    pattern: /;\s{0,10}(?:SELECT|INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|EXEC)\b/i,
  },
  {
    id: 'sql-hex-encoding',
    description: 'Hex-encoded string injection: 0x41414141 style (MySQL)',
    pattern: /\b0x[0-9a-f]{4,}/i,
  },
];

// SQL-STRICT = all base SQL rules + the three noisy extras
const SQL_STRICT_PATTERNS = [...sql, ...SQL_STRICT_EXTRA];

/* harmony default export */ const sql_strict = (SQL_STRICT_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/util/decode-entities.js
/**
 * Decode the HTML character references that matter for markup-context
 * detection.
 *
 * Browsers decode character references in attribute values before they
 * interpret a URL, so `javascript&#58;alert(1)` in an href is the
 * `javascript:` scheme. The HTML/XML/SVG rules match literal characters, so
 * without this step such payloads slip through.
 *
 * Deliberately NOT a full entity decoder. It decodes only:
 *   - decimal refs  &#58;  &#058;  &#00000058;  &#58   (any leading zeros,
 *                   trailing ; optional — browsers accept both)
 *   - hex refs      &#x3a; &#X3A; &#x0000003a; &#x3a   (same)
 *   - named refs    &colon;  &Tab;  &NewLine;
 *       Named refs are CASE-SENSITIVE and REQUIRE the trailing ';', exactly
 *       like a browser (so `&COLON;` and `&colon` are not decoded).
 *       &Tab; / &NewLine; matter because the URL parser strips tab/newline,
 *       so `java&Tab;script:` is still a javascript: URL.
 *
 * It does NOT decode &amp; (single pass only), so double-encoded text such as
 * "&amp;lt;script&amp;gt;" stays literal — a browser renders that as text.
 *
 * All quantifiers are bounded; no ReDoS risk.
 *
 * @param {string} input
 * @returns {string}
 */
const NAMED = Object.freeze({
  colon: ':',
  Tab: '\t',
  NewLine: '\n',
});

const ENTITY_RE =
  /&(?:#[xX]0*([0-9a-fA-F]{1,6});?|#0*([0-9]{1,7});?|([a-zA-Z][a-zA-Z0-9]{1,15});)/g;

function decodeEntities(input) {
  if (input.indexOf('&') === -1) return input;

  return input.replace(ENTITY_RE, (match, hex, dec, name) => {
    if (name !== undefined) {
      return Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name] : match;
    }
    const cp = hex !== undefined ? parseInt(hex, 16) : parseInt(dec, 10);
    if (!Number.isFinite(cp) || cp > 0x10ffff) return match;
    return String.fromCodePoint(cp);
  });
}

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/html.js
/**
 * HTML context patterns.
 *
 * Detects XSS vectors that are dangerous when a string ends up rendered as HTML.
 * All patterns use bounded quantifiers to ensure linear-time matching (ReDoS-safe).
 *
 * Each entry is { pattern: RegExp, id: string, description: string }
 * so callers can inspect which rule fired if they need to.
 */

const HTML_PATTERNS = [
  {
    id: 'html-script-open',
    description: '<script opening tag',
    pattern: /<script[\s>/]/i,
  },
  {
    id: 'html-script-close',
    description: '</script closing tag',
    pattern: /<\/script[\s>]/i,
  },
  {
    id: 'html-javascript-protocol',
    description: 'javascript: URI scheme (with optional whitespace/encoding)',
    // Handles j&#x61;vascript:, j\u0061vascript:, and whitespace variants
    pattern: /j[\t\n\r ]*a[\t\n\r ]*v[\t\n\r ]*a[\t\n\r ]*s[\t\n\r ]*c[\t\n\r ]*r[\t\n\r ]*i[\t\n\r ]*p[\t\n\r ]*t[\t\n\r ]*:/i,
  },
  {
    id: 'html-vbscript-protocol',
    description: 'vbscript: URI scheme',
    pattern: /vbscript[\t\n\r ]*:/i,
  },
  {
    id: 'html-data-html',
    description: 'data:text/html URI — can execute scripts in browsers',
    pattern: /data[\t\n\r ]*:[\t\n\r ]*text\/html/i,
  },
  {
    id: 'html-data-xhtml',
    description: 'data:application/xhtml+xml URI',
    pattern: /data[\t\n\r ]*:[\t\n\r ]*application\/xhtml/i,
  },
  {
    id: 'html-data-svg',
    description: 'data:image/svg+xml URI — can execute scripts',
    pattern: /data[\t\n\r ]*:[\t\n\r ]*image\/svg\+xml/i,
  },
  {
    id: 'html-inline-event-handler',
    description: 'Inline event handler attributes: onclick=, onerror=, onload=, etc.',
    // \bon ensures we match a word boundary so "phonetic=" is not caught
    pattern: /\bon\w{1,30}\s*=/i,
  },
  {
    id: 'html-entity-obfuscated-script',
    description: 'HTML-entity-encoded <script (e.g. &#x3C;script or &lt;script)',
    // Entities include optional trailing semicolon: &#x3C; or &#x3C (both valid in HTML5)
    pattern: /(?:&#x0*3[Cc];?|&#0*60;?|&lt;)\s*script/i,
  },
  {
    id: 'html-entity-obfuscated-javascript',
    description: 'HTML-entity-encoded javascript: (partial — catches common &#106; or &#x6a; for "j")',
    pattern: /(?:&#x0*6[Aa];?|&#0*106;?)\s*(?:&#x0*61;?|a)[\s\S]{0,80}script\s*:/i,
  },
  {
    id: 'html-style-expression',
    description: 'CSS expression() — IE-era code execution in style attributes',
    pattern: /style[\s\S]{0,20}expression\s*\(/i,
  },
  {
    id: 'html-object-embed',
    description: '<object or <embed tags that can load active content',
    pattern: /<(?:object|embed)[\s>/]/i,
  },
  {
    id: 'html-base-tag',
    description: '<base href= — can hijack all relative URLs on a page',
    pattern: /<base[\s>]/i,
  },
  {
    id: 'html-meta-refresh',
    description: '<meta http-equiv="refresh" — can redirect users',
    pattern: /<meta[\s\S]{0,40}http-equiv[\s\S]{0,20}refresh/i,
  },
  {
    id: 'html-srcdoc',
    description: 'srcdoc= attribute on iframes — embeds HTML that can run scripts',
    pattern: /srcdoc\s*=/i,
  },
  {
    id: 'html-iframe',
    description: '<iframe tag',
    pattern: /<iframe[\s>/]/i,
  },
  {
    id: 'html-form',
    description: '<form tag — can be used for phishing / credential harvesting injection',
    pattern: /<form[\s>/]/i,
  },
];

/* harmony default export */ const html = (HTML_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/xml.js
/**
 * XML context patterns.
 *
 * Detects injection vectors that are specifically dangerous when a string
 * is inserted into an XML document (not HTML rendering context).
 *
 * Key distinction from HTML: these patterns target parser-level attacks —
 * things that can confuse or subvert an XML parser, trigger external entity
 * resolution, or inject DTD content. HTML rendering concerns (XSS) belong
 * in the HTML context.
 */

const XML_PATTERNS = [
  {
    id: 'xml-cdata-injection',
    description: 'CDATA section injection: <![CDATA[ breaks out of text node context',
    pattern: /<!\[CDATA\[/i,
  },
  {
    id: 'xml-cdata-close',
    description: 'CDATA close sequence: ]]> can terminate an enclosing CDATA section',
    pattern: /\]\]>/,
  },
  {
    id: 'xml-processing-instruction',
    description: 'XML processing instruction: <?xml-stylesheet or <?php etc.',
    pattern: /<\?(?:xml[\- ]|php|asp)/i,
  },
  {
    id: 'xml-doctype-injection',
    description: 'DOCTYPE declaration embedded in content — can define entities',
    // Match <!DOCTYPE followed by end-of-string, whitespace, or [ (internal subset)
    pattern: /<!DOCTYPE(?:[\s[]|$)/i,
  },
  {
    id: 'xml-entity-system',
    description: 'SYSTEM keyword — used in external entity declarations (XXE)',
    pattern: /\bSYSTEM\s+["']/i,
  },
  {
    id: 'xml-entity-public',
    description: 'PUBLIC keyword — used in external entity declarations (XXE)',
    pattern: /\bPUBLIC\s+["']/i,
  },
  {
    id: 'xml-entity-declaration',
    description: '<!ENTITY declaration — defines entities, potential XXE or entity expansion',
    pattern: /<!ENTITY[\s%]/i,
  },
  {
    id: 'xml-billion-laughs',
    description: 'Entity reference chaining / billion laughs: repeated &eX; style references',
    // Heuristic: 3+ consecutive entity refs suggests expansion attack
    pattern: /(?:&\w{1,20};){3,}/,
  },
  {
    id: 'xml-namespace-confusion',
    description: 'xmlns: attribute injection — can redefine namespaces to confuse parsers',
    // pattern: /\bxmlns\s*(?::\w{1,40})?\s*=/i,
    pattern: /\bxmlns(?::\w{1,40})?\s*=/i,
  },
  {
    id: 'xml-comment-injection',
    description: '<!-- comment injection — can hide content from some parsers',
    pattern: /<!--/,
  },
  {
    id: 'xml-comment-close',
    description: '--> closes an enclosing XML comment',
    pattern: /-->/,
  },
  {
    id: 'xml-pi-close',
    description: '?> closes an enclosing processing instruction',
    pattern: /\?>/,
  },
];

/* harmony default export */ const xml = (XML_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/svg.js
/**
 * SVG context patterns.
 *
 * SVG is XML-based but renders in browsers, giving it a unique attack surface
 * that combines XML parser behaviour with browser rendering and JavaScript execution.
 *
 * Many of these vectors bypass HTML sanitizers that don't understand SVG semantics
 * (DOMPurify has documented bypass vulnerabilities specifically in SVG/XML context).
 */

const SVG_PATTERNS = [
  {
    id: 'svg-script-element',
    description: '<script element inside SVG executes JavaScript',
    pattern: /<script[\s>/]/i,
  },
  {
    id: 'svg-xlink-href-javascript',
    description: 'xlink:href with javascript: — classic SVG XSS via <a> or <use>',
    pattern: /xlink\s*:\s*href\s*=\s*["']?\s*javascript\s*:/i,
  },
  {
    id: 'svg-href-javascript',
    description: 'href= with javascript: in SVG context (<a>, <animate>, etc.)',
    pattern: /href\s*=\s*["']?\s*javascript\s*:/i,
  },
  {
    id: 'svg-foreignobject',
    description: '<foreignObject embeds HTML inside SVG — can execute scripts',
    pattern: /<foreignObject[\s>/]/i,
  },
  {
    id: 'svg-use-external',
    description: '<use xlink:href or href pointing to external resource (non-fragment URL)',
    // Match <use with href= where the value starts with a non-# character (external URL)
    // [\"'][^#] catches quoted values not starting with #; [^\"'#\s>] catches unquoted
    pattern: /<use[\s\S]{0,60}(?:xlink\s*:\s*)?href\s*=\s*(?:["'][^#]|[^"'#\s>])/i,
  },
  {
    id: 'svg-animate-href',
    description: '<animate attributeName="href" — can dynamically change href to javascript:',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*href["']/i,
  },
  {
    id: 'svg-animate-xlinkhref',
    description: '<animate attributeName="xlink:href"',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*xlink\s*:\s*href["']/i,
  },
  {
    id: 'svg-set-javascript',
    description: '<set to="javascript:..." — sets an attribute to a javascript: URI',
    pattern: /<set[\s\S]{0,80}to\s*=\s*["']?\s*javascript\s*:/i,
  },
  {
    id: 'svg-event-handler',
    description: 'SVG-specific event handler attributes: onload=, onerror=, onactivate=, etc.',
    pattern: /\bon(?:load|error|activate|begin|end|repeat|focus|blur|click|mouse\w{1,20}|key\w{1,20})\s*=/i,
  },
  {
    id: 'svg-handler-generic',
    description: 'Generic on* handler catch-all for SVG attributes',
    pattern: /\bon\w{1,30}\s*=/i,
  },
  {
    id: 'svg-filter-feimage',
    description: '<feImage href= — filter primitive that can load external resources',
    pattern: /<feImage[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=/i,
  },
  {
    id: 'svg-image-external',
    description: '<image xlink:href with http/https or javascript protocol',
    pattern: /<image[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=\s*["']?\s*(?:https?|javascript)\s*:/i,
  },
  {
    id: 'svg-style-javascript',
    description: 'style= attribute containing javascript: (e.g. background:url(javascript:...))',
    pattern: /style\s*=[\s\S]{0,60}javascript\s*:/i,
  },
];

/* harmony default export */ const svg = (SVG_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/shell.js
/**
 * SHELL context patterns.
 *
 * Detects shell injection vectors and path traversal patterns.
 * Designed for use when a string will be passed to a shell command,
 * used as a file path, or interpolated into OS-level operations.
 */

const SHELL_PATTERNS = [
  {
    id: 'shell-path-traversal-unix',
    description: 'Unix path traversal: ../  — climbing the directory tree',
    pattern: /\.\.\//,
  },
  {
    id: 'shell-path-traversal-windows',
    description: 'Windows path traversal: ..\\ — climbing the directory tree',
    pattern: /\.\.\\/,
  },
  {
    id: 'shell-path-traversal-encoded',
    description: 'URL-encoded path traversal: %2e%2e or %2f variants',
    pattern: /%2e%2e|%2f\.\.|\.\.%2f/i,
  },
  {
    id: 'shell-null-byte',
    description: 'Null byte injection: \\x00 or %00 — truncates strings in C-backed functions',
    pattern: /\x00|%00/,
  },
  {
    id: 'shell-semicolon',
    description: 'Semicolon command separator: cmd1; cmd2',
    pattern: /;/,
  },
  {
    id: 'shell-pipe',
    description: 'Pipe operator: cmd1 | cmd2',
    pattern: /\|/,
  },
  {
    id: 'shell-and-operator',
    description: 'AND operator: cmd1 && cmd2',
    pattern: /&&/,
  },
  {
    id: 'shell-or-operator',
    description: 'OR operator: cmd1 || cmd2',
    pattern: /\|\|/,
  },
  {
    id: 'shell-backtick',
    description: 'Backtick command substitution: `cmd`',
    pattern: /`/,
  },
  {
    id: 'shell-dollar-paren',
    description: 'Dollar-paren command substitution: $(cmd)',
    pattern: /\$\(/,
  },
  {
    id: 'shell-dollar-brace',
    description: 'Dollar-brace variable expansion: ${var} — can be abused for injection',
    pattern: /\$\{/,
  },
  {
    id: 'shell-redirect-out',
    description: 'Output redirection: cmd > file or cmd >> file',
    pattern: />{1,2}/,
  },
  {
    id: 'shell-redirect-in',
    description: 'Input redirection: cmd < file',
    pattern: /</,
  },
  {
    id: 'shell-newline-injection',
    description: 'Newline injection: \\n or \\r — can inject new shell commands',
    pattern: /[\n\r]/,
  },
  {
    id: 'shell-glob-star',
    description: 'Glob expansion: * or ? — can expand to unintended files',
    // Only flag when combined with path separators to reduce false positives
    pattern: /[/\\][*?]/,
  },
  {
    id: 'shell-absolute-root',
    description: 'Absolute root path injection: string starting with / or \\ (Windows UNC)',
    pattern: /^(?:\/|\\\\)/,
  },
  {
    id: 'shell-windows-drive',
    description: 'Windows drive letter path injection: C:\\ or D:/',
    pattern: /^[a-zA-Z]:[/\\]/,
  },
  {
    id: 'shell-curl-wget',
    description: 'curl/wget with URL or flags — can exfiltrate data or download payloads',
    // Require a URL scheme (http/https/ftp) or a flag (-) to reduce false positives
    // "curl is a tool" won't match; "curl http://..." or "curl -s ..." will
    pattern: /\b(?:curl|wget)\s+(?:https?:\/\/|ftp:\/\/|-)/i,
  },
];

/* harmony default export */ const shell = (SHELL_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/redos.js
/**
 * REDOS context patterns.
 *
 * Detects strings that, if used as regular expressions, could cause
 * catastrophic backtracking (ReDoS — Regular Expression Denial of Service).
 *
 * These patterns detect the structural forms that lead to exponential or
 * polynomial backtracking in NFA-based regex engines (V8, PCRE, Java, etc.).
 *
 * Use this context when user-supplied strings will be compiled into RegExp objects.
 */

const REDOS_PATTERNS = [
  {
    id: 'redos-nested-quantifier-plus',
    description: 'Nested + quantifier inside a group with outer quantifier: (a+)+, (.+b)*, etc.',
    // Matches any group containing a + quantifier, with an outer * or + — catches (a+)+, (.+b)*, etc.
    pattern: /\([^)]*\+[^)]*\)[+*]/,
  },
  {
    id: 'redos-nested-quantifier-star',
    description: 'Nested * quantifier: (a*)* or (a*)+ — catastrophic backtracking',
    pattern: /\([^)]*\*[^)]*\)[*+]/,
  },
  {
    id: 'redos-nested-groups',
    description: 'Doubly nested quantified groups: ((a+)+) — guaranteed catastrophic',
    pattern: /\(\([^)]{0,40}\)[+*]\)[+*]/,
  },
  {
    id: 'redos-alternation-overlap',
    description: 'Overlapping alternation under quantifier: (a|a)+ — ambiguous NFA paths',
    // Detect repeated identical alternatives under a quantifier
    pattern: /\(([^|()]{1,20})\|(?:\1)(?:\|[^|()]{1,20}){0,5}\)[+*?]{1,2}/,
  },
  {
    id: 'redos-star-plus-concat',
    description: '(x*x)+ pattern — triggers super-linear backtracking',
    pattern: /\([^)]{0,10}\*[^)]{0,10}\)[+*]/,
  },
  {
    id: 'redos-dot-star-greedy',
    description: '(.*){n,} or (.+){n,} — repeated greedy dot quantifiers',
    pattern: /\(\.[*+]\)\{?\d/,
  },
  {
    id: 'redos-large-repetition',
    description: 'Very large fixed or range repetition count {1000,} or {1000,n} — denial of service via backtracking',
    // Matches { followed by 4+ digits (≥1000), then optional ,digits }
    pattern: /\{\d{4,}(?:,\d*)?\}/,
  },
  {
    id: 'redos-catastrophic-alternation',
    description: 'Long alternation with many similar branches — polynomial backtracking risk',
    // Heuristic: 10+ pipe-separated alternatives in a single group
    pattern: /\([^)]{0,200}(?:\|[^|)]{0,50}){9,}\)/,
  },
];

/* harmony default export */ const redos = (REDOS_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/nosql.js
/**
 * NOSQL context patterns.
 *
 * Detects injection vectors specific to NoSQL databases (primarily MongoDB)
 * and JavaScript-evaluated queries.
 *
 * Attack categories:
 *   1. MongoDB query operator injection: $where, $ne, $gt, $regex, $or, $and, etc.
 *      These operators, when injected into a JSON query object, can bypass
 *      authentication or exfiltrate data without knowing passwords.
 *
 *   2. JavaScript execution: $where clauses execute arbitrary JS server-side.
 *
 *   3. Prototype pollution: __proto__, constructor.prototype — can corrupt
 *      the prototype chain of all objects in the Node.js process.
 *
 * Pattern note: MongoDB operators appear as JSON keys. In JSON, keys are
 * quoted: {"$where": ...} so the pattern must allow an optional closing
 * quote between the operator name and the colon: /\$where["'\s]*:/
 */

// Shared suffix: optional closing quote/whitespace before the colon
// Handles: $op: (bare), "$op": (JSON), '$op': (single-quoted)
const SEP = /["'\s]*:/;
const sep = '["\'\\s]*:';

const NOSQL_PATTERNS = [
  // ─── MongoDB $ operator injection ────────────────────────────────────────
  {
    id: 'nosql-where-operator',
    description: '$where — executes arbitrary JavaScript server-side in MongoDB',
    pattern: new RegExp(`\\$where${sep}`, 'i'),
  },
  {
    id: 'nosql-ne-operator',
    description: '$ne — "not equal" operator used to bypass equality checks',
    pattern: new RegExp(`\\$ne${sep}`, 'i'),
  },
  {
    id: 'nosql-gt-operator',
    description: '$gt — "greater than" used to bypass password/value checks',
    pattern: new RegExp(`\\$gte?${sep}`, 'i'),
  },
  {
    id: 'nosql-lt-operator',
    description: '$lt / $lte — "less than" bypass variants',
    pattern: new RegExp(`\\$lte?${sep}`, 'i'),
  },
  {
    id: 'nosql-regex-operator',
    description: '$regex — can be used to extract data character by character (blind injection)',
    pattern: new RegExp(`\\$regex${sep}`, 'i'),
  },
  {
    id: 'nosql-or-operator',
    description: '$or — logical OR; used to create always-true conditions',
    pattern: new RegExp(`\\$or${sep}\\s*\\[`, 'i'),
  },
  {
    id: 'nosql-and-operator',
    description: '$and — logical AND operator injection',
    pattern: new RegExp(`\\$and${sep}\\s*\\[`, 'i'),
  },
  {
    id: 'nosql-nor-operator',
    description: '$nor — logical NOR operator injection',
    pattern: new RegExp(`\\$nor${sep}\\s*\\[`, 'i'),
  },
  {
    id: 'nosql-exists-operator',
    description: '$exists — can enumerate fields to determine schema',
    pattern: new RegExp(`\\$exists${sep}`, 'i'),
  },
  {
    id: 'nosql-in-operator',
    description: '$in — matches any value in a list; can enumerate values',
    pattern: new RegExp(`\\$in${sep}\\s*\\[`, 'i'),
  },
  {
    id: 'nosql-expr-operator',
    description: '$expr — allows aggregation expressions in queries (MongoDB 3.6+)',
    pattern: new RegExp(`\\$expr${sep}`, 'i'),
  },
  {
    id: 'nosql-function-operator',
    description: '$function — executes arbitrary JavaScript in MongoDB 4.4+',
    pattern: new RegExp(`\\$function${sep}`, 'i'),
  },
  {
    id: 'nosql-accumulator-operator',
    description: '$accumulator — custom aggregation with arbitrary JS execution',
    pattern: new RegExp(`\\$accumulator${sep}`, 'i'),
  },
  // ─── Prototype pollution ─────────────────────────────────────────────────
  {
    id: 'nosql-proto-pollution',
    description: '__proto__ — prototype pollution via object key injection',
    pattern: /__proto__/,
  },
  {
    id: 'nosql-constructor-prototype',
    description: 'constructor.prototype — alternative prototype pollution vector (dot notation or JSON key)',
    // Matches dot-notation (obj.constructor.prototype) and JSON key adjacency
    // ("constructor": {"prototype": ...})
    pattern: /constructor[\s"':.,{\[]*prototype/i,
  },
  {
    id: 'nosql-proto-bracket',
    description: '["__proto__"] — bracket-notation prototype pollution',
    pattern: /\[["']__proto__["']\]/,
  },
];

/* harmony default export */ const nosql = (NOSQL_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/log.js
/**
 * LOG context patterns.
 *
 * Detects injection vectors that are dangerous when a string is written
 * to a log file, passed to a logging framework, or interpolated into
 * a log message that will be parsed or displayed.
 *
 * Attack categories:
 *   1. CRLF injection — injects fake log lines by embedding newlines
 *   2. Log4Shell (CVE-2021-44228) — ${jndi:...} triggers JNDI lookup in Log4j
 *   3. SSTI in log templates — {{...}}, #{...} trigger template evaluation
 *      if the log message is passed through a template engine
 *   4. Null byte injection — truncates log entries in some implementations
 *   5. ANSI escape injection — manipulates terminal output when logs are
 *      tailed in a terminal (colour codes, cursor movement, etc.)
 *
 * Note: Newline characters (\n, \r) will produce false positives for
 * multi-line legitimate values. Use this context only for single-line
 * log field values (usernames, IDs, request parameters, etc.).
 */

const LOG_PATTERNS = [
  // ─── CRLF / newline injection ─────────────────────────────────────────────
  {
    id: 'log-crlf-injection',
    description: 'CRLF injection: literal \\r or \\n embeds fake log lines',
    pattern: /[\r\n]/,
  },
  {
    id: 'log-url-encoded-crlf',
    description: 'URL-encoded CRLF: %0d, %0a, %0D, %0A — decoded by some log parsers',
    pattern: /%0[dDaA]/,
  },
  {
    id: 'log-unicode-newline',
    description: 'Unicode newline variants: U+2028 (line separator), U+2029 (paragraph separator)',
    pattern: /[\u2028\u2029]/,
  },

  // ─── Log4Shell / JNDI injection (CVE-2021-44228) ─────────────────────────
  {
    id: 'log-log4shell-jndi',
    description: 'Log4Shell: ${jndi:...} triggers remote code execution in Apache Log4j',
    pattern: /\$\{jndi\s*:/i,
  },
  {
    id: 'log-log4shell-obfuscated',
    description: 'Obfuscated Log4Shell: ${::-j}... lookup-bypass prefix used to evade WAF detection',
    // ${::- is the Log4j lookup-bypass escape sequence; presence alone is suspicious
    pattern: /\$\{::-/,
  },
  {
    id: 'log-log4j-lookup',
    description: 'Log4j lookup syntax: ${env:...}, ${sys:...}, ${ctx:...} — data exfiltration',
    pattern: /\$\{(?:env|sys|ctx|main|map|sd|web|docker|k8s|spring)\s*:/i,
  },

  // ─── Server-Side Template Injection (SSTI) in log messages ───────────────
  {
    id: 'log-ssti-double-brace',
    description: 'SSTI double-brace: {{expression}} — Jinja2, Twig, Handlebars, etc.',
    pattern: /\{\{[\s\S]{0,80}\}\}/,
  },
  {
    id: 'log-ssti-hash-brace',
    description: 'SSTI hash-brace: #{expression} — Thymeleaf, Velocity, Ruby ERB',
    pattern: /#\{[\s\S]{0,80}\}/,
  },
  {
    id: 'log-ssti-dollar-brace',
    description: 'SSTI/EL injection: ${expression with operators or method calls} — JSP EL, Freemarker, SpEL',
    // Require that the ${...} content looks like an expression, not a plain variable name.
    // Flags if the content contains: . ( * + operators, or known SSTI keywords.
    // This avoids flagging ${PATH}, ${HOME} etc. (plain shell variables).
    pattern: /\$\{[^}]*(?:\.|\(|\*|\+|\bclass\b|\bruntime\b|\bprocess\b|\bexec\b)[^}]{0,80}\}/i,
  },
  {
    id: 'log-ssti-percent-tag',
    description: 'SSTI ERB/ASP tag: <%= expression %> — Ruby ERB, ASP',
    pattern: /<%=[\s\S]{0,80}%>/,
  },

  // ─── Null byte ────────────────────────────────────────────────────────────
  {
    id: 'log-null-byte',
    description: 'Null byte: \\x00 or %00 — can truncate log entries in C-backed loggers',
    pattern: /\x00|%00/,
  },

  // ─── ANSI escape injection ────────────────────────────────────────────────
  {
    id: 'log-ansi-escape',
    description: 'ANSI escape sequence: ESC[ — can manipulate terminal output when logs are tailed',
    pattern: /\x1b\[/,
  },
];

/* harmony default export */ const log = (LOG_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/index.js
/**
 * is-unsafe v2
 *
 * Zero-dependency, DOM-free, pure predicate for detecting unsafe strings
 * across HTML, XML, SVG, SQL, SQL-STRICT, SHELL, REDOS, NOSQL, and LOG contexts.
 *
 * v2 change: contexts are imported as named pattern arrays rather than resolved
 * via a string-keyed registry. This makes each context independently
 * tree-shakeable — bundlers can drop any context you never import.
 *
 * @module is-unsafe
 */

// ─── Context pattern arrays (named exports) ────────────────────────────────
// Import only the ones you need. Each is independently tree-shakeable.










// SQL-STRICT needs a quoted identifier because of the hyphen



// Markup contexts are also matched against an entity-decoded copy of the input,
// because browsers decode HTML character references before interpreting a URL
// scheme (e.g. javascript&#58;… is a javascript: URL).


// ─── VALID_CONTEXTS convenience re-export ─────────────────────────────────
// Importing this pulls in ALL contexts. Use it only when you need all of them
// (e.g. for validation UI, tooling, or exhaustive audits).
// If you only need a subset, import the named contexts directly instead.










// ─── Attach labels to named contexts ──────────────────────────────────────
// Each built-in PatternList carries its canonical name so matchList can read
// list.label directly — no registry lookup needed at match time.
// Custom PatternLists default to 'CUSTOM' unless the caller sets list.label.

html.label       = 'HTML';
xml.label        = 'XML';
svg.label        = 'SVG';

// Markup contexts: also test an entity-decoded copy (see util/decode-entities.js).
// Non-markup contexts (SQL, SHELL, LOG, …) are matched byte-for-byte as supplied.
html.decodeEntities = true;
xml.decodeEntities  = true;
svg.decodeEntities  = true;
sql.label        = 'SQL';
sql_strict.label = 'SQL-STRICT';
shell.label      = 'SHELL';
redos.label      = 'REDOS';
nosql.label      = 'NOSQL';
log.label        = 'LOG';

const VALID_CONTEXTS = Object.freeze({
  HTML: html,
  XML: xml,
  SVG: svg,
  SQL: sql,
  'SQL-STRICT': sql_strict,
  SHELL: shell,
  REDOS: redos,
  NOSQL: nosql,
  LOG: log,
});

// ─── Types ────────────────────────────────────────────────────────────────

/**
 * @typedef {{ id: string, description: string, pattern: RegExp }} Rule
 */

/**
 * @typedef {Rule[]} PatternList
 */

/**
 * @typedef {Object} MatchResult
 * @property {string} context     - Label identifying which context matched ('HTML', 'CUSTOM', etc.)
 * @property {string} id          - Rule identifier
 * @property {string} description - Human-readable description of what was matched
 * @property {RegExp} pattern     - The pattern that matched
 */

// ─── Internal helpers ──────────────────────────────────────────────────────

/**
 * @param {unknown} value
 */
function assertString(value) {
  if (typeof value !== 'string') {
    throw new TypeError(
      `is-unsafe: first argument must be a string, got ${typeof value}`
    );
  }
}

/**
 * @param {unknown} context
 */
function assertContext(context) {
  if (context instanceof RegExp) return;

  if (Array.isArray(context)) {
    if (context.length === 0) {
      throw new TypeError('is-unsafe: context must not be an empty array');
    }
    // Detect array-of-arrays vs flat pattern list
    if (Array.isArray(context[0])) {
      // Array of PatternLists
      for (const list of context) {
        if (!Array.isArray(list) || list.length === 0) {
          throw new TypeError(
            'is-unsafe: each context in the array must be a non-empty pattern array (PatternList)'
          );
        }
      }
    }
    // else: flat PatternList — trust it, no deep validation needed
    return;
  }

  throw new TypeError(
    `is-unsafe: second argument must be a PatternList (e.g. HTML), ` +
    `an array of PatternLists (e.g. [HTML, XML]), or a RegExp. Got: ${typeof context}`
  );
}

/**
 * Normalise any valid context arg into an array of PatternLists.
 *
 * @param {Rule[]|Rule[][]|RegExp} context
 * @returns {{ lists: Rule[][]|null, regex: RegExp|null }}
 */
function normalise(context) {
  if (context instanceof RegExp) return { lists: null, regex: context };
  // Distinguish PatternList (array of rule objects) from array of PatternLists
  if (Array.isArray(context[0])) return { lists: context, regex: null };
  return { lists: [context], regex: null };
}

/**
 * For markup contexts, return an entity-decoded copy of `value` to test
 * alongside the raw input, or null when there is nothing extra to test.
 *
 * @param {string} value
 * @param {Rule[]} list
 * @returns {string|null}
 */
function decodedCopy(value, list) {
  if (!list.decodeEntities) return null;
  const decoded = decodeEntities(value);
  return decoded === value ? null : decoded;
}

/**
 * Test value against a single PatternList. Returns the first MatchResult or null.
 *
 * @param {string} value
 * @param {Rule[]} list
 * @returns {MatchResult|null}
 */
function matchList(value, list) {
  const label = list.label ?? 'CUSTOM';
  const decoded = decodedCopy(value, list);
  for (const rule of list) {
    if (rule.pattern.test(value) || (decoded !== null && rule.pattern.test(decoded))) {
      return { context: label, id: rule.id, description: rule.description, pattern: rule.pattern };
    }
  }
  return null;
}

// ─── Public API ───────────────────────────────────────────────────────────

/**
 * Returns `true` if `value` is unsafe in the given context(s), `false` otherwise.
 *
 * @param {string} value - The string to test
 * @param {PatternList | PatternList[] | RegExp} context
 *   - A PatternList imported from is-unsafe (e.g. `HTML`, `XML`)
 *   - An array of PatternLists — returns true if unsafe in **any** of them
 *   - A custom RegExp — returns true if the pattern matches
 * @returns {boolean}
 *
 * @example
 * import { isUnsafe, HTML, SQL } from 'is-unsafe';
 *
 * isUnsafe('<script>alert(1)</script>', HTML)       // true
 * isUnsafe('hello world', HTML)                     // false
 * isUnsafe('value', [HTML, SQL])                    // false
 * isUnsafe('value', /my-pattern/i)                  // false
 */
function isUnsafe(value, context) {
  assertString(value);
  assertContext(context);

  const { lists, regex } = normalise(context);

  if (regex) return regex.test(value);

  for (const list of lists) {
    if (matchList(value, list) !== null) return true;
  }
  return false;
}

/**
 * Like `isUnsafe`, but returns the first `MatchResult` describing **why**
 * the value was flagged, or `null` if it is safe.
 *
 * @param {string} value
 * @param {PatternList | PatternList[] | RegExp} context
 * @returns {MatchResult|null}
 *
 * @example
 * import { whyUnsafe, HTML } from 'is-unsafe';
 *
 * whyUnsafe('<script>alert(1)</script>', HTML)
 * // { context: 'HTML', id: 'html-script-open', description: '...', pattern: /.../ }
 */
function whyUnsafe(value, context) {
  assertString(value);
  assertContext(context);

  const { lists, regex } = normalise(context);

  if (regex) {
    return regex.test(value)
      ? { context: 'CUSTOM', id: 'custom-regex', description: 'Matched caller-supplied pattern', pattern: regex }
      : null;
  }

  for (const list of lists) {
    const result = matchList(value, list);
    if (result !== null) return result;
  }
  return null;
}

/**
 * Returns **all** matching rules across the given context(s), or an empty
 * array if the value is safe. Useful for comprehensive auditing.
 *
 * @param {string} value
 * @param {PatternList | PatternList[] | RegExp} context
 * @returns {MatchResult[]}
 */
function allUnsafe(value, context) {
  assertString(value);
  assertContext(context);

  const { lists, regex } = normalise(context);
  const results = [];

  if (regex) {
    if (regex.test(value)) {
      results.push({ context: 'CUSTOM', id: 'custom-regex', description: 'Matched caller-supplied pattern', pattern: regex });
    }
    return results;
  }

  for (const list of lists) {
    const label = list.label ?? 'CUSTOM';
    const decoded = decodedCopy(value, list);
    for (const rule of list) {
      if (rule.pattern.test(value) || (decoded !== null && rule.pattern.test(decoded))) {
        results.push({ context: label, id: rule.id, description: rule.description, pattern: rule.pattern });
      }
    }
  }

  return results;
}


/* harmony default export */ const src = ((/* unused pure expression or super */ null && (isUnsafe)));

;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/OrderedObjParser.js

///@ts-check












// const regx =
//   '<((!\\[CDATA\\[([\\s\\S]*?)(]]>))|((NAME:)?(NAME))([^>]*)>|((\\/)(NAME)\\s*>))([^<]*)'
//   .replace(/NAME/g, util.nameRegexp);

//const tagsRegx = new RegExp("<(\\/?[\\w:\\-\._]+)([^>]*)>(\\s*"+cdataRegx+")*([^<]+)?","g");
//const tagsRegx = new RegExp("<(\\/?)((\\w*:)?([\\w:\\-\._]+))([^>]*)>([^<]*)("+cdataRegx+"([^<]*))*([^<]+)?","g");

// Helper functions for attribute and namespace handling

/**
 * Extract raw attributes (without prefix) from prefixed attribute map
 * @param {object} prefixedAttrs - Attributes with prefix from buildAttributesMap
 * @param {object} options - Parser options containing attributeNamePrefix
 * @returns {object} Raw attributes for matcher
 */
function extractRawAttributes(prefixedAttrs, options) {
  if (!prefixedAttrs) return {};

  // Handle attributesGroupName option
  const attrs = options.attributesGroupName
    ? prefixedAttrs[options.attributesGroupName]
    : prefixedAttrs;

  if (!attrs) return {};

  const rawAttrs = {};
  for (const key in attrs) {
    // Remove the attribute prefix to get raw name
    if (key.startsWith(options.attributeNamePrefix)) {
      const rawName = key.substring(options.attributeNamePrefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      // Attribute without prefix (shouldn't normally happen, but be safe)
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}

/**
 * Extract namespace from raw tag name
 * @param {string} rawTagName - Tag name possibly with namespace (e.g., "soap:Envelope")
 * @returns {string|undefined} Namespace or undefined
 */
function extractNamespace(rawTagName) {
  if (!rawTagName || typeof rawTagName !== 'string') return undefined;

  const colonIndex = rawTagName.indexOf(':');
  if (colonIndex !== -1 && colonIndex > 0) {
    const ns = rawTagName.substring(0, colonIndex);
    // Don't treat xmlns as a namespace
    if (ns !== 'xmlns') {
      return ns;
    }
  }
  return undefined;
}

class OrderedObjParser {
  constructor(options, externalEntities) {
    this.options = options;
    this.currentNode = null;
    this.tagsNodeStack = [];
    this.parseXml = parseXml;
    this.parseTextData = parseTextData;
    this.resolveNameSpace = resolveNameSpace;
    this.buildAttributesMap = buildAttributesMap;
    this.isItStopNode = isItStopNode;
    this.replaceEntitiesValue = replaceEntitiesValue;
    this.readStopNodeData = readStopNodeData;
    this.saveTextToParentTag = saveTextToParentTag;
    this.addChild = addChild;
    this.ignoreAttributesFn = getIgnoreAttributesFn(this.options.ignoreAttributes)
    this.entityExpansionCount = 0;
    this.currentExpandedLength = 0;
    this.doctypefound = false;
    let namedEntities = { ...XML };
    if (this.options.entityDecoder) {
      this.entityDecoder = this.options.entityDecoder
    } else {
      if (typeof this.options.htmlEntities === "object") namedEntities = this.options.htmlEntities;
      else if (this.options.htmlEntities === true) namedEntities = { ...COMMON_HTML, ...CURRENCY };
      this.entityDecoder = new EntityDecoder({
        namedEntities: { ...namedEntities, ...externalEntities },
        numericAllowed: this.options.htmlEntities,
        limit: {
          maxTotalExpansions: this.options.processEntities.maxTotalExpansions,
          maxExpandedLength: this.options.processEntities.maxExpandedLength,
          applyLimitsTo: this.options.processEntities.appliesTo,
        },
        // onExternalEntity: (name, value) => isUnsafe(value) ? 'block' : 'allow',
        onInputEntity: (name, value) =>
          //TODO: VALID_CONTEXTS.HTML should be set only if this.options.htmlEntities
          isUnsafe(value, [html, xml]) ? ENTITY_ACTION.BLOCK : ENTITY_ACTION.ALLOW,

        //postCheck: resolved => resolved
      });
    }

    // Initialize path matcher for path-expression-matcher
    this.matcher = new Matcher();
    this.readonlyMatcher = this.matcher.readOnly();

    // Flag to track if current node is a stop node (optimization)
    this.isCurrentNodeStopNode = false;

    // Pre-compile stopNodes expressions
    this.stopNodeExpressionsSet = new ExpressionSet();
    const stopNodesOpts = this.options.stopNodes;
    if (stopNodesOpts && stopNodesOpts.length > 0) {
      for (let i = 0; i < stopNodesOpts.length; i++) {
        const stopNodeExp = stopNodesOpts[i];
        if (typeof stopNodeExp === 'string') {
          // Convert string to Expression object
          this.stopNodeExpressionsSet.add(new Expression(stopNodeExp));
        } else if (stopNodeExp instanceof Expression) {
          // Already an Expression object
          this.stopNodeExpressionsSet.add(stopNodeExp);
        }
      }
      this.stopNodeExpressionsSet.seal();
    }
  }

}


/**
 * @param {string} val
 * @param {string} tagName
 * @param {string|Matcher} jPath - jPath string or Matcher instance based on options.jPath
 * @param {boolean} dontTrim
 * @param {boolean} hasAttributes
 * @param {boolean} isLeafNode
 * @param {boolean} escapeEntities
 */
function parseTextData(val, tagName, jPath, dontTrim, hasAttributes, isLeafNode, escapeEntities) {
  const options = this.options;
  if (val !== undefined) {
    if (options.trimValues && !dontTrim) {
      val = val.trim();
    }
    if (val.length > 0) {
      if (!escapeEntities) val = this.replaceEntitiesValue(val, tagName, jPath);

      // Pass jPath string or matcher based on options.jPath setting
      const jPathOrMatcher = options.jPath ? jPath.toString() : jPath;
      const newval = options.tagValueProcessor(tagName, val, jPathOrMatcher, hasAttributes, isLeafNode);
      if (newval === null || newval === undefined) {
        //don't parse
        return val;
      } else if (typeof newval !== typeof val || newval !== val) {
        //overwrite
        return newval;
      } else if (options.trimValues) {
        return parseValue(val, options.parseTagValue, options.numberParseOptions);
      } else {
        const trimmedVal = val.trim();
        if (trimmedVal === val) {
          return parseValue(val, options.parseTagValue, options.numberParseOptions);
        } else {
          return val;
        }
      }
    }
  }
}

function resolveNameSpace(tagname) {
  if (this.options.removeNSPrefix) {
    const tags = tagname.split(':');
    const prefix = tagname.charAt(0) === '/' ? '/' : '';
    if (tags[0] === 'xmlns') {
      return '';
    }
    if (tags.length === 2) {
      tagname = prefix + tags[1];
    }
  }
  return tagname;
}

//TODO: change regex to capture NS
//const attrsRegx = new RegExp("([\\w\\-\\.\\:]+)\\s*=\\s*(['\"])((.|\n)*?)\\2","gm");
// The value is matched with a negated class per quote type rather than a lazy `[\s\S]*?` up to a
// backreference, which is much slower on long values (SVG paths, data URIs)
const attrsRegx = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/gm;

// value inside double quotes, or inside single quotes, or undefined when there is no value
function attrValue(match) {
  return match[3] !== undefined ? match[3] : match[4];
}

function buildAttributesMap(attrStr, jPath, tagName, force = false) {
  const options = this.options;
  if (force === true || (options.ignoreAttributes !== true && typeof attrStr === 'string')) {
    // attrStr = attrStr.replace(/\r?\n/g, ' ');
    //attrStr = attrStr || attrStr.trim();

    const matches = getAllMatches(attrStr, attrsRegx);
    const len = matches.length; //don't make it inline
    const attrs = {};

    // Pre-process values once: trim + entity replacement
    // Reused in both matcher update and second pass
    const processedVals = new Array(len);
    let hasRawAttrs = false;
    const rawAttrsForMatcher = {};

    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);
      const oldVal = attrValue(matches[i]);

      if (attrName.length && oldVal !== undefined) {
        let val = oldVal;
        if (options.trimValues) val = val.trim();
        val = this.replaceEntitiesValue(val, tagName, this.readonlyMatcher);
        processedVals[i] = val;

        rawAttrsForMatcher[attrName] = val;
        hasRawAttrs = true;
      }
    }

    // Update matcher ONCE before second pass, if applicable
    if (hasRawAttrs && typeof jPath === 'object' && jPath.updateCurrent) {
      jPath.updateCurrent(rawAttrsForMatcher);
    }

    // Hoist toString() once — path doesn't change during attribute processing
    const jPathStr = options.jPath ? jPath.toString() : this.readonlyMatcher;

    // Second pass: apply processors, build final attrs
    let hasAttrs = false;
    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);

      if (this.ignoreAttributesFn(attrName, jPathStr)) continue;

      let aName = options.attributeNamePrefix + attrName;

      if (attrName.length) {
        if (options.transformAttributeName) {
          aName = options.transformAttributeName(aName);
        }
        aName = sanitizeName(aName, options);

        if (attrValue(matches[i]) !== undefined) {
          // Reuse already-processed value — no double entity replacement
          const oldVal = processedVals[i];

          const newVal = options.attributeValueProcessor(attrName, oldVal, jPathStr);
          if (newVal === null || newVal === undefined) {
            attrs[aName] = oldVal;
          } else if (typeof newVal !== typeof oldVal || newVal !== oldVal) {
            attrs[aName] = newVal;
          } else {
            attrs[aName] = parseValue(oldVal, options.parseAttributeValue, options.numberParseOptions);
          }
          hasAttrs = true;
        } else if (options.allowBooleanAttributes) {
          attrs[aName] = true;
          hasAttrs = true;
        }
      }
    }

    if (!hasAttrs) return;

    if (options.attributesGroupName && !options.preserveOrder) {
      const attrCollection = {};
      attrCollection[options.attributesGroupName] = attrs;
      return attrCollection;
    }
    return attrs;
  }
}
const parseXml = function (xmlData) {
  const options = this.options;
  const crlfPositions = options.captureMetaData ? [] : undefined;
  xmlData = xmlData.replace(/\r\n?/g, options.captureMetaData ? (newline, index) => {
    if (newline.length === 2) {
      // Store the position after earlier CRLF pairs have been normalized.
      crlfPositions.push(index - crlfPositions.length);
    }
    return "\n";
  } : "\n");
  const xmlObj = new XmlNode('!xml');
  let currentNode = xmlObj;
  let textData = "";

  // Reset matcher for new document
  this.matcher.reset();
  this.entityDecoder.reset();

  // Reset entity expansion counters for this document
  this.entityExpansionCount = 0;
  this.currentExpandedLength = 0;
  this.doctypefound = false;
  const docTypeReader = new DocTypeReader(options.processEntities);
  const xmlLen = xmlData.length;
  for (let i = 0; i < xmlLen; i++) {//for each char in XML data
    const ch = xmlData[i];
    if (ch === '<') {
      // const nextIndex = i+1;
      // const _2ndChar = xmlData[nextIndex];
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {//Closing Tag '/'
        const closeIndex = findClosingIndex(xmlData, ">", i, "Closing Tag is not closed.")
        let tagName = xmlData.substring(i + 2, closeIndex).trim();

        if (options.removeNSPrefix) {
          const colonIndex = tagName.indexOf(":");
          if (colonIndex !== -1) {
            tagName = tagName.substr(colonIndex + 1);
          }
        }

        tagName = transformTagName(options.transformTagName, tagName, "", options).tagName;

        if (currentNode) {
          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        }

        //check if last tag of nested tag was unpaired tag
        const lastTagName = this.matcher.getCurrentTag();
        if (tagName && options.unpairedTagsSet.has(tagName)) {
          throw new Error(`Unpaired tag can not be used as closing tag: </${tagName}>`);
        }
        if (lastTagName && options.unpairedTagsSet.has(lastTagName)) {
          // Pop the unpaired tag
          this.matcher.pop();
          this.tagsNodeStack.pop();
        }
        // Pop the closing tag
        this.matcher.pop();
        this.isCurrentNodeStopNode = false; // Reset flag when closing tag

        //a closing tag with no matching opening tag leaves the stack empty
        currentNode = this.tagsNodeStack.pop() || xmlObj;//avoid recursion, set the parent tag scope

        if (options.captureMetaData && currentNode) {
          currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
        }
        textData = "";
        i = closeIndex;
      } else if (c1 === 63) { //'?'

        let tagData = readTagExp(xmlData, i, false, "?>");
        if (!tagData) throw new Error("Pi Tag is not closed.");

        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        const attsMap = this.buildAttributesMap(tagData.tagExp, this.matcher, tagData.tagName, true);
        if (attsMap) {
          const ver = attsMap[this.options.attributeNamePrefix + "version"];
          this.entityDecoder.setXmlVersion(Number(ver) || 1.0);
          docTypeReader.setXmlVersion(Number(ver) || 1.0);
        }
        if ((options.ignoreDeclaration && tagData.tagName === "?xml") || options.ignorePiTags) {
          //do nothing
        } else {

          const childNode = new XmlNode(tagData.tagName);
          childNode.add(options.textNodeName, "");

          if (tagData.tagName !== tagData.tagExp && tagData.attrExpPresent && options.ignoreAttributes !== true) {
            childNode[":@"] = attsMap
          }
          const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);

          if (options.captureMetaData) {
            // closeIndex points at '?' of the closing '?>'
            currentNode.addEndIndex(getOriginalIndex(tagData.closeIndex + 2, crlfPositions));
          }
        }


        i = tagData.closeIndex + 1;
      } else if (c1 === 33
        && xmlData.charCodeAt(i + 2) === 45
        && xmlData.charCodeAt(i + 3) === 45) { //'!--'
        const endIndex = findClosingIndex(xmlData, "-->", i + 4, "Comment is not closed.")
        if (options.commentPropName) {
          const comment = xmlData.substring(i + 4, endIndex - 2);

          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);

          currentNode.add(options.commentPropName, [{ [options.textNodeName]: comment }]);
        }
        i = endIndex;
      } else if (c1 === 33
        && xmlData.charCodeAt(i + 2) === 68) { //'!D'
        if (this.doctypefound) throw new Error("Multiple DOCTYPE declarations found.");
        this.doctypefound = true;
        const result = docTypeReader.readDocType(xmlData, i);
        this.entityDecoder.addInputEntities(result.entities);
        i = result.i;
      } else if (c1 === 33
        && xmlData.charCodeAt(i + 2) === 91) { // '!['
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "CDATA is not closed.") - 2;
        const tagExp = xmlData.substring(i + 9, closeIndex);

        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);

        let val = this.parseTextData(tagExp, currentNode.tagname, this.readonlyMatcher, true, false, true, true);
        if (val == undefined) val = "";

        //cdata should be set even if it is 0 length string
        if (options.cdataPropName) {
          currentNode.add(options.cdataPropName, [{ [options.textNodeName]: tagExp }]);
        } else {
          currentNode.add(options.textNodeName, val);
        }

        i = closeIndex + 2;
      } else {//Opening tag
        let result = readTagExp(xmlData, i, options.removeNSPrefix);

        // Safety check: readTagExp can return undefined
        if (!result) {
          // Log context for debugging
          const context = xmlData.substring(Math.max(0, i - 50), Math.min(xmlLen, i + 50));
          throw new Error(`readTagExp returned undefined at position ${i}. Context: "${context}"`);
        }

        let tagName = result.tagName;
        const rawTagName = result.rawTagName;
        let tagExp = result.tagExp;
        let attrExpPresent = result.attrExpPresent;
        let closeIndex = result.closeIndex;

        ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));

        if (options.strictReservedNames &&
          (tagName === options.commentPropName
            || tagName === options.cdataPropName
            || tagName === options.textNodeName
            || tagName === options.attributesGroupName
          )) {
          throw new Error(`Invalid tag name: ${tagName}`);
        }

        //save text as child node
        if (currentNode && textData) {
          if (currentNode.tagname !== '!xml') {
            //when nested tag is found
            textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher, false);
          }
        }

        //check if last tag was unpaired tag
        const lastTag = currentNode;
        if (lastTag && options.unpairedTagsSet.has(lastTag.tagname)) {
          currentNode = this.tagsNodeStack.pop();
          this.matcher.pop();
        }

        // Clean up self-closing syntax BEFORE processing attributes
        // This is where tagExp gets the trailing / removed
        let isSelfClosing = false;
        if (tagExp.length > 0 && tagExp.lastIndexOf("/") === tagExp.length - 1) {
          isSelfClosing = true;
          if (tagName[tagName.length - 1] === "/") {
            tagName = tagName.substr(0, tagName.length - 1);
            tagExp = tagName;
          } else {
            tagExp = tagExp.substr(0, tagExp.length - 1);
          }

          // Re-check attrExpPresent after cleaning
          attrExpPresent = (tagName !== tagExp);
        }

        // Now process attributes with CLEAN tagExp (no trailing /)
        let prefixedAttrs = null;
        let rawAttrs = {};
        let namespace = undefined;

        // Extract namespace from rawTagName
        namespace = extractNamespace(rawTagName);

        // Push tag to matcher FIRST (with empty attrs for now) so callbacks see correct path
        if (tagName !== xmlObj.tagname) {
          this.matcher.push(tagName, {}, namespace);
        }

        // Now build attributes - callbacks will see correct matcher state
        if (tagName !== tagExp && attrExpPresent) {
          // Build attributes (returns prefixed attributes for the tree)
          // Note: buildAttributesMap now internally updates the matcher with raw attributes
          prefixedAttrs = this.buildAttributesMap(tagExp, this.matcher, tagName);

          if (prefixedAttrs) {
            // Extract raw attributes (without prefix) for our use
            //TODO: seems a performance overhead
            rawAttrs = extractRawAttributes(prefixedAttrs, options);
          }
        }

        // Now check if this is a stop node (after attributes are set)
        if (tagName !== xmlObj.tagname) {
          this.isCurrentNodeStopNode = this.isItStopNode();
        }

        const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
        if (this.isCurrentNodeStopNode) {
          let tagContent = "";

          // For self-closing tags, content is empty
          if (isSelfClosing) {
            i = result.closeIndex;
          }
          //unpaired tag
          else if (options.unpairedTagsSet.has(tagName)) {
            i = result.closeIndex;
          }
          //normal tag
          else {
            //read until closing tag is found
            const result = this.readStopNodeData(xmlData, rawTagName, closeIndex + 1);
            if (!result) throw new Error(`Unexpected end of ${rawTagName}`);
            i = result.i;
            tagContent = result.tagContent;
          }

          const childNode = new XmlNode(tagName);

          if (prefixedAttrs) {
            childNode[":@"] = prefixedAttrs;
          }

          // For stop nodes, store raw content as-is without any processing
          childNode.add(options.textNodeName, tagContent);

          this.matcher.pop(); // Pop the stop node tag
          this.isCurrentNodeStopNode = false; // Reset flag

          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);

          if (options.captureMetaData) {
            currentNode.addEndIndex(getOriginalIndex(i + 1, crlfPositions));
          }
        } else {
          //selfClosing tag
          if (isSelfClosing) {
            ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));

            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);

            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
            }
            this.matcher.pop(); // Pop self-closing tag
            this.isCurrentNodeStopNode = false; // Reset flag
          }
          else if (options.unpairedTagsSet.has(tagName)) {//unpaired tag
            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);

            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(result.closeIndex + 1, crlfPositions));
            }
            this.matcher.pop(); // Pop unpaired tag
            this.isCurrentNodeStopNode = false; // Reset flag
            i = result.closeIndex;
            // Continue to next iteration without changing currentNode
            continue;
          }
          //opening tag
          else {
            const childNode = new XmlNode(tagName);
            if (this.tagsNodeStack.length > options.maxNestedTags) {
              throw new Error("Maximum nested tags exceeded");
            }
            this.tagsNodeStack.push(currentNode);

            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            currentNode = childNode;
          }
          textData = "";
          i = closeIndex;
        }
      }
    } else {
      textData += xmlData[i];
    }
  }
  return xmlObj.child;
}

function getOriginalIndex(index, crlfPositions) {
  let low = 0;
  let high = crlfPositions.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (crlfPositions[middle] < index) low = middle + 1;
    else high = middle;
  }
  return index + low;
}

function addChild(currentNode, childNode, matcher, startIndex) {
  // unset startIndex if not requested
  if (!this.options.captureMetaData) startIndex = undefined;

  // Pass jPath string or matcher based on options.jPath setting
  const jPathOrMatcher = this.options.jPath ? matcher.toString() : matcher;
  const result = this.options.updateTag(childNode.tagname, jPathOrMatcher, childNode[":@"])
  if (result === false) {
    //do nothing
  } else if (typeof result === "string") {
    childNode.tagname = result
    currentNode.addChild(childNode, startIndex);
  } else {
    currentNode.addChild(childNode, startIndex);
  }
}

/**
 * @param {object} val - Entity object with regex and val properties
 * @param {string} tagName - Tag name
 * @param {string|Matcher} jPath - jPath string or Matcher instance based on options.jPath
 */
function replaceEntitiesValue(val, tagName, jPath) {
  const entityConfig = this.options.processEntities;

  if (!entityConfig || !entityConfig.enabled) {
    return val;
  }

  // Check if tag is allowed to contain entities
  if (entityConfig.allowedTags) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    const allowed = Array.isArray(entityConfig.allowedTags)
      ? entityConfig.allowedTags.includes(tagName)
      : entityConfig.allowedTags(tagName, jPathOrMatcher);

    if (!allowed) {
      return val;
    }
  }

  // Apply custom tag filter if provided
  if (entityConfig.tagFilter) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    if (!entityConfig.tagFilter(tagName, jPathOrMatcher)) {
      return val; // Skip based on custom filter
    }
  }

  return this.entityDecoder.decode(val);
}


function saveTextToParentTag(textData, parentNode, matcher, isLeafNode) {
  if (textData) { //store previously collected data as textNode
    if (isLeafNode === undefined) isLeafNode = parentNode.child.length === 0

    textData = this.parseTextData(textData,
      parentNode.tagname,
      matcher,
      false,
      parentNode[":@"] ? Object.keys(parentNode[":@"]).length !== 0 : false,
      isLeafNode);

    if (textData !== undefined && textData !== "")
      parentNode.add(this.options.textNodeName, textData);
    textData = "";
  }
  return textData;
}

/**
 * @param {Array<Expression>} stopNodeExpressions - Array of compiled Expression objects
 * @param {Matcher} matcher - Current path matcher
 */
function isItStopNode() {
  if (this.stopNodeExpressionsSet.size === 0) return false;

  return this.matcher.matchesAny(this.stopNodeExpressionsSet);
}

/**
 * Returns the tag Expression and where it is ending handling single-double quotes situation
 * @param {string} xmlData 
 * @param {number} i starting index
 * @returns 
 */
function tagExpWithClosingIndex(xmlData, i, closingChar = ">") {
  //TODO: ignore boolean attributes in tag expression
  //TODO: if ignore attributes, dont read full attribute expression but the end. But read for xml declaration
  const len = xmlData.length;
  const closeCode0 = closingChar.charCodeAt(0);
  const closeCode1 = closingChar.length > 1 ? closingChar.charCodeAt(1) : -1;

  let result = '';
  let segmentStart = i;

  for (let index = i; index < len; index++) {
    const code = xmlData.charCodeAt(index);

    if (code === 34 || code === 39) { // " or '
      // Skip the quoted value in one step: nothing inside it can close the tag
      index = xmlData.indexOf(xmlData[index], index + 1);
      if (index === -1) return;
    } else if (code === closeCode0) {
      if (closeCode1 !== -1) {
        if (xmlData.charCodeAt(index + 1) === closeCode1) {
          result += xmlData.substring(segmentStart, index);
          return { data: result, index };
        }
      } else {
        result += xmlData.substring(segmentStart, index);
        return { data: result, index };
      }
    } else if (code === 9) { // \t - only replace with space outside attribute values
      // Flush accumulated segment, add space, start new segment
      result += xmlData.substring(segmentStart, index) + ' ';
      segmentStart = index + 1;
    }
  }
}

function findClosingIndex(xmlData, str, i, errMsg) {
  const closingIndex = xmlData.indexOf(str, i);
  if (closingIndex === -1) {
    throw new Error(errMsg)
  } else {
    return closingIndex + str.length - 1;
  }
}

function findClosingChar(xmlData, char, i, errMsg) {
  const closingIndex = xmlData.indexOf(char, i);
  if (closingIndex === -1) throw new Error(errMsg);
  return closingIndex; // no offset needed
}

function readTagExp(xmlData, i, removeNSPrefix, closingChar = ">") {
  const result = tagExpWithClosingIndex(xmlData, i + 1, closingChar);
  if (!result) return;
  let tagExp = result.data;
  const closeIndex = result.index;
  const separatorIndex = tagExp.search(/\s/);
  let tagName = tagExp;
  let attrExpPresent = true;
  if (separatorIndex !== -1) {//separate tag name and attributes expression
    tagName = tagExp.substring(0, separatorIndex);
    tagExp = tagExp.substring(separatorIndex + 1).trimStart();
  }

  const rawTagName = tagName;
  if (removeNSPrefix) {
    const colonIndex = tagName.indexOf(":");
    if (colonIndex !== -1) {
      tagName = tagName.substr(colonIndex + 1);
      attrExpPresent = tagName !== result.data.substr(colonIndex + 1);
    }
  }

  return {
    tagName: tagName,
    tagExp: tagExp,
    closeIndex: closeIndex,
    attrExpPresent: attrExpPresent,
    rawTagName: rawTagName,
  }
}
/**
 * find paired tag for a stop node
 * @param {string} xmlData 
 * @param {string} tagName 
 * @param {number} i 
 */
function readStopNodeData(xmlData, tagName, i) {
  const startIndex = i;
  // Starting at 1 since we already have an open tag
  let openTagCount = 1;
  let lenient = false; // set once a quote-aware tag scan fails
  let nextGt = -1; // cached index of the next '>'

  const xmllen = xmlData.length;
  for (; i < xmllen; i++) {
    if (xmlData[i] === "<") {
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {//close tag '/'
        const closeIndex = findClosingChar(xmlData, ">", i, `${tagName} is not closed`);
        let closeTagName = xmlData.substring(i + 2, closeIndex).trim();
        if (closeTagName === tagName) {
          openTagCount--;
          if (openTagCount === 0) {
            return {
              tagContent: xmlData.substring(startIndex, i),
              i: closeIndex
            }
          }
        }
        i = closeIndex;
      } else if (c1 === 63) { //?
        const closeIndex = findClosingIndex(xmlData, "?>", i + 1, "StopNode is not closed.")
        i = closeIndex;
      } else if (c1 === 33
        && xmlData.charCodeAt(i + 2) === 45
        && xmlData.charCodeAt(i + 3) === 45) { // '!--'
        const closeIndex = findClosingIndex(xmlData, "-->", i + 3, "StopNode is not closed.")
        i = closeIndex;
      } else if (c1 === 33
        && xmlData.charCodeAt(i + 2) === 91) { // '!['
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "StopNode is not closed.") - 2;
        i = closeIndex;
      } else {
        const tagData = lenient ? undefined : readTagExp(xmlData, i, false);

        if (tagData) {
          const openTagName = tagData.tagName;
          if (openTagName === tagName && tagData.tagExp[tagData.tagExp.length - 1] !== "/") {
            openTagCount++;
          }
          i = tagData.closeIndex;
        } else {
          // no closing '>'. use lenient approach to find '<' instead of readTagExp, to avoid repeated rescans.
          lenient = true;
          if (nextGt < i) {
            nextGt = xmlData.indexOf(">", i);
            if (nextGt === -1) return; // no '>' left, so no closing tag can follow
          }
          const nextLt = xmlData.indexOf("<", i + 1);
          if (nextLt === -1 || nextLt > nextGt) { // looks like a real tag
            const exp = xmlData.substring(i + 1, nextGt);
            const sep = exp.search(/\s/);
            const name = sep === -1 ? exp : exp.substring(0, sep);
            if (name === tagName && exp[exp.length - 1] !== "/") openTagCount++;
            i = nextGt;
          } // else: treat this '<' as plain text
        }
      }
    }
  }//end for loop
}

function parseValue(val, shouldParse, options) {
  if (shouldParse && typeof val === 'string') {
    //console.log(options)
    const newval = val.trim();
    if (newval === 'true') return true;
    else if (newval === 'false') return false;
    else return toNumber(val, options);
  } else {
    if (isExist(val)) {
      return val;
    } else {
      return '';
    }
  }
}

function fromCodePoint(str, base, prefix) {
  const codePoint = Number.parseInt(str, base);

  if (codePoint >= 0 && codePoint <= 0x10FFFF) {
    return String.fromCodePoint(codePoint);
  } else {
    return prefix + str + ";";
  }
}

function transformTagName(fn, tagName, tagExp, options) {
  if (fn) {
    const newTagName = fn(tagName);
    if (tagExp === tagName) {
      tagExp = newTagName
    }
    tagName = newTagName;
  }
  tagName = sanitizeName(tagName, options);
  return { tagName, tagExp };
}



function sanitizeName(name, options) {
  if (criticalProperties.includes(name)) {
    throw new Error(`[SECURITY] Invalid name: "${name}" is a reserved JavaScript keyword that could cause prototype pollution`);
  } else if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return options.onDangerousProperty(name);
  }
  return name;
}
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/node2json.js





const node2json_METADATA_SYMBOL = XmlNode.getMetaDataSymbol();

/**
 * Helper function to strip attribute prefix from attribute map
 * @param {object} attrs - Attributes with prefix (e.g., {"@_class": "code"})
 * @param {string} prefix - Attribute prefix to remove (e.g., "@_")
 * @returns {object} Attributes without prefix (e.g., {"class": "code"})
 */
function stripAttributePrefix(attrs, prefix) {
  if (!attrs || typeof attrs !== 'object') return {};
  if (!prefix) return attrs;

  const rawAttrs = {};
  for (const key in attrs) {
    if (key.startsWith(prefix)) {
      const rawName = key.substring(prefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      // Attribute without prefix (shouldn't normally happen, but be safe)
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}

/**
 * 
 * @param {array} node 
 * @param {any} options 
 * @param {Matcher} matcher - Path matcher instance
 * @returns 
 */
function prettify(node, options, matcher, readonlyMatcher) {
  return compress(node, options, matcher, readonlyMatcher);
}

/**
 * @param {array} arr 
 * @param {object} options 
 * @param {Matcher} matcher - Path matcher instance
 * @returns object
 */
function compress(arr, options, matcher, readonlyMatcher) {
  let text;
  const compressedObj = {}; //This is intended to be a plain object
  for (let i = 0; i < arr.length; i++) {
    const tagObj = arr[i];
    const property = propName(tagObj);

    // Push current property to matcher WITH RAW ATTRIBUTES (no prefix)
    if (property !== undefined && property !== options.textNodeName) {
      const rawAttrs = stripAttributePrefix(
        tagObj[":@"] || {},
        options.attributeNamePrefix
      );
      matcher.push(property, rawAttrs);
    }

    if (property === options.textNodeName) {
      if (text === undefined) text = tagObj[property];
      else text += "" + tagObj[property];
    } else if (property === undefined) {
      continue;
    } else if (tagObj[property]) {

      let val = compress(tagObj[property], options, matcher, readonlyMatcher);
      const isLeaf = isLeafTag(val, options);

      if (Object.keys(val).length === 0 && options.alwaysCreateTextNode) {
        val[options.textNodeName] = "";
      }

      if (tagObj[":@"]) {
        assignAttributes(val, tagObj[":@"], readonlyMatcher, options);
      } else if (Object.keys(val).length === 1 && val[options.textNodeName] !== undefined && !options.alwaysCreateTextNode) {
        val = val[options.textNodeName];
      } else if (Object.keys(val).length === 0) {
        if (options.alwaysCreateTextNode) val[options.textNodeName] = "";
        else val = "";
      }

      if (tagObj[node2json_METADATA_SYMBOL] !== undefined && typeof val === "object" && val !== null) {
        val[node2json_METADATA_SYMBOL] = tagObj[node2json_METADATA_SYMBOL]; // copy over metadata
      }


      if (compressedObj[property] !== undefined && Object.prototype.hasOwnProperty.call(compressedObj, property)) {
        if (!Array.isArray(compressedObj[property])) {
          compressedObj[property] = [compressedObj[property]];
        }
        compressedObj[property].push(val);
      } else {
        //TODO: if a node is not an array, then check if it should be an array
        //also determine if it is a leaf node

        // Pass jPath string or readonlyMatcher based on options.jPath setting
        const jPathOrMatcher = options.jPath ? readonlyMatcher.toString() : readonlyMatcher;
        if (options.isArray(property, jPathOrMatcher, isLeaf)) {
          compressedObj[property] = [val];
        } else {
          compressedObj[property] = val;
        }
      }

      // Pop property from matcher after processing
      if (property !== undefined && property !== options.textNodeName) {
        matcher.pop();
      }
    }

  }
  // if(text && text.length > 0) compressedObj[options.textNodeName] = text;
  if (typeof text === "string") {
    if (text.length > 0) compressedObj[options.textNodeName] = text;
  } else if (text !== undefined) compressedObj[options.textNodeName] = text;


  return compressedObj;
}

function propName(obj) {
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== ":@") return key;
  }
}

function assignAttributes(obj, attrMap, readonlyMatcher, options) {
  if (attrMap) {
    const keys = Object.keys(attrMap);
    const len = keys.length; //don't make it inline
    for (let i = 0; i < len; i++) {
      const atrrName = keys[i];  // This is the PREFIXED name (e.g., "@_class")

      // Strip prefix for matcher path (for isArray callback)
      const rawAttrName = atrrName.startsWith(options.attributeNamePrefix)
        ? atrrName.substring(options.attributeNamePrefix.length)
        : atrrName;

      // For attributes, we need to create a temporary path
      // Pass jPath string or matcher based on options.jPath setting
      const jPathOrMatcher = options.jPath
        ? readonlyMatcher.toString() + "." + rawAttrName
        : readonlyMatcher;

      if (options.isArray(atrrName, jPathOrMatcher, true, true)) {
        obj[atrrName] = [attrMap[atrrName]];
      } else {
        obj[atrrName] = attrMap[atrrName];
      }
    }
  }
}

function isLeafTag(obj, options) {
  const { textNodeName } = options;
  const propCount = Object.keys(obj).length;

  if (propCount === 0) {
    return true;
  }

  if (
    propCount === 1 &&
    (obj[textNodeName] || typeof obj[textNodeName] === "boolean" || obj[textNodeName] === 0)
  ) {
    return true;
  }

  return false;
}
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js
/* global Uint8Array */






class XMLParser {

    constructor(options) {
        this.externalEntities = {};
        this.options = buildOptions(options);

    }
    /**
     * Parse XML dats to JS object 
     * @param {string|Uint8Array} xmlData 
     * @param {boolean|Object} validationOption 
     */
    parse(xmlData, validationOption) {
        if (typeof xmlData !== "string" && xmlData.toString) {
            if (xmlData instanceof Uint8Array &&
                !(typeof Buffer !== "undefined" && Buffer.isBuffer(xmlData))) {
                xmlData = new TextDecoder("utf-8", { ignoreBOM: true }).decode(xmlData);
            } else {
                xmlData = xmlData.toString();
            }
        } else if (typeof xmlData !== "string") {
            throw new Error("XML data is accepted in String or Bytes[] form.")
        }

        if (validationOption) {
            if (validationOption === true) validationOption = {}; //validate with default options

            const result = validate(xmlData, validationOption);
            if (result !== true) {
                throw Error(`${result.err.msg}:${result.err.line}:${result.err.col}`)
            }
        }
        const orderedObjParser = new OrderedObjParser(this.options, this.externalEntities);
        // orderedObjParser.entityDecoder.setExternalEntities(this.externalEntities);
        const orderedResult = orderedObjParser.parseXml(xmlData);
        if (this.options.preserveOrder || orderedResult === undefined) return orderedResult;
        else return prettify(orderedResult, this.options, orderedObjParser.matcher, orderedObjParser.readonlyMatcher);
    }

    /**
     * Add Entity which is not by default supported by this library
     * @param {string} key 
     * @param {string} value 
     */
    addEntity(key, value) {
        if (value.indexOf("&") !== -1) {
            throw new Error("Entity value can't have '&'")
        } else if (key.indexOf("&") !== -1 || key.indexOf(";") !== -1) {
            throw new Error("An entity must be set without '&' and ';'. Eg. use '#xD' for '&#xD;'")
        } else if (value === "&") {
            throw new Error("An entity with value '&' is not permitted");
        } else {
            this.externalEntities[key] = value;
        }
    }

    /**
     * Returns a Symbol that can be used to access the metadata
     * property on a node.
     * 
     * If Symbol is not available in the environment, an ordinary property is used
     * and the name of the property is here returned.
     * 
     * The XMLMetaData property is only present when `captureMetaData`
     * is true in the options.
     */
    static getMetaDataSymbol() {
        return XmlNode.getMetaDataSymbol();
    }
}
;// CONCATENATED MODULE: ./src/reports/xml.ts
/**
 * The one safe XML entry point for reports (SECURITY.md R5). Every XML report goes through
 * `parseXmlDocument`; nothing else in the project constructs an XMLParser.
 *
 * Order of defences:
 *  1. size cap (before anything else looks at the text);
 *  2. BOM strip, line-end normalisation, "does it look like XML at all";
 *  3. a linear pre-scan that rejects `<!ENTITY` and a DOCTYPE with an internal subset (entity bombs are
 *     rejected here, in one pass, before the parser allocates anything);
 *  4. a linear pre-scan that bounds what the parser would allocate or how long it would run: the longest
 *     text run it collects character by character, the number of elements, attributes per element, depth;
 *  5. fast-xml-parser's validator (the parser itself is lenient: it would return a partial tree for a
 *     truncated document, so well-formedness is checked separately), plus the two gaps it leaves (text or a
 *     second element after a self-closing root);
 *  6. the parser with explicit options, a nesting limit, and our own entity decoder that knows only the five
 *     predefined entities and numeric character references (it never expands a declared entity — defence
 *     in depth should a declaration slip past step 3).
 */


/** Default size cap for one XML report: 64 MiB. */
const xml_DEFAULT_MAX_XML_BYTES = 64 * 1024 * 1024;
/** Default nesting limit. JUnit nests suites a few levels deep; Cobertura is 7 levels. */
const DEFAULT_MAX_XML_DEPTH = 100;
/**
 * Default limit on one run of character data outside `rawTextTags` elements (8 Mi characters). fast-xml-parser
 * collects such text one character at a time, which costs some 35 bytes of heap per character until the run
 * ends: an unbounded run in a 64 MiB document would need over 2 GB.
 */
const DEFAULT_MAX_XML_TEXT_RUN = 8 * 1024 * 1024;
/**
 * Default limit on the number of elements (2.5 million). Each costs the parser some 200 bytes of heap, so a
 * 64 MiB document of `<a/>` (16 million elements) would need over 3 GB; coverage.py's Cobertura for 64 MiB
 * holds under 2 million elements.
 */
const DEFAULT_MAX_XML_ELEMENTS = 2_500_000;
/** Most attributes on one element. The validator and parser slow down more than linearly with this number. */
const DEFAULT_MAX_XML_ATTRIBUTES = 1000;
/** Attribute keys carry this prefix in parsed elements. */
const ATTR_PREFIX = '@_';
/** Text content of an element (always present, possibly ''). */
const TEXT_KEY = '#text';
/** Attribute value, or undefined when the attribute is absent. */
function xmlAttr(el, name) {
    const v = el[attrKey(name)];
    return typeof v === 'string' ? v : undefined;
}
/**
 * A reader of one attribute, for code that reads the same attribute of a million elements: the `@_name` key is
 * built once rather than looked up on every call.
 */
function xmlAttrReader(name) {
    const key = ATTR_PREFIX + name;
    return (el) => {
        const v = el[key];
        return typeof v === 'string' ? v : undefined;
    };
}
const ATTR_KEYS = new Map();
/**
 * `@_name`, the same string each time for the names seen most (a property key built afresh by concatenation
 * must be hashed and looked up before every use; on a million elements that is a good part of the work).
 */
function attrKey(name) {
    let key = ATTR_KEYS.get(name);
    if (key === undefined) {
        key = ATTR_PREFIX + name;
        if (ATTR_KEYS.size < 1000)
            ATTR_KEYS.set(name, key);
    }
    return key;
}
/** Text content ('' when none). CDATA sections are merged into the text. */
function xmlText(el) {
    const v = el[TEXT_KEY];
    if (typeof v === 'string')
        return v;
    if (Array.isArray(v))
        return v.filter((x) => typeof x === 'string').join('');
    return '';
}
/** Child elements with the given tag name, in document order ([] when none). */
function xmlChildren(el, tag) {
    if (tag.startsWith(ATTR_PREFIX) || tag === TEXT_KEY)
        return [];
    const v = el[tag];
    if (v === undefined || v === null)
        return [];
    if (Array.isArray(v))
        return v.filter(isElement);
    return isElement(v) ? [v] : [];
}
function isElement(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * Decodes the raw bytes of a report: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without one when
 * the document starts with `<?`/`<` as the XML spec's autodetection allows). Invalid byte sequences are
 * rejected, not replaced. The returned string has no BOM.
 */
function decodeReportBytes(buf, path) {
    const b0 = buf[0];
    const b1 = buf[1];
    if (buf.length >= 4 && b0 === 0xff && b1 === 0xfe && buf[2] === 0 && buf[3] === 0) {
        throw new ReportError(path, 'UTF-32 encoding is not supported (use UTF-8)');
    }
    if (buf.length >= 4 && b0 === 0 && b1 === 0 && buf[2] === 0xfe && buf[3] === 0xff) {
        throw new ReportError(path, 'UTF-32 encoding is not supported (use UTF-8)');
    }
    let encoding = 'utf-8';
    let start = 0;
    if (b0 === 0xef && b1 === 0xbb && buf[2] === 0xbf) {
        start = 3;
    }
    else if (b0 === 0xff && b1 === 0xfe) {
        encoding = 'utf-16le';
        start = 2;
    }
    else if (b0 === 0xfe && b1 === 0xff) {
        encoding = 'utf-16be';
        start = 2;
    }
    else if (b0 === 0x3c && b1 === 0x00 && buf.length >= 4 && buf[3] === 0x00) {
        encoding = 'utf-16le';
    }
    else if (b0 === 0x00 && b1 === 0x3c && buf.length >= 4 && buf[2] === 0x00) {
        encoding = 'utf-16be';
    }
    const body = buf.subarray(start);
    if (encoding !== 'utf-8' && body.length % 2 !== 0) {
        throw new ReportError(path, `invalid ${encoding.toUpperCase()}: odd number of bytes`);
    }
    try {
        if (encoding === 'utf-16be') {
            // Swap to little-endian: every Node build decodes utf-16le; utf-16be needs full ICU.
            const swapped = Buffer.from(body);
            swapped.swap16();
            return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(swapped);
        }
        return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    }
    catch {
        throw new ReportError(path, `not valid ${encoding.toUpperCase()} text`);
    }
}
/** Parses one XML report into its root element, or throws a ReportError naming `path` and the reason. */
function parseXmlDocument(content, path, opts = {}) {
    const maxBytes = opts.maxBytes ?? xml_DEFAULT_MAX_XML_BYTES;
    const maxDepth = opts.maxDepth ?? DEFAULT_MAX_XML_DEPTH;
    // A UTF-8 byte count is at least the UTF-16 length, so the cheap test rejects most oversize input first.
    if (content.length > maxBytes || Buffer.byteLength(content, 'utf8') > maxBytes) {
        throw new ReportError(path, `too large (${Buffer.byteLength(content, 'utf8')} bytes > ${maxBytes})`);
    }
    let text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
    // XML 1.0 §2.11 end-of-line handling: CRLF and lone CR become LF (character references are unaffected).
    if (text.includes('\r'))
        text = text.replace(/\r\n?/g, '\n');
    const firstNonSpace = text.search(/\S/);
    if (firstNonSpace < 0)
        throw new ReportError(path, 'empty file');
    if (text[firstNonSpace] !== '<')
        throw new ReportError(path, 'not XML (does not start with "<")');
    rejectDeclarations(text, path);
    const rawTextTags = new Set(opts.rawTextTags ?? []);
    rejectCostlyDocuments(text, path, rawTextTags, {
        maxRun: opts.maxTextRun ?? DEFAULT_MAX_XML_TEXT_RUN,
        maxElements: opts.maxElements ?? DEFAULT_MAX_XML_ELEMENTS,
        maxAttributes: opts.maxAttributes ?? DEFAULT_MAX_XML_ATTRIBUTES,
        maxDepth,
    });
    const arrayTags = new Set(opts.arrayTags ?? []);
    const fast = opts.fastPath === false ? null : fastTagsOf(opts.fastElements, arrayTags);
    if (fast !== null) {
        const extracted = extractFastElements(text, fast, rawTextTags);
        if (extracted !== null) {
            try {
                const doc = parseWholeDocument(extracted.skeleton, path, maxDepth, arrayTags, rawTextTags);
                expandRuns(doc.root, fast, extracted.runs);
                return doc;
            }
            catch (err) {
                if (!(err instanceof ReportError))
                    throw err;
                // Fall through: the full path gives the refusal exactly as it would have (line numbers included).
            }
        }
    }
    return parseWholeDocument(text, path, maxDepth, arrayTags, rawTextTags);
}
/** Steps 5 and 6 over text that passed the pre-scans: validation, the parser, the single root. */
function parseWholeDocument(text, path, maxDepth, arrayTags, rawTextTags) {
    const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
    if (validation !== true) {
        throw new ReportError(path, `malformed or truncated XML: ${describeValidationError(validation.err)}`);
    }
    // The validator misses text after a self-closing root (`<r/>junk`), and the parser drops it silently.
    const selfClosingRootEnd = selfClosingRoot(text);
    if (selfClosingRootEnd >= 0) {
        const epilog = text.slice(selfClosingRootEnd).replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '');
        if (epilog.includes('<'))
            throw new ReportError(path, 'malformed XML: more than one root element');
        if (/\S/.test(epilog))
            throw new ReportError(path, 'malformed XML: text after the root element');
    }
    const options = {
        preserveOrder: false,
        ignoreAttributes: false,
        attributeNamePrefix: ATTR_PREFIX,
        attributesGroupName: false,
        textNodeName: TEXT_KEY,
        alwaysCreateTextNode: true,
        removeNSPrefix: false,
        allowBooleanAttributes: false,
        parseTagValue: false,
        parseAttributeValue: false,
        trimValues: false,
        cdataPropName: false,
        commentPropName: false,
        ignoreDeclaration: true,
        ignorePiTags: true,
        unpairedTags: [],
        stopNodes: [...rawTextTags].map((tag) => `..${tag}`),
        // Entities on, decoded by our own XML-only decoder. The limits below only bound fast-xml-parser's DOCTYPE
        // reader, which never sees a declaration anyway (rejected by the pre-scan, refused by the decoder).
        processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1, maxExpansionDepth: 1, maxTotalExpansions: 1, maxExpandedLength: 1 },
        htmlEntities: false,
        entityDecoder: XML_ENTITY_DECODER,
        // Callbacks get the path matcher rather than a jPath string built for every tag (we do not use it).
        jPath: false,
        maxNestedTags: maxDepth,
        strictReservedNames: true,
        isArray: (tagName, _jPath, _isLeaf, isAttribute) => !isAttribute && arrayTags.has(tagName),
    };
    let parsed;
    try {
        parsed = new XMLParser(options).parse(text);
    }
    catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        if (/Maximum nested tags exceeded/i.test(msg)) {
            throw new ReportError(path, `XML nested deeper than ${maxDepth} elements`);
        }
        throw new ReportError(path, `malformed XML: ${clip(msg)}`);
    }
    if (!isElement(parsed))
        throw new ReportError(path, 'malformed XML: no root element');
    const roots = [];
    for (const [key, value] of Object.entries(parsed)) {
        if (key === TEXT_KEY || key.startsWith('?') || key.startsWith(ATTR_PREFIX))
            continue;
        const elements = Array.isArray(value) ? value : [value];
        for (const el of elements)
            if (isElement(el))
                roots.push([key, el]);
    }
    if (roots.length !== 1) {
        throw new ReportError(path, roots.length === 0 ? 'malformed XML: no root element' : 'malformed XML: more than one root element');
    }
    const [rootName, root] = roots[0];
    if (rawTextTags.size > 0)
        decodeRawText(rootName, root, rawTextTags);
    return { rootName, root };
}
// ---- fast path for the bulk elements -------------------------------------------------------------------
/**
 * Attribute name of the placeholders that stand for a run of extracted elements. A document that contains
 * this string anywhere is parsed by the full path, so a placeholder can never be confused with the document's
 * own markup.
 */
const RUN_MARKER = 'nebula-gate-fast-run';
const RUN_MARKER_KEY = ATTR_PREFIX + RUN_MARKER;
function fastTagsOf(spec, arrayTags) {
    if (spec === undefined)
        return null;
    const tags = new Map();
    for (const [tag, parents] of Object.entries(spec))
        if (arrayTags.has(tag))
            tags.set(tag, new Set(parents));
    return tags.size > 0 ? tags : null;
}
const RESERVED_ATTR = new Set(['__proto__', 'constructor', 'prototype']);
/** What an attribute value may hold on the fast path: no markup, no control characters, no `&` but references. */
const FAST_VALUE = /^(?:[^<&\u0000-\u001f]|&(?:#x[0-9A-Fa-f]{1,8}|#[0-9]{1,10}|lt|gt|amp|quot|apos);)*$/;
function isNameChar(c) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2e || c === 0x2d;
}
function isSpaceOnly(text, from, to) {
    for (let k = from; k < to; k++)
        if (!isSpace(text.charCodeAt(k)))
            return false;
    return true;
}
function isSpace(c) {
    return c === 0x20 || c === 0x0a || c === 0x09;
}
/**
 * The fast path (linear, one pass): every element listed in `fast` that is self-closing, carries attributes
 * only, in the strictest form (a valid name, whitespace before each attribute, quoted values with no `<`, no
 * control character and no `&` other than a well-formed reference; no attribute twice), and sits directly under
 * one of its listed parents, is read here into the same element fast-xml-parser would build. Each run of such
 * elements (separated by whitespace only) is replaced in the text by one placeholder element, so that the
 * remaining skeleton — every other tag, every other character, in the same order — is small, and is validated
 * and parsed exactly as a whole document would be; the runs are put back in place of their placeholders.
 *
 * Returns null (the full path then runs) for a document with CDATA, a DOCTYPE, a processing instruction
 * other than the XML declaration, the placeholder marker, a raw-text element that nests its own tag or holds a
 * comment, or no element read here. Comments elsewhere are kept in the skeleton as written (and end a run). An element that fails the strict form is simply left in the skeleton, where
 * the validator judges it. Runs on text that passed the pre-scans (size cap, declarations, limits).
 */
function extractFastElements(text, fast, rawTextTags) {
    let i = 0;
    if (text.startsWith('<?')) {
        if (!/^<\?xml[ \t\n]/.test(text))
            return null;
        const end = text.indexOf('?>', 2);
        if (end < 0)
            return null;
        i = end + 2;
    }
    if (text.includes('<?', i) || text.includes(RUN_MARKER))
        return null;
    const parts = [];
    const runs = [];
    const stack = [];
    let copied = 0; // text[copied..] is not yet in parts
    let run = null;
    let runTag = '';
    let runStart = 0;
    let runEnd = 0;
    const closeRun = () => {
        if (run === null)
            return;
        parts.push(text.slice(copied, runStart), `<${runTag} ${RUN_MARKER}="${runs.length}"/>`);
        runs.push(run);
        copied = runEnd;
        run = null;
    };
    for (;;) {
        const lt = text.indexOf('<', i);
        if (lt < 0)
            break;
        if (run !== null && !isSpaceOnly(text, i, lt))
            closeRun();
        if (text.charCodeAt(lt + 1) === 0x21 /* ! */) {
            // A comment (coverage.py writes two) stays in the skeleton as written; CDATA or a DOCTYPE: full path.
            if (!text.startsWith('<!--', lt))
                return null;
            closeRun();
            const end = text.indexOf('-->', lt + 4);
            if (end < 0)
                return null;
            i = end + 3;
            continue;
        }
        if (text.charCodeAt(lt + 1) === 0x2f /* / */) {
            closeRun();
            const gt = text.indexOf('>', lt);
            if (gt < 0)
                return null;
            stack.pop();
            i = gt + 1;
            continue;
        }
        const parent = stack[stack.length - 1];
        if (parent !== undefined) {
            const tag = fastTagAt(text, lt, fast, parent);
            const element = tag === undefined ? null : readFastElement(text, lt + 1 + tag.length);
            if (tag !== undefined && element !== null) {
                if (run !== null && runTag !== tag)
                    closeRun();
                if (run === null) {
                    run = [];
                    runTag = tag;
                    runStart = lt;
                }
                run.push(element);
                runEnd = fastElementEnd;
                i = fastElementEnd;
                continue;
            }
        }
        closeRun();
        let j = lt + 1;
        for (; j < text.length; j++) {
            const c = text.charCodeAt(j);
            if (isSpace(c) || c === 0x2f || c === 0x3e)
                break;
        }
        const name = text.slice(lt + 1, j);
        const gt = tagEnd(text, lt);
        if (gt < 0)
            return null;
        i = gt + 1;
        if (text.charCodeAt(gt - 1) === 0x2f)
            continue; // self-closing
        stack.push(name);
        if (rawTextTags.has(name)) {
            // The parser reads the body in one piece up to the matching close tag; with no comment or CDATA about,
            // that is the first `</name` unless the body opens another `<name`, which we leave to the full path.
            const close = text.indexOf(`</${name}`, i);
            if (close < 0)
                return null;
            const after = text.charCodeAt(close + 2 + name.length);
            if (!(after === 0x3e || isSpace(after)))
                return null;
            const body = text.slice(i, close);
            if (body.includes(`<${name}`) || body.includes('<!'))
                return null;
            i = close;
        }
    }
    closeRun();
    if (runs.length === 0)
        return null;
    parts.push(text.slice(copied));
    return { skeleton: parts.join(''), runs };
}
/** The fast tag whose start tag begins at `lt` (its name then whitespace or `/`), when `parent` may hold it. */
function fastTagAt(text, lt, fast, parent) {
    for (const [tag, parents] of fast) {
        if (!text.startsWith(tag, lt + 1))
            continue;
        const c = text.charCodeAt(lt + 1 + tag.length);
        if ((isSpace(c) || c === 0x2f) && parents.has(parent))
            return tag;
    }
    return undefined;
}
/** Where the element `readFastElement` read last ends (the index after its `/>`): one pair object less per element. */
let fastElementEnd = 0;
/**
 * The strict form of a self-closing, attribute-only element whose name ends at `j`: the element (attributes
 * decoded, `#text` ''), its end in `fastElementEnd`; or null when anything is not in that form.
 */
function readFastElement(text, j) {
    const el = { '#text': '' }; // TEXT_KEY
    const end = text.length;
    for (;;) {
        let k = j;
        while (isSpace(text.charCodeAt(k)))
            k++;
        if (text.charCodeAt(k) === 0x2f) {
            if (text.charCodeAt(k + 1) !== 0x3e)
                return null;
            fastElementEnd = k + 2;
            return el;
        }
        if (k === j)
            return null; // no whitespace before an attribute
        const first = text.charCodeAt(k);
        if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a) || first === 0x5f))
            return null;
        // The name by hand, up to '=' (an indexOf could search far past the tag, again for every element).
        let eq = k + 1;
        while (eq < end && eq - k <= 200 && isNameChar(text.charCodeAt(eq)))
            eq++;
        if (text.charCodeAt(eq) !== 0x3d /* = */)
            return null;
        const key = recentAttrKey(text, k, eq);
        if (key === null)
            return null;
        const q = text.charCodeAt(eq + 1);
        if (q !== 0x22 && q !== 0x27)
            return null;
        // The value up to its closing quote, in the same pass that refuses markup and control characters.
        let amp = false;
        let close = eq + 2;
        for (; close < end; close++) {
            const c = text.charCodeAt(close);
            if (c === q)
                break;
            if (c < 0x20 || c === 0x3c)
                return null;
            if (c === 0x26)
                amp = true;
        }
        if (close >= end)
            return null;
        if (el[key] !== undefined)
            return null;
        if (amp) {
            const raw = text.slice(eq + 2, close);
            if (!FAST_VALUE.test(raw))
                return null;
            el[key] = decodeXmlEntities(raw);
        }
        else {
            el[key] = smallNumberAt(text, eq + 2, close) ?? text.slice(eq + 2, close);
        }
        j = close + 1;
    }
}
/** The strings "0" to "9999", made when first met: line numbers and hit counts repeat them a million times. */
const SMALL_NUMBERS = [];
/** text[from..to) when it is a decimal number below 10,000 without a leading zero, as a shared string; else undefined. */
function smallNumberAt(text, from, to) {
    const length = to - from;
    if (length < 1 || length > 4)
        return undefined;
    let n = 0;
    for (let k = from; k < to; k++) {
        const d = text.charCodeAt(k) - 0x30;
        if (d < 0 || d > 9 || (d === 0 && k === from && length > 1))
            return undefined;
        n = n * 10 + d;
    }
    return (SMALL_NUMBERS[n] ??= String(n));
}
/** Names and keys of the attributes the fast path met last (a report repeats the same few names). */
const RECENT_ATTRS = [];
/** The `@_name` key of the attribute name text[from..to), or null for a reserved name. Allocates nothing when seen recently. */
function recentAttrKey(text, from, to) {
    const length = to - from;
    for (const a of RECENT_ATTRS)
        if (a.name.length === length && text.startsWith(a.name, from))
            return a.key;
    const name = text.slice(from, to);
    if (RESERVED_ATTR.has(name))
        return null;
    const key = attrKey(name);
    if (RECENT_ATTRS.length >= 16)
        RECENT_ATTRS.pop();
    RECENT_ATTRS.unshift({ name, key });
    return key;
}
/** Puts each run of fast-path elements back in place of its placeholder, throughout the (small) tree. */
function expandRuns(el, fast, runs) {
    const node = el;
    for (const [key, value] of Object.entries(node)) {
        if (key === TEXT_KEY || key.startsWith(ATTR_PREFIX))
            continue;
        const items = Array.isArray(value) ? value : [value];
        if (fast.has(key) && items.some((x) => isElement(x) && typeof x[RUN_MARKER_KEY] === 'string')) {
            const out = [];
            for (const x of items) {
                const id = isElement(x) ? x[RUN_MARKER_KEY] : undefined;
                if (typeof id === 'string') {
                    for (const e of runs[Number(id)] ?? [])
                        out.push(e);
                }
                else {
                    out.push(x);
                }
            }
            node[key] = out;
        }
        for (const x of items)
            if (isElement(x) && x[RUN_MARKER_KEY] === undefined)
                expandRuns(x, fast, runs);
    }
}
function describeValidationError(err) {
    const unclosed = /^Invalid '(\[.*\])' found\.$/s.exec(err.msg);
    if (unclosed?.[1] !== undefined) {
        try {
            const tags = JSON.parse(unclosed[1]);
            if (Array.isArray(tags))
                return clip(`unclosed elements ${tags.map((t) => `<${String(t)}>`).join(', ')}`);
        }
        catch {
            // fall through to the raw message
        }
    }
    const line = typeof err.line === 'number' ? ` (line ${err.line})` : '';
    return clip(err.msg) + line;
}
/** Parser messages may quote names from the document: keep them short. */
function clip(s, max = 200) {
    return s.length > max ? `${s.slice(0, max)}…` : s;
}
/** When the root element is self-closing, the index just after its `/>`; else -1. Runs on validated text. */
function selfClosingRoot(text) {
    let i = 0;
    while (i < text.length) {
        const lt = text.indexOf('<', i);
        if (lt < 0)
            return -1;
        if (text.startsWith('<?', lt) || text.startsWith('<!--', lt)) {
            const pi = text.startsWith('<?', lt);
            const close = pi ? '?>' : '-->';
            const end = text.indexOf(close, lt + (pi ? 2 : 4));
            if (end < 0)
                return -1;
            i = end + close.length;
        }
        else {
            const gt = tagEnd(text, lt);
            if (gt < 0)
                return -1;
            if (text[lt + 1] !== '!')
                return text[gt - 1] === '/' ? gt + 1 : -1;
            i = gt + 1; // DOCTYPE (without an internal subset: those are rejected earlier)
        }
    }
    return -1;
}
/**
 * Bounds the parser's memory before it runs, in one pass over the markup:
 *  - the longest run of character data it would collect character by character (outside comments, CDATA,
 *    processing instructions and the raw-text elements, which it slices in one piece) must not exceed
 *    `maxRun`;
 *  - the number of elements must not exceed `maxElements`, nor the attributes of one `maxAttributes`;
 *  - the nesting must not exceed `maxDepth` (the parser checks it too, but only after the validator has
 *    walked the whole document).
 * Linear on any input (it runs before the validator, so that such documents are refused fast).
 */
function rejectCostlyDocuments(text, path, rawTextTags, { maxRun, maxElements, maxAttributes, maxDepth }) {
    let elements = 0;
    let depth = 0;
    let i = 0;
    while (i < text.length) {
        const lt = text.indexOf('<', i);
        const runEnd = lt < 0 ? text.length : lt;
        if (runEnd - i > maxRun) {
            throw new ReportError(path, `a text node of ${runEnd - i} characters exceeds the limit (${maxRun})`);
        }
        if (lt < 0)
            return;
        let next;
        const c1 = text.charCodeAt(lt + 1);
        if (c1 === 0x21 /* ! */ && text.startsWith('<!--', lt)) {
            next = text.indexOf('-->', lt + 4) + 3;
        }
        else if (c1 === 0x21 && text.startsWith('<![CDATA[', lt)) {
            next = text.indexOf(']]>', lt + 9) + 3;
        }
        else if (c1 === 0x3f /* ? */) {
            next = text.indexOf('?>', lt + 2) + 2;
        }
        else {
            const gt = tagEnd(text, lt);
            if (gt < 0)
                return;
            next = gt + 1;
            const equals = tagEndEquals; // the '=' signs tagEnd passed outside quoted values
            const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
            if (c1 === 0x2f /* / */) {
                depth--;
            }
            else if (c1 !== 0x21) {
                if (++elements > maxElements)
                    throw new ReportError(path, `more than ${maxElements} elements`);
                if (!selfClosing && ++depth > maxDepth)
                    throw new ReportError(path, `XML nested deeper than ${maxDepth} elements`);
                if (equals > maxAttributes) {
                    throw new ReportError(path, `an element has more than ${maxAttributes} attributes`);
                }
                if (rawTextTags.size > 0 && !selfClosing) {
                    const name = /^[^\s/>]+/.exec(text.slice(lt + 1, Math.min(gt, lt + 101)))?.[0];
                    if (name !== undefined && rawTextTags.has(name)) {
                        // The parser slices the element's content in one piece. Jumping to the first `</name` can only
                        // stop earlier than the parser does (it skips CDATA and comments), so the remainder is still checked.
                        const close = text.indexOf(`</${name}`, next);
                        if (close < 0)
                            throw new ReportError(path, `malformed or truncated XML: <${clip(name, 60)}> is never closed`);
                        next = close;
                    }
                }
            }
        }
        if (next < 3)
            return; // an end marker is missing: the validator refuses such text
        i = next;
    }
}
/**
 * After `tagEnd`: the '=' signs it passed outside quoted values — an upper bound on the attributes of a start
 * tag (counted in the same pass rather than a second one over every tag).
 */
let tagEndEquals = 0;
/** Index of the '>' closing the markup that starts at `lt`, quoted literals respected; -1 if none. */
function tagEnd(text, lt) {
    let quote = 0;
    let equals = 0;
    for (let j = lt + 1; j < text.length; j++) {
        const ch = text.charCodeAt(j);
        if (quote !== 0) {
            if (ch === quote)
                quote = 0;
        }
        else if (ch === 0x22 || ch === 0x27) {
            quote = ch;
        }
        else if (ch === 0x3e) {
            tagEndEquals = equals;
            return j;
        }
        else if (ch === 0x3d) {
            equals++;
        }
    }
    tagEndEquals = equals;
    return -1;
}
/**
 * One linear pass over `<!` constructs (comments and CDATA are skipped so that a test's captured output
 * mentioning `<!ENTITY` in a CDATA block is not a false positive): any entity declaration, or a DOCTYPE with
 * an internal subset, is rejected before the parser runs.
 */
function rejectDeclarations(text, path) {
    let i = 0;
    for (;;) {
        const lt = text.indexOf('<!', i);
        if (lt < 0)
            return;
        if (text.startsWith('<!--', lt)) {
            const end = text.indexOf('-->', lt + 4);
            if (end < 0)
                throw new ReportError(path, 'malformed or truncated XML: unterminated comment');
            i = end + 3;
            continue;
        }
        if (text.startsWith('<![CDATA[', lt)) {
            const end = text.indexOf(']]>', lt + 9);
            if (end < 0)
                throw new ReportError(path, 'malformed or truncated XML: unterminated CDATA section');
            i = end + 3;
            continue;
        }
        const keyword = text.slice(lt + 2, lt + 9).toUpperCase();
        if (keyword.startsWith('ENTITY')) {
            throw new ReportError(path, 'entity declarations (<!ENTITY) are not allowed in reports');
        }
        if (keyword === 'DOCTYPE') {
            // Scan to the closing '>' respecting quoted literals; a '[' outside quotes opens an internal subset.
            let quote = '';
            let j = lt + 9;
            for (; j < text.length; j++) {
                const ch = text[j];
                if (quote) {
                    if (ch === quote)
                        quote = '';
                }
                else if (ch === '"' || ch === "'") {
                    quote = ch;
                }
                else if (ch === '[') {
                    throw new ReportError(path, 'a DOCTYPE with an internal subset is not allowed in reports');
                }
                else if (ch === '>') {
                    break;
                }
            }
            if (j >= text.length)
                throw new ReportError(path, 'malformed or truncated XML: unterminated DOCTYPE');
            i = j + 1;
            continue;
        }
        i = lt + 2;
    }
}
/** Replaces the raw text of stop nodes (see `rawTextTags`) with its decoded value, throughout the tree. */
function decodeRawText(name, el, tags) {
    if (tags.has(name)) {
        const raw = el[TEXT_KEY];
        if (typeof raw === 'string')
            el[TEXT_KEY] = decodeRawContent(raw);
        return;
    }
    for (const [key, value] of Object.entries(el)) {
        if (key === TEXT_KEY || key.startsWith(ATTR_PREFIX))
            continue;
        for (const child of Array.isArray(value) ? value : [value]) {
            if (isElement(child))
                decodeRawText(key, child, tags);
        }
    }
}
/**
 * The text of a well-formed (already validated) element body: character data entity-decoded, CDATA sections
 * literal, comments, processing instructions and child elements (with their text) dropped — the same text
 * the parser would have collected for the element itself.
 */
function decodeRawContent(raw) {
    let out = '';
    let i = 0;
    let depth = 0;
    while (i < raw.length) {
        const lt = raw.indexOf('<', i);
        if (lt < 0) {
            if (depth === 0)
                out += decodeXmlEntities(raw.slice(i));
            break;
        }
        if (depth === 0 && lt > i)
            out += decodeXmlEntities(raw.slice(i, lt));
        if (raw.startsWith('<![CDATA[', lt)) {
            const end = raw.indexOf(']]>', lt + 9);
            if (depth === 0)
                out += raw.slice(lt + 9, end < 0 ? raw.length : end);
            i = end < 0 ? raw.length : end + 3;
        }
        else if (raw.startsWith('<!--', lt)) {
            const end = raw.indexOf('-->', lt + 4);
            i = end < 0 ? raw.length : end + 3;
        }
        else if (raw.startsWith('<?', lt)) {
            const end = raw.indexOf('?>', lt + 2);
            i = end < 0 ? raw.length : end + 2;
        }
        else {
            // A child element's tag: skip to its '>' (quotes respected), tracking depth so its text is dropped.
            let j = tagEnd(raw, lt);
            if (j < 0)
                j = raw.length;
            if (raw[lt + 1] === '/')
                depth = Math.max(0, depth - 1);
            else if (raw[j - 1] !== '/')
                depth++;
            i = j + 1;
        }
    }
    return out;
}
// ---- entity decoding -------------------------------------------------------------------------------------
const PREDEFINED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY_REF = /&(?:#x([0-9A-Fa-f]{1,8})|#([0-9]{1,10})|(lt|gt|amp|quot|apos));/g;
/** XML 1.0 `Char`: the code points a character reference may denote. Others become U+FFFD. */
function isXmlChar(cp) {
    return (cp === 0x9 ||
        cp === 0xa ||
        cp === 0xd ||
        (cp >= 0x20 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0xfffd) ||
        (cp >= 0x10000 && cp <= 0x10ffff));
}
/**
 * Decodes the five predefined entities and numeric references in one pass (so `&amp;lt;` → `&lt;`).
 * Long values are decoded in blocks so the regex engine never holds more than one block's matches at once
 * (a single replace over millions of references would first collect them all).
 */
function decodeXmlEntities(value) {
    if (!value.includes('&'))
        return value;
    if (value.length <= DECODE_BLOCK)
        return value.replace(ENTITY_REF, replaceRef);
    const parts = [];
    let start = 0;
    while (start < value.length) {
        let end = Math.min(start + DECODE_BLOCK, value.length);
        if (end < value.length) {
            // Do not split a reference: a reference is at most 13 characters (&#x + 8 hex digits + ;).
            const amp = value.lastIndexOf('&', end - 1);
            if (amp >= start && end - amp < 14 && amp > start)
                end = amp;
        }
        parts.push(value.slice(start, end).replace(ENTITY_REF, replaceRef));
        start = end;
    }
    return parts.join('');
}
const DECODE_BLOCK = 64 * 1024;
function replaceRef(_m, hex, dec, name) {
    if (name !== undefined)
        return PREDEFINED[name] ?? '';
    const cp = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? '', 10);
    return isXmlChar(cp) ? String.fromCodePoint(cp) : '\uFFFD';
}
/**
 * fast-xml-parser's own decoder only decodes numeric references when `htmlEntities` is on, which would also
 * turn on the HTML named entities (`&nbsp;` …) that are not XML. This decoder is exactly XML's: five named
 * entities plus numeric references; unknown named references are left as written. It refuses declared
 * entities outright.
 */
const XML_ENTITY_DECODER = {
    setExternalEntities: (entities) => {
        if (Object.keys(entities).length > 0)
            throw new Error('external entities are not allowed');
    },
    addInputEntities: (entities) => {
        if (entities && Object.keys(entities).length > 0)
            throw new Error('entity declarations are not allowed');
    },
    reset: () => { },
    decode: decodeXmlEntities,
    setXmlVersion: () => { },
};

;// CONCATENATED MODULE: ./src/reports/junit.ts
/**
 * JUnit XML → TestReport. Reads pytest's xunit1 (testcase carries file= and a 0-based line=) and xunit2
 * (no file/line), and the generic JUnit of other runners (root <testsuites> or <testsuite>, suites nested to
 * any depth, test cases directly under <testsuites> as Node's runner writes them).
 *
 * Counts are never read from the summary attributes (tests=, failures=, …): the model is built from the
 * <testcase> elements only (SECURITY.md R5.6).
 */



/** The bulk elements, read by the XML fast path when self-closing (their parents' text is never read). */
const FAST_ELEMENTS = { testcase: ['testsuite', 'testsuites'] };
const ARRAY_TAGS = ['testsuite', 'testcase', 'failure', 'error', 'skipped', 'system-out', 'system-err'];
/** Elements that carry the bulk of a report (tracebacks, captured output): read in one piece. */
const RAW_TEXT_TAGS = [
    'failure',
    'error',
    'skipped',
    'system-out',
    'system-err',
    // Surefire's rerun elements: not outcomes, but potentially large.
    'rerunFailure',
    'rerunError',
    'flakyFailure',
    'flakyError',
];
function junit_parseJunit(content, path, projectRoot, opts = {}) {
    const { rootName, root } = parseXmlDocument(content, path, { ...opts.xml, arrayTags: ARRAY_TAGS, fastElements: FAST_ELEMENTS, rawTextTags: RAW_TEXT_TAGS });
    if (rootName !== 'testsuites' && rootName !== 'testsuite') {
        throw new ReportError(path, `not a JUnit report (root element <${clipName(rootName)}>, expected <testsuites> or <testsuite>)`);
    }
    const lineBase = opts.lineBase ?? (isPytestReport(rootName, root) ? 0 : 1);
    const cases = [];
    collect(root, cases, { path, projectRoot, lineBase });
    return { cases };
}
/** Test cases of this element, then those of its nested suites (depth is bounded by the XML parse). */
function collect(el, out, ctx) {
    for (const tc of xmlChildren(el, 'testcase'))
        out.push(toCase(tc, out.length, ctx));
    for (const suite of xmlChildren(el, 'testsuite'))
        collect(suite, out, ctx);
}
function isPytestReport(rootName, root) {
    if (rootName === 'testsuites') {
        if (xmlAttr(root, 'name') === 'pytest tests')
            return true;
        return xmlChildren(root, 'testsuite').some((s) => xmlAttr(s, 'name') === 'pytest');
    }
    return xmlAttr(root, 'name') === 'pytest';
}
function toCase(tc, index, ctx) {
    const name = xmlAttr(tc, 'name');
    if (name === undefined)
        throw new ReportError(ctx.path, `test case #${index + 1} has no name attribute`);
    const classname = xmlAttr(tc, 'classname') ?? '';
    const fileAttr = xmlAttr(tc, 'file');
    const file = fileAttr === undefined ? null : toProjectPath(fileAttr, ctx.projectRoot);
    const line = file === null ? null : parseLine(xmlAttr(tc, 'line'), ctx.lineBase);
    // Outcome priority: error > failure > skipped > passed (a pytest test case can carry several).
    let outcome = 'passed';
    let detail;
    const error = xmlChildren(tc, 'error')[0];
    const failure = xmlChildren(tc, 'failure')[0];
    const skipped = xmlChildren(tc, 'skipped')[0];
    if (error) {
        outcome = 'error';
        detail = error;
    }
    else if (failure) {
        outcome = 'failed';
        detail = failure;
    }
    else if (skipped) {
        outcome = 'skipped';
        detail = skipped;
    }
    return {
        name,
        classname,
        file,
        line,
        durationSec: parseDuration(xmlAttr(tc, 'time')),
        outcome,
        message: detail ? (xmlAttr(detail, 'message') ?? '') : '',
        details: detail ? tidyDetails(xmlText(detail)) : '',
    };
}
const DECIMAL = /^[+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Seconds: a finite, non-negative decimal, else 0 (missing, NaN, negative, "1,5", "Infinity"). */
function parseDuration(value) {
    if (value === undefined)
        return 0;
    const s = value.trim();
    if (!DECIMAL.test(s))
        return 0;
    const n = Number(s);
    return Number.isFinite(n) && n >= 0 ? n : 0;
}
/** A 1-based line from the report's `line` attribute, or null when absent or not a plain integer. */
function parseLine(value, base) {
    if (value === undefined)
        return null;
    const s = value.trim();
    if (!/^\d{1,9}$/.test(s))
        return null;
    const n = Number(s) + (base === 0 ? 1 : 0);
    return n >= 1 ? n : null;
}
/** Element text without the blank lines and indentation that some writers put around it. */
function tidyDetails(text) {
    return text.replace(/^\s*\n/, '').trimEnd();
}
function clipName(name) {
    return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

;// CONCATENATED MODULE: ./src/reports/cobertura.ts
/**
 * Cobertura XML (as coverage.py writes it) → CoverageReport.
 *
 * Each <class filename> is joined to one of the <source> roots and made relative to the project root.
 * Lines come from the class's own <lines> (Cobertura's <methods> repeat them and are ignored); excluded lines
 * are simply absent, as coverage.py omits them. Branches come from `condition-coverage="50% (1/2)"`.
 * Totals are computed by `coverageTotals` from these elements only; the report's own line-rate,
 * lines-valid, … attributes are never read (SECURITY.md R5.6).
 */



/** The bulk elements, read by the XML fast path when self-closing (their parents' text is never read). */
const cobertura_FAST_ELEMENTS = { line: ['lines'] };
const cobertura_ARRAY_TAGS = ['source', 'package', 'class', 'line', 'method'];
const NUMBER = xmlAttrReader('number');
const HITS = xmlAttrReader('hits');
const BRANCH = xmlAttrReader('branch');
const CONDITION_COVERAGE = xmlAttrReader('condition-coverage');
function cobertura_parseCobertura(content, path, projectRoot, opts = {}) {
    const { rootName, root } = parseXmlDocument(content, path, { ...opts.xml, arrayTags: cobertura_ARRAY_TAGS, fastElements: cobertura_FAST_ELEMENTS });
    if (rootName !== 'coverage') {
        const shown = rootName.length > 60 ? `${rootName.slice(0, 60)}…` : rootName;
        throw new ReportError(path, `not a Cobertura report (root element <${shown}>, expected <coverage>)`);
    }
    const root_ = paths_toPosix(projectRoot);
    const sources = [];
    for (const sourcesEl of xmlChildren(root, 'sources')) {
        for (const s of xmlChildren(sourcesEl, 'source')) {
            const text = xmlText(s).trim();
            if (text !== '')
                sources.push(isAbsolutePath(text) ? joinPosix('/', text) : joinPosix(root_, text));
        }
    }
    const byFile = new Map();
    for (const packagesEl of xmlChildren(root, 'packages')) {
        for (const pkg of xmlChildren(packagesEl, 'package')) {
            for (const classesEl of xmlChildren(pkg, 'classes')) {
                for (const cls of xmlChildren(classesEl, 'class')) {
                    const filename = xmlAttr(cls, 'filename');
                    if (filename === undefined || filename.trim() === '') {
                        throw new ReportError(path, 'a <class> element has no filename attribute');
                    }
                    const file = resolveFile(filename, sources, root_, opts.exists);
                    let lines = byFile.get(file);
                    if (!lines) {
                        lines = { hits: new Map(), branches: new Map(), last: 0, inOrder: true };
                        byFile.set(file, lines);
                    }
                    for (const linesEl of xmlChildren(cls, 'lines')) {
                        for (const lineEl of xmlChildren(linesEl, 'line'))
                            addLine(lines, lineEl, path, file);
                    }
                }
            }
        }
    }
    const files = [];
    for (const [file, { hits, branches, inOrder }] of byFile) {
        let branchesCovered = 0;
        let branchesTotal = 0;
        for (const b of branches.values()) {
            branchesCovered += b.covered;
            branchesTotal += b.total;
        }
        const lines = inOrder ? hits : new Map([...hits].sort((a, b) => a[0] - b[0]));
        files.push({ file, lines, branchesCovered, branchesTotal });
    }
    files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return { files };
}
/**
 * The class filename joined to its source root, relative to the project root (POSIX). A file outside the
 * project root keeps its absolute POSIX path, so that the totals still match coverage.py's own.
 */
function resolveFile(filename, sources, projectRoot, exists) {
    let abs;
    if (isAbsolutePath(filename)) {
        abs = joinPosix('/', filename);
    }
    else {
        const candidates = sources.map((s) => joinPosix(s, filename));
        abs =
            (exists ? candidates.find((c) => exists(c)) : undefined) ??
                candidates.find((c) => isUnder(c, projectRoot)) ??
                joinPosix(projectRoot, filename);
    }
    return toProjectPath(abs, projectRoot) ?? abs;
}
const CONDITION = /^\s*\d+(?:\.\d+)?\s*%\s*\(\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*\)\s*$/;
const INT = /^\d{1,15}$/;
/**
 * A count of 1 to 15 decimal digits, surrounding whitespace allowed; else undefined. Plain digits (what every
 * tool writes) are read without a regex or a trimmed copy, as this runs once per line of the report.
 */
function count(value) {
    if (value === undefined)
        return undefined;
    const length = value.length;
    if (length > 0 && length <= 15) {
        let n = 0;
        let k = 0;
        for (; k < length; k++) {
            const d = value.charCodeAt(k) - 0x30;
            if (d < 0 || d > 9)
                break;
            n = n * 10 + d;
        }
        if (k === length)
            return n;
    }
    const trimmed = value.trim();
    return INT.test(trimmed) ? Number(trimmed) : undefined;
}
function addLine(lines, el, path, file) {
    const number = count(NUMBER(el));
    if (number === undefined || number < 1) {
        throw new ReportError(path, `${file}: invalid line number ${JSON.stringify(cobertura_clip(NUMBER(el)?.trim() ?? '(missing)'))}`);
    }
    const hits = count(HITS(el));
    if (hits === undefined) {
        throw new ReportError(path, `${file}:${number}: invalid hits ${JSON.stringify(cobertura_clip(HITS(el)?.trim() ?? '(missing)'))}`);
    }
    let covered = 0;
    let total = 0;
    const condition = CONDITION_COVERAGE(el);
    if (condition !== undefined && BRANCH(el)?.trim() === 'true') {
        const m = CONDITION.exec(condition);
        if (!m)
            throw new ReportError(path, `${file}:${number}: invalid condition-coverage ${JSON.stringify(cobertura_clip(condition))}`);
        covered = Number(m[1]);
        total = Number(m[2]);
        if (covered > total) {
            throw new ReportError(path, `${file}:${number}: condition-coverage covers more branches than exist (${covered}/${total})`);
        }
    }
    const prevHits = lines.hits.get(number);
    if (prevHits === undefined) {
        lines.hits.set(number, hits);
        if (total > 0)
            lines.branches.set(number, { covered, total });
        if (number < lines.last)
            lines.inOrder = false;
        lines.last = number;
        return;
    }
    // The same line listed again (the file appears in several classes/packages): hits add up; its branches
    // are the same branches measured again, so the larger counts win rather than being counted twice.
    lines.hits.set(number, Math.min(prevHits + hits, Number.MAX_SAFE_INTEGER));
    const prev = lines.branches.get(number) ?? { covered: 0, total: 0 };
    const mergedTotal = Math.max(prev.total, total);
    const merged = { covered: Math.min(Math.max(prev.covered, covered), mergedTotal), total: mergedTotal };
    if (merged.total > 0)
        lines.branches.set(number, merged);
}
function cobertura_clip(s) {
    return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

;// CONCATENATED MODULE: ./src/reports/tools/common.ts
/**
 * Shared validation for the JSON reports of the lint/type/security tools (ruff, mypy, pyright, bandit,
 * pip-audit). Every helper throws ReportError(path, reason) on anything unexpected: a tool's report is data
 * from a process the project controls, so no field is trusted before its type is checked.
 *
 * Conventions of the produced Findings (src/reports/model.ts):
 * - `file` is relative to the project root with POSIX separators; an absolute path outside the root (and a
 *   relative one that climbs out with `..`) is kept as given, with POSIX separators.
 * - `line` and `column` are 1-based (what GitHub annotations take); parsers convert 0-based tool positions.
 * - `message` is capped at MAX_MESSAGE_CHARS.
 */


/** Longest message kept on a finding or vulnerability; longer ones are cut and end with '…'. */
const MAX_MESSAGE_CHARS = 2000;
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** The whole content as one JSON value; a BOM and surrounding whitespace are allowed, nothing else. */
function parseJson(content, path) {
    if (typeof content !== 'string')
        throw new ReportError(path, 'not text');
    const text = content.replace(/^\uFEFF/, '').trim();
    if (text === '')
        throw new ReportError(path, 'empty report (expected JSON)');
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new ReportError(path, `not valid JSON: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`);
    }
}
/** `where` names the element in error messages, e.g. "results[3]". */
function expectRecord(v, path, where) {
    if (!isRecord(v))
        throw new ReportError(path, `${where}: expected an object, got ${describe(v)}`);
    return v;
}
function expectArray(v, path, where) {
    if (!Array.isArray(v))
        throw new ReportError(path, `${where}: expected an array, got ${describe(v)}`);
    return v;
}
function expectString(v, path, where) {
    if (typeof v !== 'string')
        throw new ReportError(path, `${where}: expected a string, got ${describe(v)}`);
    return v;
}
/** A string, or null when the field is absent or null. */
function optionalString(v, path, where) {
    if (v === undefined || v === null)
        return null;
    return expectString(v, path, where);
}
function expectStringArray(v, path, where) {
    return expectArray(v, path, where).map((x, i) => expectString(x, path, `${where}[${i}]`));
}
/**
 * A position from a report, returned 1-based. `base` is the tool's own numbering (0 or 1). A missing value
 * (undefined/null) is null when `optional`, else an error; a non-integer, NaN, infinite or below-base value
 * is always an error.
 */
function position(v, path, where, base, optional = false) {
    if (v === undefined || v === null) {
        if (optional)
            return null;
        throw new ReportError(path, `${where}: missing`);
    }
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < base) {
        throw new ReportError(path, `${where}: expected an integer ≥ ${base}, got ${describe(v)}`);
    }
    return v - base + 1;
}
/** Cut to MAX_MESSAGE_CHARS (without splitting a surrogate pair), ending with '…' when cut. */
function capMessage(s) {
    if (s.length <= MAX_MESSAGE_CHARS)
        return s;
    let end = MAX_MESSAGE_CHARS - 1;
    const code = s.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end--;
    return `${s.slice(0, end)}…`;
}
/**
 * A file path from a report, made relative to the project root (POSIX separators). Refused: empty paths
 * and paths with control characters (a newline in a path would break workflow commands and tables).
 */
function projectFile(file, path, where, projectRoot) {
    const s = expectString(file, path, where);
    if (s.trim() === '')
        throw new ReportError(path, `${where}: empty file path`);
    if (/[\u0000-\u001f\u007f]/.test(s))
        throw new ReportError(path, `${where}: control character in file path ${JSON.stringify(s.slice(0, 200))}`);
    return toProjectPath(s, projectRoot) ?? paths_toPosix(s);
}
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'number')
        return Number.isNaN(v) ? 'NaN' : String(v);
    if (typeof v === 'string')
        return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
    return typeof v;
}

;// CONCATENATED MODULE: ./src/reports/tools/ruff.ts
/**
 * ruff: `ruff check --output-format=json` (a JSON array of diagnostics) and the text of `ruff format --check`.
 *
 * ruff check JSON (0.17), per element:
 *   { "code": "F401" | "invalid-syntax" | null, "name": "unused-import", "message": "...",
 *     "filename": "/abs/path.py", "location": {"row": 3, "column": 8}, "end_location": {...},
 *     "severity": "error", "cell": null | <notebook cell>, "fix": ..., "noqa_row": ..., "url": ... }
 * `row`/`column` are 1-based. Severity mapping: ruff's "warning" → warning, "info"/"information"/"note"/"hint" →
 * notice, anything else (ruff's "error", or no severity at all in older ruff) → error: every ruff
 * diagnostic fails `ruff check`. A diagnostic without a code (older ruff's syntax errors) gets the rule
 * `name` or "syntax-error". `ruff format --check --output-format=json` has the same shape (code
 * "unformatted"), so this parser reads it too.
 */


function parseRuffCheckJson(content, path, projectRoot) {
    const items = expectArray(parseJson(content, path), path, 'top level');
    return items.map((raw, i) => {
        const where = `[${i}]`;
        const d = expectRecord(raw, path, where);
        const file = projectFile(d.filename, path, `${where}.filename`, projectRoot);
        const code = optionalString(d.code, path, `${where}.code`);
        const name = optionalString(d.name, path, `${where}.name`);
        let message = expectString(d.message, path, `${where}.message`);
        let line = null;
        let column = null;
        if (d.location !== undefined && d.location !== null) {
            const loc = expectRecord(d.location, path, `${where}.location`);
            line = position(loc.row, path, `${where}.location.row`, 1);
            column = position(loc.column, path, `${where}.location.column`, 1, true);
        }
        if (d.cell !== undefined && d.cell !== null) {
            // Notebook: the row counts within the cell, so it is not a line of the .ipynb file.
            const cell = position(d.cell, path, `${where}.cell`, 0);
            message = `[cell ${cell - 1}${line !== null ? `, line ${line}` : ''}] ${message}`;
            line = null;
            column = null;
        }
        return {
            file,
            line,
            column,
            rule: code || name || 'syntax-error',
            severity: ruffSeverity(optionalString(d.severity, path, `${where}.severity`)),
            message: capMessage(message),
        };
    });
}
function ruffSeverity(s) {
    switch (s?.toLowerCase()) {
        case 'warning':
            return 'warning';
        case 'info':
        case 'information':
        case 'note':
        case 'hint':
            return 'notice';
        default:
            return 'error';
    }
}
const FORMAT_RULE = 'unformatted';
const FORMAT_MESSAGE = 'File would be reformatted (run `ruff format`)';
/**
 * The files `ruff format --check` would change, one finding each (rule "unformatted"), from its text output —
 * stdout and stderr together — in any of the forms ruff prints:
 * - ruff ≥ 0.15 default ("full"):   `unformatted: File would be reformatted` then ` --> src/x.py:5:11`
 * - `--output-format=concise`:      `src/x.py:5:11: unformatted: File would be reformatted`
 * - older ruff:                     `Would reformat: src/x.py`
 * - with `--diff`:                  unified-diff headers `--- src/x.py` / `+++ src/x.py`; the line is the first
 *                                   changed line of the first hunk.
 * Everything else (the "N files would be reformatted" summary, warnings, invalid-syntax diagnostics of files
 * ruff could not parse — exit 2) is ignored. A file reported twice gives one finding (the first with a line).
 */
function parseRuffFormatOutput(text, path, projectRoot) {
    if (typeof text !== 'string')
        throw new ReportError(path, 'not text');
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const found = new Map();
    const add = (rawFile, line, column, where) => {
        const file = projectFile(rawFile, path, where, projectRoot);
        const prev = found.get(file);
        if (prev === undefined || (prev.line === null && line !== null)) {
            found.set(file, { file, line, column, rule: FORMAT_RULE, severity: 'error', message: FORMAT_MESSAGE });
        }
    };
    const lineNumber = (digits, where) => {
        const n = Number(digits);
        if (!Number.isSafeInteger(n) || n < 1)
            throw new ReportError(path, `${where}: bad line number ${JSON.stringify(digits.slice(0, 20))}`);
        return n;
    };
    // Diff state: the file of the current diff, and what is left of the current hunk.
    let diffFile = null;
    let diffFileHasLine = false;
    let oldLeft = 0;
    let newLeft = 0;
    let oldLine = 0;
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        const where = `line ${i + 1}`;
        if (oldLeft > 0 || newLeft > 0) {
            // Inside a hunk: content lines are never read as headers or diagnostics.
            const tag = l[0];
            if (tag === '-' || tag === '+') {
                if (diffFile !== null && !diffFileHasLine) {
                    add(diffFile, Math.max(oldLine, 1), null, where);
                    diffFileHasLine = true;
                }
                if (tag === '-') {
                    oldLeft--;
                    oldLine++;
                }
                else
                    newLeft--;
            }
            else if (tag !== '\\') {
                oldLeft--;
                newLeft--;
                oldLine++;
            }
            continue;
        }
        let m;
        if (l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ')) {
            diffFile = l.slice(4).split('\t')[0].trim();
            diffFileHasLine = false;
            add(diffFile, null, null, where);
            i++;
        }
        else if (diffFile !== null && (m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(l))) {
            oldLine = Number(m[1]);
            oldLeft = m[2] === undefined ? 1 : Number(m[2]);
            newLeft = m[4] === undefined ? 1 : Number(m[4]);
            if (![oldLine, oldLeft, newLeft].every((n) => Number.isSafeInteger(n) && n >= 0))
                throw new ReportError(path, `${where}: bad hunk header`);
        }
        else if ((m = /^Would reformat: (.+)$/.exec(l))) {
            add(m[1].trim(), null, null, where);
        }
        else if ((m = /^(.+?):(\d+):(\d+): unformatted:/.exec(l))) {
            add(m[1], lineNumber(m[2], where), lineNumber(m[3], where), where);
        }
        else if (/^unformatted:/.test(l)) {
            // The "full" form: the location arrow follows within the next lines.
            for (let j = i + 1; j < Math.min(i + 4, lines.length); j++) {
                const arrow = /^\s*-->\s+(.+):(\d+):(\d+)\s*$/.exec(lines[j]);
                if (arrow) {
                    add(arrow[1], lineNumber(arrow[2], `line ${j + 1}`), lineNumber(arrow[3], `line ${j + 1}`), `line ${j + 1}`);
                    i = j;
                    break;
                }
            }
        }
    }
    return [...found.values()];
}

;// CONCATENATED MODULE: ./src/reports/tools/mypy.ts
/**
 * mypy `-O json` (mypy ≥ 1.11): one JSON object per line on stdout, no summary line (with no error mypy
 * prints a single empty line; "Found N errors" is not printed in this mode). mypy 2.4's formatter
 * (mypy/error_formatter.py) writes:
 *   {"file": "src/pkg/mod.py", "line": 34, "column": 11, "end_line": 34, "end_column": 34,
 *    "message": "...", "hint": null | "notes joined by \n", "code": "return-value" | null,
 *    "severity": "error" | "note"}
 * `file` is as mypy was given it (relative to its working directory); `line` is 1-based; `column` is
 * 0-based. mypy uses -1 for "no line" / "no column" (its own text format then omits them): those, and a
 * line 0, become null; any other negative, fractional or non-numeric position is refused.
 * Notes attached to an error arrive in its `hint`, which is appended to the message.
 *
 * Severity mapping: "error" → error, "note" → notice, "warning" → warning; anything else is refused.
 * Rule: `code`, or "mypy" when mypy gives none.
 */


function parseMypyJsonLines(content, path, projectRoot) {
    if (typeof content !== 'string')
        throw new ReportError(path, 'not text');
    const findings = [];
    const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const text = lines[i].trim();
        if (text === '')
            continue;
        const where = `line ${i + 1}`;
        let raw;
        try {
            raw = JSON.parse(text);
        }
        catch {
            throw new ReportError(path, `${where}: not a JSON object: ${JSON.stringify(text.slice(0, 120))}`);
        }
        const e = expectRecord(raw, path, where);
        const file = projectFile(e.file, path, `${where}.file`, projectRoot);
        const message = expectString(e.message, path, `${where}.message`);
        const hint = optionalString(e.hint, path, `${where}.hint`);
        const code = optionalString(e.code, path, `${where}.code`);
        findings.push({
            file,
            line: mypyPosition(e.line, path, `${where}.line`, 1),
            column: mypyPosition(e.column, path, `${where}.column`, 0),
            rule: code || 'mypy',
            severity: mypySeverity(e.severity, path, `${where}.severity`),
            message: capMessage(hint ? `${message}\n${hint}` : message),
        });
    }
    return findings;
}
/** -1 (mypy's "unknown"), a line 0 and absence → null; other values must be integers ≥ base. */
function mypyPosition(v, path, where, base) {
    if (v === -1 || (base === 1 && v === 0))
        return null;
    return position(v, path, where, base, true);
}
function mypySeverity(v, path, where) {
    const s = expectString(v, path, where);
    if (s === 'error')
        return 'error';
    if (s === 'note')
        return 'notice';
    if (s === 'warning')
        return 'warning';
    throw new ReportError(path, `${where}: unknown severity ${JSON.stringify(s.slice(0, 40))}`);
}

;// CONCATENATED MODULE: ./src/reports/tools/pyright.ts
/**
 * pyright `--outputjson` (1.1.414): one JSON object on stdout.
 *   { "version": "1.1.414", "time": "...",
 *     "generalDiagnostics": [ { "file": "/abs/src/pkg/mod.py", "severity": "error" | "warning" | "information",
 *                               "message": "...\n  continuation lines (indented with U+00A0)",
 *                               "range": {"start": {"line": 33, "character": 11}, "end": {...}},
 *                               "rule": "reportReturnType" } ],
 *     "summary": { "filesAnalyzed": 3, "errorCount": 1, "warningCount": 0, "informationCount": 0, ... } }
 * Positions are 0-based (line 33 is the file's line 34). `range` and `rule` may be absent (e.g. a file that
 * could not be read, or an unnamed check); a missing rule becomes "pyright". The summary is not trusted:
 * findings come from the diagnostics only.
 *
 * Severity mapping: "error" → error, "warning" → warning, "information" → notice; anything else is refused.
 */


function parsePyrightJson(content, path, projectRoot) {
    const top = expectRecord(parseJson(content, path), path, 'top level');
    const diagnostics = expectArray(top.generalDiagnostics, path, 'generalDiagnostics');
    return diagnostics.map((raw, i) => {
        const where = `generalDiagnostics[${i}]`;
        const d = expectRecord(raw, path, where);
        let line = null;
        let column = null;
        if (d.range !== undefined && d.range !== null) {
            const start = expectRecord(expectRecord(d.range, path, `${where}.range`).start, path, `${where}.range.start`);
            line = position(start.line, path, `${where}.range.start.line`, 0);
            column = position(start.character, path, `${where}.range.start.character`, 0, true);
        }
        return {
            file: projectFile(d.file, path, `${where}.file`, projectRoot),
            line,
            column,
            rule: optionalString(d.rule, path, `${where}.rule`) || 'pyright',
            severity: pyrightSeverity(d.severity, path, `${where}.severity`),
            message: capMessage(expectString(d.message, path, `${where}.message`)),
        };
    });
}
function pyrightSeverity(v, path, where) {
    const s = expectString(v, path, where);
    if (s === 'error')
        return 'error';
    if (s === 'warning')
        return 'warning';
    if (s === 'information')
        return 'notice';
    throw new ReportError(path, `${where}: unknown severity ${JSON.stringify(s.slice(0, 40))}`);
}

;// CONCATENATED MODULE: ./src/reports/tools/bandit.ts
/**
 * bandit `-f json` (1.9.4):
 *   { "errors": [ {"filename": "src/bad.py", "reason": "syntax error while parsing AST from file"} ],
 *     "generated_at": "...", "metrics": { ... per-file and "_totals" counters: not trusted ... },
 *     "results": [ { "filename": "src/pkg/mod.py", "line_number": 8, "col_offset": 11,
 *                    "test_id": "B324", "test_name": "hashlib", "issue_text": "...",
 *                    "issue_severity": "HIGH", "issue_confidence": "HIGH", "more_info": "https://…",
 *                    "issue_cwe": {"id": 327, "link": "…"}, "code": "…", "line_range": [8], … } ] }
 * `filename` is as bandit was given it (relative to its working directory); `line_number` is 1-based,
 * `col_offset` 0-based.
 *
 * Filtering: an issue is kept when its severity AND its confidence are at or above the thresholds
 * (UNDEFINED < LOW < MEDIUM < HIGH, as bandit's own -l/-i levels; UNDEFINED is therefore never kept).
 * Severity mapping of the kept issues: HIGH → error, MEDIUM → warning, LOW → notice. Rule: the test id
 * ("B324").
 *
 * bandit's `errors` (files it could not scan, e.g. a syntax error) are not issues, but they mean part of the
 * code went unchecked, so they are never dropped: parseBanditJson returns each as a finding with rule
 * "bandit-error" (severity error, no line), whatever the thresholds.
 */


const RANK = { undefined: 0, low: 1, medium: 2, high: 3 };
const SEVERITY = { undefined: 'notice', low: 'notice', medium: 'warning', high: 'error' };
function parseBanditReport(content, path, projectRoot, thresholds) {
    const minSeverity = thresholdRank(thresholds.severity, 'severity');
    const minConfidence = thresholdRank(thresholds.confidence, 'confidence');
    const top = expectRecord(parseJson(content, path), path, 'top level');
    const results = expectArray(top.results, path, 'results');
    const findings = [];
    for (let i = 0; i < results.length; i++) {
        const where = `results[${i}]`;
        const r = expectRecord(results[i], path, where);
        const severity = level(r.issue_severity, path, `${where}.issue_severity`);
        const confidence = level(r.issue_confidence, path, `${where}.issue_confidence`);
        // Validate every issue, kept or not: a malformed report is refused as a whole.
        const file = projectFile(r.filename, path, `${where}.filename`, projectRoot);
        const line = position(r.line_number, path, `${where}.line_number`, 1);
        const column = position(r.col_offset, path, `${where}.col_offset`, 0, true);
        const rule = expectString(r.test_id, path, `${where}.test_id`);
        if (rule.trim() === '')
            throw new ReportError(path, `${where}.test_id: empty`);
        const text = expectString(r.issue_text, path, `${where}.issue_text`);
        const testName = optionalString(r.test_name, path, `${where}.test_name`);
        if (RANK[severity] < minSeverity || RANK[confidence] < minConfidence)
            continue;
        const label = `${testName ? `${testName}, ` : ''}severity ${severity.toUpperCase()}, confidence ${confidence.toUpperCase()}`;
        findings.push({ file, line, column, rule, severity: SEVERITY[severity], message: capMessage(`${text} (${label})`) });
    }
    const errors = [];
    if (top.errors !== undefined && top.errors !== null) {
        expectArray(top.errors, path, 'errors').forEach((raw, i) => {
            const e = expectRecord(raw, path, `errors[${i}]`);
            const file = projectFile(e.filename, path, `errors[${i}].filename`, projectRoot);
            const reason = capMessage(optionalString(e.reason, path, `errors[${i}].reason`) ?? 'unknown error');
            errors.push({ file, reason });
            findings.push({ file, line: null, column: null, rule: 'bandit-error', severity: 'error', message: `bandit could not scan this file: ${reason}` });
        });
    }
    return { findings, rawCount: results.length, errors };
}
/** The findings of parseBanditReport: issues at/above the thresholds, plus files bandit could not scan. */
function parseBanditJson(content, path, projectRoot, thresholds) {
    return parseBanditReport(content, path, projectRoot, thresholds).findings;
}
function level(v, path, where) {
    const s = expectString(v, path, where).toLowerCase();
    if (!Object.hasOwn(RANK, s))
        throw new ReportError(path, `${where}: unknown level ${JSON.stringify(s.slice(0, 40))}`);
    return s;
}
function thresholdRank(v, what) {
    if (v !== 'low' && v !== 'medium' && v !== 'high')
        throw new RangeError(`bandit ${what} threshold must be low, medium or high, got ${String(v)}`);
    return RANK[v];
}

;// CONCATENATED MODULE: ./src/reports/tools/pip-audit.ts
/**
 * pip-audit `-f json` (2.10.1, pip_audit/_format/json.py):
 *   { "dependencies": [
 *       { "name": "urllib3", "version": "1.26.4",
 *         "vulns": [ { "id": "CVE-2021-33503", "fix_versions": ["1.26.5"],
 *                      "aliases": ["GHSA-q2q7-5pp4-w6pg"], "description": "…" } ] },
 *       { "name": "mypkg", "skip_reason": "Dependency not found on PyPI and could not be audited: …" } ],
 *     "fixes": [] }
 * `aliases` and `description` are present unless `--aliases off` / `--desc off`. pip-audit picks the primary
 * `id` itself (PYSEC-, then CVE-, then the rest: a GHSA advisory is reported under its CVE when it has one), and
 * `aliases` is an unordered set. `fixes` is filled only with --fix and is ignored here.
 *
 * A vulnerability is ignored when its id or any of its aliases is in `ignoredIds` (compared trimmed and
 * case-insensitively, as users write "ghsa-…" and "GHSA-…" alike).
 */


function parsePipAuditJson(content, path, ignoredIds) {
    const ignored = new Set(ignoredIds.map(normalizeId).filter((id) => id !== ''));
    const top = expectRecord(parseJson(content, path), path, 'top level');
    const deps = expectArray(top.dependencies, path, 'dependencies');
    const vulnerabilities = [];
    const skipped = [];
    let ignoredCount = 0;
    deps.forEach((raw, i) => {
        const where = `dependencies[${i}]`;
        const d = expectRecord(raw, path, where);
        const name = nonEmpty(d.name, path, `${where}.name`);
        const skipReason = optionalString(d.skip_reason, path, `${where}.skip_reason`);
        if (skipReason !== null) {
            skipped.push({ name, reason: capMessage(skipReason) });
            return;
        }
        const version = nonEmpty(d.version, path, `${where}.version`);
        const vulns = expectArray(d.vulns, path, `${where}.vulns`);
        vulns.forEach((rawVuln, j) => {
            const w = `${where}.vulns[${j}]`;
            if (!isRecord(rawVuln))
                throw new ReportError(path, `${w}: expected an object`);
            const id = nonEmpty(rawVuln.id, path, `${w}.id`);
            const aliases = rawVuln.aliases === undefined || rawVuln.aliases === null ? [] : expectStringArray(rawVuln.aliases, path, `${w}.aliases`);
            const fixVersions = expectStringArray(rawVuln.fix_versions ?? [], path, `${w}.fix_versions`);
            const description = optionalString(rawVuln.description, path, `${w}.description`) ?? '';
            if ([id, ...aliases].some((x) => ignored.has(normalizeId(x)))) {
                ignoredCount++;
                return;
            }
            vulnerabilities.push({
                package: name,
                version,
                id,
                aliases: [...new Set(aliases)].filter((a) => a !== id).sort(),
                fixVersions,
                description: capMessage(description),
            });
        });
    });
    return { vulnerabilities, skipped, ignoredCount };
}
function normalizeId(id) {
    return id.trim().toUpperCase();
}
function nonEmpty(v, path, where) {
    const s = expectString(v, path, where);
    if (s.trim() === '')
        throw new ReportError(path, `${where}: empty`);
    if (/[\u0000-\u001f\u007f]/.test(s))
        throw new ReportError(path, `${where}: control character in ${JSON.stringify(s.slice(0, 80))}`);
    if (s.length > 200)
        throw new ReportError(path, `${where}: longer than 200 characters`);
    return s;
}

;// CONCATENATED MODULE: ./src/checks/tools.ts
/**
 * The action's pinned tool versions — the one table in the source (DESIGN.md §3). A tool the project installs
 * in its own environment (its dev dependencies) wins over these; see `toolCommand`.
 */
const PINNED_TOOLS = {
    uv: '0.13.8',
    ruff: '0.17.5',
    mypy: '2.4.1',
    pytest: '9.2.0',
    'pytest-cov': '7.1.0',
    'pip-audit': '2.10.1',
    bandit: '1.9.4',
    pyright: '1.1.414',
};
/**
 * How a tool is run. `isolated` tools never import the project (uv's `tool run`, i.e. uvx); `import-project`
 * tools must see the project's packages, so they are layered onto the project environment with `uv run --with`.
 */
function toolCommand(uv, tool, how, installedInProject, companions = []) {
    const missingCompanions = companions.filter((c) => !installedInProject(c)).flatMap((c) => ['--with', `${c}==${PINNED_TOOLS[c]}`]);
    if (installedInProject(tool)) {
        return { argv: [uv, 'run', '--no-sync', ...missingCompanions, tool], source: 'project' };
    }
    if (how === 'isolated')
        return { argv: [uv, 'tool', 'run', `${tool}@${PINNED_TOOLS[tool]}`], source: 'pinned' };
    return { argv: [uv, 'run', '--no-sync', '--with', `${tool}==${PINNED_TOOLS[tool]}`, ...missingCompanions, tool], source: 'pinned' };
}
/** PEP 503 name normalisation: `Foo_Bar.baz` → `foo-bar-baz`. */
const normalizeName = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
/**
 * Package names in a uv.lock (`[[package]]` tables, each with a `name = "…"` line). The isolated tools use it to
 * know, before `uv sync` has run, whether the project pins them (then they must wait for the sync and run from
 * the project environment) or not (then they start at once).
 */
function lockedPackages(uvLock) {
    const names = new Set();
    if (uvLock === null)
        return names;
    const re = /^\[\[package\]\]\s*\r?\nname = "([^"]+)"/gm;
    for (let m = re.exec(uvLock); m !== null; m = re.exec(uvLock))
        names.add(normalizeName(m[1]));
    return names;
}

;// CONCATENATED MODULE: ./src/checks/diff.ts
/** Added/changed line numbers per file from `git diff --unified=0 --no-color --relative` output (new side). */
function parseAddedLines(diffText) {
    const added = new Map();
    let current = null;
    for (const line of diffText.split('\n')) {
        if (line.startsWith('+++ ')) {
            const target = line.slice(4).trim();
            if (target === '/dev/null') {
                current = null;
                continue;
            }
            const path = unquoteGitPath(target).replace(/^b\//, '');
            current = added.get(path) ?? new Set();
            added.set(path, current);
            continue;
        }
        const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
        if (hunk && current) {
            const start = Number(hunk[1]);
            const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
            for (let n = start; n < start + count; n++)
                current.add(n);
        }
    }
    return added;
}
/** git quotes paths with unusual characters as C strings: "b/caf\303\251.py". */
function unquoteGitPath(p) {
    if (!p.startsWith('"') || !p.endsWith('"'))
        return p;
    const bytes = [];
    const body = p.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (ch !== '\\') {
            bytes.push(...Buffer.from(ch, 'utf8'));
            continue;
        }
        const next = body[++i] ?? '';
        if (/[0-7]/.test(next)) {
            bytes.push(parseInt(body.slice(i, i + 3), 8));
            i += 2;
        }
        else {
            const escapes = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
            bytes.push(escapes[next] ?? next.charCodeAt(0));
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
function diffCoverage(added, files) {
    const byFile = new Map(files.map((f) => [f.file, f]));
    let covered = 0;
    let total = 0;
    const perFile = [];
    for (const [file, lines] of added) {
        const cov = byFile.get(file);
        if (!cov)
            continue;
        let fileCovered = 0;
        let fileTotal = 0;
        const missing = [];
        for (const n of [...lines].sort((a, b) => a - b)) {
            const hits = cov.lines.get(n);
            if (hits === undefined)
                continue; // not coverable: blank, comment, excluded
            fileTotal++;
            if (hits > 0)
                fileCovered++;
            else
                missing.push(n);
        }
        if (fileTotal === 0)
            continue;
        covered += fileCovered;
        total += fileTotal;
        perFile.push({ file, covered: fileCovered, total: fileTotal, missing });
    }
    return { percent: total === 0 ? null : (covered / total) * 100, covered, total, files: perFile };
}

;// CONCATENATED MODULE: ./src/checks/context.ts
function outcome(status, summary, extra = {}) {
    return { status, summary, exitCode: null, findings: [], ...extra };
}
/** The last lines of a tool's output: enough to say what went wrong without flooding the report. */
function tail(output, lines = 20) {
    const all = output.trimEnd().split('\n');
    return all.slice(-lines).join('\n');
}
/** A one-line reason for a process that could not do its job (missing, killed, timed out), or null. */
function processFailure(r, timeoutSec) {
    if (r.spawnError)
        return r.spawnError;
    if (r.timedOut)
        return `timed out after ${timeoutSec} s (process tree killed)`;
    if (r.signal)
        return `killed by signal ${r.signal}`;
    return null;
}

;// CONCATENATED MODULE: ./src/checks/builtin.ts
/**
 * The built-in checks: for each, the argv it runs and how it reads what the tool wrote. Tool exit codes are
 * data; a report that cannot be read makes the check `error` (fail closed), never `passed`.
 */













/**
 * An isolated tool starts as soon as uv is known, unless the project locks its own copy: then it waits for the
 * sync, so `uv run --no-sync` finds it in the project environment (the project's version wins).
 */
function startsAfter(tool, locked) {
    const step = locked.has(tool) ? 'uv-sync' : 'uv';
    return { after: [step], requires: [step] };
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const pct = (n) => `${(Math.floor(n * 100) / 100).toFixed(2)}%`;
/** Runs `fn` and turns a ReportError into an `error` outcome that names the file. */
async function readingReports(fn, output = '') {
    try {
        return await fn();
    }
    catch (e) {
        if (e instanceof ReportError)
            return outcome('error', `unreadable report: ${e.message}`, { outputTail: tail(output) });
        throw e;
    }
}
/** A process that failed to do its job at all (not found, killed, timed out) → error with the reason. */
function brokenProcess(r, timeoutSec, tool) {
    const reason = processFailure(r, timeoutSec);
    return reason === null ? null : outcome('error', `${tool}: ${reason}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
}
function lastLine(output) {
    const lines = output.trim().split('\n').filter((l) => l.trim() !== '');
    return (lines[lines.length - 1] ?? '').trim().slice(0, 300);
}
function findingsSummary(findings, noun) {
    if (findings.length === 0)
        return `no ${noun}s`;
    const files = new Set(findings.map((f) => f.file)).size;
    return `${plural(findings.length, noun)} in ${plural(files, 'file')}`;
}
const uvCheck = (c) => ({
    id: 'uv',
    phase: c.checks.uv.phase,
    after: [],
    requires: [],
    timeoutSec: 60,
    async run(ctx) {
        if (ctx.uvUnavailable)
            return outcome('error', `uv could not be installed: ${ctx.uvUnavailable}`);
        const r = await ctx.exec('uv', [ctx.uv, '--version'], { timeoutSec: 60 });
        const broken = brokenProcess(r, 60, 'uv');
        if (broken)
            return { ...broken, summary: `${broken.summary} — install uv (https://docs.astral.sh/uv/) or put it on PATH` };
        const m = /uv (\d+\.\d+\.\d+\S*)/.exec(r.output);
        if (r.exitCode !== 0 || !m)
            return outcome('error', `uv --version failed: ${lastLine(r.output)}`, { exitCode: r.exitCode });
        ctx.facts.set('uv-version', m[1]);
        return outcome('passed', `uv ${m[1]}`, { exitCode: 0 });
    },
});
const pythonCheck = (c) => ({
    id: 'python',
    phase: c.checks.python.phase,
    after: ['uv'],
    requires: ['uv'],
    timeoutSec: c.checks.python.timeoutSec,
    async run(ctx) {
        const request = c.pythonVersion ? [c.pythonVersion] : [];
        let find = await ctx.exec('python', [ctx.uv, 'python', 'find', ...request], { timeoutSec: 60 });
        if (find.exitCode !== 0 && !find.spawnError && process.env.UV_PYTHON_DOWNLOADS !== 'never') {
            // Not installed yet: let uv fetch a managed build (it honours UV_PYTHON_DOWNLOADS itself).
            await ctx.exec('python', [ctx.uv, 'python', 'install', ...request], { timeoutSec: this.timeoutSec });
            find = await ctx.exec('python', [ctx.uv, 'python', 'find', ...request], { timeoutSec: 60 });
        }
        const broken = brokenProcess(find, 60, 'uv python find');
        if (broken)
            return broken;
        const path = lastLine(find.output);
        if (find.exitCode !== 0 || path === '') {
            return outcome('failed', `no Python matches ${c.pythonVersion ?? 'the project (requires-python / .python-version)'}: ${lastLine(find.output)}`, { exitCode: find.exitCode });
        }
        const v = await ctx.exec('python', [path, '-c', 'import platform; print(platform.python_version())'], { timeoutSec: 60 });
        const version = /^(\d+\.\d+\.\d+\S*)$/m.exec(v.output)?.[1];
        if (v.exitCode !== 0 || !version)
            return outcome('error', `the interpreter ${path} did not run: ${lastLine(v.output)}`, { exitCode: v.exitCode });
        ctx.facts.set('python-path', path);
        ctx.facts.set('python-version', version);
        return outcome('passed', `Python ${version}`, { exitCode: 0 });
    },
});
const syncCheck = (c) => ({
    id: 'uv-sync',
    phase: c.checks['uv-sync'].phase,
    after: ['python'],
    requires: ['python'],
    timeoutSec: c.checks['uv-sync'].timeoutSec,
    async run(ctx) {
        // The action restores a cached environment here (after the Python check, before the sync) and saves it right
        // after a successful sync; `uv sync --locked` runs either way, a no-op when the cache was good.
        const started = performance.now();
        const hookExec = (argv) => ctx.exec('uv-sync', argv, { timeoutSec: 120 });
        const cacheNote = ctx.venvCache ? await ctx.venvCache.restore(ctx.facts, hookExec) : null;
        const r = await ctx.exec('uv-sync', [ctx.uv, 'sync', '--locked', ...c.checks['uv-sync'].args], { timeoutSec: this.timeoutSec });
        const broken = brokenProcess(r, this.timeoutSec, 'uv sync');
        if (broken)
            return broken;
        if (r.exitCode === 0) {
            await ctx.venvCache?.save(hookExec);
            const setup = cacheNote === null ? '' : ` · setup ${((performance.now() - started) / 1000).toFixed(1)} s (${cacheNote})`;
            return outcome('passed', `environment in sync with uv.lock${setup}`, { exitCode: 0 });
        }
        if (/lockfile .* needs to be updated|--locked/i.test(r.output)) {
            return outcome('failed', 'uv.lock is out of date with pyproject.toml — run `uv lock` and commit uv.lock', { exitCode: r.exitCode, outputTail: tail(r.output) });
        }
        if (/No `?(uv\.lock|lockfile)`? found|Unable to find lockfile/i.test(r.output)) {
            return outcome('failed', 'no uv.lock — run `uv lock` and commit uv.lock', { exitCode: r.exitCode, outputTail: tail(r.output) });
        }
        return outcome('failed', `uv sync --locked failed: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
    },
});
const ruffFormatCheck = (c, locked) => ({
    ...startsAfter('ruff', locked),
    id: 'ruff-format',
    phase: c.checks['ruff-format'].phase,
    timeoutSec: c.checks['ruff-format'].timeoutSec,
    async run(ctx) {
        const { argv } = toolCommand(ctx.uv, 'ruff', 'isolated', ctx.installedInProject);
        // RUFF_OUTPUT_FORMAT from the runner's environment would change what the parser reads: pin the default.
        const r = await ctx.exec('ruff-format', [...argv, 'format', '--check', ...c.checks['ruff-format'].args], { timeoutSec: this.timeoutSec, env: { RUFF_OUTPUT_FORMAT: 'full' } });
        const broken = brokenProcess(r, this.timeoutSec, 'ruff format');
        if (broken)
            return broken;
        return readingReports(async () => {
            const findings = parseRuffFormatOutput(r.output, '<ruff format output>', c.projectDir);
            if (r.exitCode === 0 && findings.length === 0)
                return outcome('passed', 'all files formatted', { exitCode: 0 });
            if (r.exitCode === 1 && findings.length > 0) {
                return outcome('failed', `${plural(findings.length, 'file')} would be reformatted`, { exitCode: 1, findings });
            }
            return outcome('error', `ruff format exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output), findings });
        }, r.output);
    },
});
const ruffCheck = (c, locked) => ({
    ...startsAfter('ruff', locked),
    id: 'ruff-check',
    phase: c.checks['ruff-check'].phase,
    timeoutSec: c.checks['ruff-check'].timeoutSec,
    async run(ctx) {
        const report = (0,external_node_path_namespaceObject.join)(ctx.outDir, 'ruff.json');
        const { argv } = toolCommand(ctx.uv, 'ruff', 'isolated', ctx.installedInProject);
        const r = await ctx.exec('ruff-check', [...argv, 'check', '--output-format=json', `--output-file=${report}`, ...c.checks['ruff-check'].args], { timeoutSec: this.timeoutSec });
        const broken = brokenProcess(r, this.timeoutSec, 'ruff check');
        if (broken)
            return broken;
        if (r.exitCode !== 0 && r.exitCode !== 1)
            return outcome('error', `ruff check exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
        return readingReports(async () => {
            const findings = parseRuffCheckJson(await ctx.readReport(report), report, c.projectDir);
            if (r.exitCode === 1 && findings.length === 0)
                return outcome('error', 'ruff check exited 1 but its report lists no finding', { exitCode: 1, outputTail: tail(r.output) });
            return outcome(findings.length === 0 ? 'passed' : 'failed', findingsSummary(findings, 'finding'), { exitCode: r.exitCode, findings });
        }, r.output);
    },
});
/** A report read from stdout must be whole: a cut head would silently lose findings, so it fails closed. */
function truncatedStdout(r, tool) {
    return r.stdoutDroppedBytes > 0
        ? outcome('error', `${tool} printed more than the output cap; ${r.stdoutDroppedBytes} bytes were dropped, so its report is incomplete`, { exitCode: r.exitCode })
        : null;
}
/** Lines of a tool's stdout that are JSON objects: other tools and wrappers may print around them. */
function jsonLines(stdout) {
    return stdout.split('\n').filter((l) => l.trimStart().startsWith('{')).join('\n');
}
const typesCheck = (c) => ({
    id: 'types',
    phase: c.checks.types.phase,
    after: ['uv-sync'],
    requires: ['uv-sync'],
    timeoutSec: c.checks.types.timeoutSec,
    async run(ctx) {
        const paths = c.typeCheckerHasFiles ? [] : ctx.sources;
        const args = c.checks.types.args;
        if (c.typeChecker === 'mypy') {
            const { argv } = toolCommand(ctx.uv, 'mypy', 'import-project', ctx.installedInProject);
            const r = await ctx.exec('types', [...argv, '-O', 'json', ...args, ...paths], { timeoutSec: this.timeoutSec });
            const broken = brokenProcess(r, this.timeoutSec, 'mypy');
            if (broken)
                return broken;
            const cut = truncatedStdout(r, 'mypy');
            if (cut)
                return cut;
            if (r.exitCode !== 0 && r.exitCode !== 1)
                return outcome('error', `mypy exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
            return readingReports(async () => {
                const all = parseMypyJsonLines(jsonLines(r.stdout), '<mypy -O json output>', c.projectDir);
                const errors = all.filter((f) => f.severity === 'error');
                if (r.exitCode === 1 && errors.length === 0)
                    return outcome('error', `mypy exited 1 but reported no error: ${lastLine(r.output)}`, { exitCode: 1, outputTail: tail(r.output) });
                return outcome(errors.length === 0 ? 'passed' : 'failed', `mypy: ${findingsSummary(errors, 'error')}`, { exitCode: r.exitCode, findings: all });
            }, r.output);
        }
        const { argv } = toolCommand(ctx.uv, 'pyright', 'isolated', ctx.installedInProject);
        const python = ctx.facts.get('venv-python');
        const r = await ctx.exec('types', [...argv, '--outputjson', ...(python ? ['--pythonpath', python] : []), ...args, ...paths], { timeoutSec: this.timeoutSec });
        const broken = brokenProcess(r, this.timeoutSec, 'pyright');
        if (broken)
            return broken;
        const cut = truncatedStdout(r, 'pyright');
        if (cut)
            return cut;
        if (r.exitCode !== 0 && r.exitCode !== 1)
            return outcome('error', `pyright exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
        return readingReports(async () => {
            const start = r.stdout.indexOf('{');
            const all = parsePyrightJson(start < 0 ? r.stdout : r.stdout.slice(start), '<pyright --outputjson output>', c.projectDir);
            const errors = all.filter((f) => f.severity === 'error');
            if (r.exitCode === 1 && errors.length === 0)
                return outcome('error', `pyright exited 1 but reported no error: ${lastLine(r.output)}`, { exitCode: 1, outputTail: tail(r.output) });
            return outcome(errors.length === 0 ? 'passed' : 'failed', `pyright: ${findingsSummary(errors, 'error')}`, { exitCode: r.exitCode, findings: all });
        }, r.output);
    },
});
function failingTestFindings(cases) {
    return cases
        .filter((t) => t.outcome === 'failed' || t.outcome === 'error')
        .map((t) => ({
        file: t.file ?? '',
        line: t.line,
        column: null,
        rule: t.outcome === 'error' ? 'test-error' : 'test-failure',
        severity: 'error',
        message: `${t.name}: ${t.message || t.outcome}`,
    }))
        .filter((f) => f.file !== '');
}
const PYTEST_JUNIT = 'junit.xml';
const PYTEST_COBERTURA = 'coverage.xml';
const pytestCheck = (c) => ({
    id: 'pytest',
    phase: c.checks.pytest.phase,
    after: ['uv-sync'],
    requires: ['uv-sync'],
    timeoutSec: c.checks.pytest.timeoutSec,
    async run(ctx) {
        const junit = (0,external_node_path_namespaceObject.join)(ctx.outDir, PYTEST_JUNIT);
        const cobertura = (0,external_node_path_namespaceObject.join)(ctx.outDir, PYTEST_COBERTURA);
        const measure = c.checks.coverage.enabled || c.checks['diff-coverage'].enabled;
        const { argv } = toolCommand(ctx.uv, 'pytest', 'import-project', ctx.installedInProject, measure ? ['pytest-cov'] : []);
        const covArgs = measure
            ? [...(c.coverageHasSource ? ['--cov'] : ctx.sources.map((s) => `--cov=${s}`)), `--cov-report=xml:${cobertura}`, '--cov-fail-under=0']
            : [];
        // xunit1 keeps file and line on each test case, which the annotations need.
        const r = await ctx.exec('pytest', [...argv, '-o', 'junit_family=xunit1', `--junitxml=${junit}`, ...covArgs, '-p', 'no:cacheprovider', ...c.checks.pytest.args], { timeoutSec: this.timeoutSec });
        const broken = brokenProcess(r, this.timeoutSec, 'pytest');
        if (broken)
            return broken;
        return readingReports(async () => {
            let content;
            try {
                content = await ctx.readReport(junit);
            }
            catch (e) {
                if (e instanceof ReportError) {
                    return outcome('error', `pytest exited ${r.exitCode} and wrote no JUnit report (${junit}): ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
                }
                throw e;
            }
            const { cases } = junit_parseJunit(content, junit, c.projectDir);
            const totals = summarizeTests(cases);
            const tests = { totals, cases };
            const counts = `${totals.passed} passed, ${totals.failed} failed, ${totals.errors} errors, ${totals.skipped} skipped`;
            const findings = failingTestFindings(cases);
            if (totals.failed + totals.errors > 0)
                return outcome('failed', counts, { exitCode: r.exitCode, tests, findings, outputTail: tail(r.output) });
            if (totals.total - totals.skipped === 0) {
                return outcome('failed', `no test ran (pytest exit ${r.exitCode}): at least one test must run`, { exitCode: r.exitCode, tests, outputTail: tail(r.output) });
            }
            if (r.exitCode !== 0) {
                // Exit 2-4: interrupted, internal error or usage error, with no failing test to show for it.
                return outcome('error', `pytest exited ${r.exitCode} (${counts}): ${lastLine(r.output)}`, { exitCode: r.exitCode, tests, outputTail: tail(r.output) });
            }
            return outcome('passed', counts, { exitCode: 0, tests });
        }, r.output);
    },
});
/** The five least-covered files, for the comment's "worst files" table. */
function worstFiles(files, n = 5) {
    return files
        .map((f) => ({ file: f.file, percent: Math.round(coverageTotals([f]).percent * 100) / 100 }))
        .sort((a, b) => a.percent - b.percent || a.file.localeCompare(b.file))
        .slice(0, n);
}
async function readCoverage(ctx) {
    const pytest = ctx.finished.get('pytest');
    if (!pytest || pytest.status === 'skipped')
        return outcome('skipped', 'pytest did not run, so there is no coverage data');
    // No test ran: the tests phase already fails for it, and coverage.py wrote nothing to measure.
    if (pytest.tests && pytest.tests.totals.total - pytest.tests.totals.skipped === 0)
        return outcome('skipped', 'no test ran, so nothing was measured');
    const path = (0,external_node_path_namespaceObject.join)(ctx.outDir, PYTEST_COBERTURA);
    let content;
    try {
        content = await ctx.readReport(path);
    }
    catch (e) {
        if (e instanceof ReportError)
            return outcome('error', `pytest wrote no coverage report (${e.reason}); pytest ${pytest.status}: ${pytest.summary}`);
        throw e;
    }
    return cobertura_parseCobertura(content, path, ctx.config.projectDir, { exists: external_node_fs_namespaceObject.existsSync }).files;
}
const coverageCheck = (c) => ({
    id: 'coverage',
    phase: c.checks.coverage.phase,
    after: ['pytest'],
    requires: [],
    timeoutSec: 60,
    async run(ctx) {
        return readingReports(async () => {
            const files = await readCoverage(ctx);
            if (!Array.isArray(files))
                return files;
            const totals = coverageTotals(files);
            const ok = totals.percent >= c.coverageFloor;
            const coverage = { totals, floor: c.coverageFloor, diffPercent: null, diffFloor: null, worstFiles: worstFiles(files) };
            return outcome(ok ? 'passed' : 'failed', `${pct(totals.percent)} ${ok ? '≥' : '<'} floor ${c.coverageFloor}% (${c.coverageFloorSource})`, { coverage });
        });
    },
});
const diffCoverageCheck = (c) => ({
    id: 'diff-coverage',
    phase: c.checks['diff-coverage'].phase,
    after: ['pytest'],
    requires: [],
    timeoutSec: 120,
    async run(ctx) {
        if (c.base === null)
            return outcome('skipped', 'no base to compare with (--base REF, or the pull request base)');
        const mb = await ctx.exec('diff-coverage', ['git', 'merge-base', c.base, 'HEAD'], { timeoutSec: 60 });
        const mergeBase = lastLine(mb.output);
        if (mb.exitCode !== 0 || !/^[0-9a-f]{40,64}$/.test(mergeBase)) {
            if (c.baseFromEvent)
                return outcome('skipped', `the pull request base ${c.base.slice(0, 12)} is not in this checkout — use actions/checkout with fetch-depth: 0 for diff coverage`);
            return outcome('error', `cannot find the merge base of ${c.base} and HEAD (${lastLine(mb.output) || processFailure(mb, 60)}) — fetch the base (actions/checkout with fetch-depth: 0)`, { exitCode: mb.exitCode });
        }
        const d = await ctx.exec('diff-coverage', ['git', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--relative', mergeBase], { timeoutSec: 60 });
        if (d.exitCode !== 0)
            return outcome('error', `git diff failed: ${lastLine(d.output)}`, { exitCode: d.exitCode });
        const cut = truncatedStdout(d, 'git diff');
        if (cut)
            return cut;
        return readingReports(async () => {
            const files = await readCoverage(ctx);
            if (!Array.isArray(files))
                return files;
            const added = parseAddedLines(d.stdout);
            const result = diffCoverage(added, files);
            const changedLines = Object.fromEntries([...added].map(([file, lines]) => [file, [...lines].sort((a, b) => a - b)]));
            const totals = coverageTotals(files);
            const coverage = { totals, floor: c.coverageFloor, diffPercent: result.percent, diffFloor: c.diffCoverageFloor, worstFiles: worstFiles(files) };
            if (result.percent === null)
                return outcome('passed', `no coverable line changed since ${c.base}`, { coverage, changedLines });
            const ok = result.percent >= c.diffCoverageFloor;
            const findings = result.files
                .filter((f) => f.missing.length > 0)
                .map((f) => ({ file: f.file, line: f.missing[0], column: null, rule: 'diff-coverage', severity: 'warning', message: `${plural(f.missing.length, 'changed line')} not covered by tests: ${f.missing.slice(0, 20).join(', ')}${f.missing.length > 20 ? ', …' : ''}` }));
            return outcome(ok ? 'passed' : 'failed', `${pct(result.percent)} of ${plural(result.total, 'changed line')} covered ${ok ? '≥' : '<'} floor ${c.diffCoverageFloor}%`, { coverage, findings, changedLines });
        });
    },
});
/** Requirements in a pip requirements file (continuation lines joined), and how many carry no `--hash`. */
function countRequirements(text) {
    const logical = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((l) => l.replace(/(^|\s)#.*$/, '').trim()).filter((l) => l !== '' && !l.startsWith('-'));
    return { total: logical.length, unhashed: logical.filter((l) => !l.includes('--hash=')).length };
}
const pipAuditCheck = (c, locked) => ({
    ...startsAfter('pip-audit', locked),
    id: 'pip-audit',
    phase: c.checks['pip-audit'].phase,
    timeoutSec: c.checks['pip-audit'].timeoutSec,
    async run(ctx) {
        const requirements = (0,external_node_path_namespaceObject.join)(ctx.outDir, 'requirements.txt');
        const report = (0,external_node_path_namespaceObject.join)(ctx.outDir, 'pip-audit.json');
        const exp = await ctx.exec('pip-audit', [ctx.uv, 'export', '--format', 'requirements-txt', '--locked', '--no-emit-project', '--quiet', '--output-file', requirements], { timeoutSec: 120 });
        const brokenExport = brokenProcess(exp, 120, 'uv export');
        if (brokenExport)
            return brokenExport;
        if (exp.exitCode !== 0)
            return outcome('error', `uv export --locked failed, so nothing could be audited: ${lastLine(exp.output)}`, { exitCode: exp.exitCode, outputTail: tail(exp.output) });
        let counted;
        try {
            counted = countRequirements(await ctx.readReport(requirements));
        }
        catch (e) {
            if (e instanceof ReportError)
                return outcome('error', `uv export wrote no readable requirements: ${e.message}`, { exitCode: exp.exitCode });
            throw e;
        }
        const { total, unhashed } = counted;
        if (total === 0)
            return outcome('passed', 'no third-party dependencies to audit', { exitCode: 0, vulnerabilities: [] });
        const { argv } = toolCommand(ctx.uv, 'pip-audit', 'isolated', ctx.installedInProject);
        // --disable-pip needs hashes on every line; path and VCS dependencies have none, and then --no-deps
        // (every line of uv's export is an exact pin already) lets pip-audit audit them without resolving.
        const noDeps = unhashed > 0 ? ['--no-deps'] : [];
        const service = ['-s', 'osv', ...(c.osvUrl ? ['--osv-url', c.osvUrl] : [])];
        const r = await ctx.exec('pip-audit', [...argv, '-r', requirements, '--disable-pip', ...noDeps, '-f', 'json', '-o', report, '--progress-spinner', 'off', ...service, ...c.checks['pip-audit'].args], { timeoutSec: this.timeoutSec });
        const broken = brokenProcess(r, this.timeoutSec, 'pip-audit');
        if (broken)
            return broken;
        // Exit 1 means "vulnerable" or "broken" (e.g. the vulnerability service unreachable): the JSON decides.
        return readingReports(async () => {
            let content;
            try {
                content = await ctx.readReport(report);
            }
            catch (e) {
                if (e instanceof ReportError) {
                    return outcome('error', `pip-audit exited ${r.exitCode} without a report — is the vulnerability service reachable? ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
                }
                throw e;
            }
            const { vulnerabilities, skipped, ignoredCount } = parsePipAuditJson(content, report, c.ignoreVulns);
            const skippedNote = skipped.length > 0 ? ` (${plural(skipped.length, 'package')} not auditable: ${skipped.map((s) => s.name).slice(0, 5).join(', ')})` : '';
            if (vulnerabilities.length > 0) {
                const packages = new Set(vulnerabilities.map((v) => v.package)).size;
                return outcome('failed', `${plural(vulnerabilities.length, 'known vulnerability')} in ${plural(packages, 'package')}${skippedNote}`.replace('vulnerabilitys', 'vulnerabilities'), { exitCode: r.exitCode, vulnerabilities });
            }
            // pip-audit exits 1 for vulnerabilities we then ignore; any other non-zero exit without findings is broken.
            if (r.exitCode !== 0 && ignoredCount === 0)
                return outcome('error', `pip-audit exited ${r.exitCode} with no vulnerability in its report: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
            const ignored = ignoredCount > 0 ? `, ${plural(ignoredCount, 'ignored vulnerability')}`.replace('vulnerabilitys', 'vulnerabilities') : '';
            return outcome('passed', `no known vulnerabilities${ignored}${skippedNote}`, { exitCode: 0, vulnerabilities: [] });
        }, r.output);
    },
});
const banditCheck = (c, locked) => ({
    ...startsAfter('bandit', locked),
    id: 'bandit',
    phase: c.checks.bandit.phase,
    timeoutSec: c.checks.bandit.timeoutSec,
    async run(ctx) {
        const report = (0,external_node_path_namespaceObject.join)(ctx.outDir, 'bandit.json');
        const { argv } = toolCommand(ctx.uv, 'bandit', 'isolated', ctx.installedInProject);
        const r = await ctx.exec('bandit', [...argv, '-r', ...ctx.sources, '-f', 'json', '-o', report, '-q', ...c.checks.bandit.args], { timeoutSec: this.timeoutSec });
        const broken = brokenProcess(r, this.timeoutSec, 'bandit');
        if (broken)
            return broken;
        if (r.exitCode !== 0 && r.exitCode !== 1)
            return outcome('error', `bandit exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
        return readingReports(async () => {
            const findings = parseBanditJson(await ctx.readReport(report), report, c.projectDir, { severity: c.banditSeverity, confidence: c.banditConfidence });
            const at = `at or above ${c.banditSeverity} severity / ${c.banditConfidence} confidence`;
            return outcome(findings.length === 0 ? 'passed' : 'failed', findings.length === 0 ? `no issues ${at}` : `${plural(findings.length, 'issue')} ${at}`, { exitCode: r.exitCode, findings });
        }, r.output);
    },
});
const customCheck = (c, custom) => ({
    id: custom.id,
    phase: custom.phase,
    after: ['uv-sync'],
    requires: ['uv-sync'],
    timeoutSec: custom.timeoutSec,
    async run(ctx) {
        const r = await ctx.exec(custom.id, custom.command, { timeoutSec: custom.timeoutSec });
        const broken = brokenProcess(r, custom.timeoutSec, custom.command[0]);
        if (broken)
            return broken;
        return readingReports(async () => {
            const parts = [];
            let tests;
            let findings = [];
            let failed = r.exitCode !== 0;
            if (custom.junit) {
                const path = (0,external_node_path_namespaceObject.join)(c.projectDir, custom.junit);
                const { cases } = junit_parseJunit(await ctx.readReport(path), path, c.projectDir);
                const totals = summarizeTests(cases);
                tests = { totals, cases };
                findings = failingTestFindings(cases);
                failed ||= totals.failed + totals.errors > 0;
                parts.push(`${totals.passed} passed, ${totals.failed} failed, ${totals.errors} errors, ${totals.skipped} skipped`);
                // As for pytest: a JUnit report in which no test ran proves nothing (an empty or all-skipped file is no pass).
                if (totals.total - totals.skipped === 0) {
                    failed = true;
                    parts.push('no test ran: at least one test must run');
                }
            }
            if (custom.cobertura) {
                const path = (0,external_node_path_namespaceObject.join)(c.projectDir, custom.cobertura);
                const totals = coverageTotals(cobertura_parseCobertura(await ctx.readReport(path), path, c.projectDir, { exists: external_node_fs_namespaceObject.existsSync }).files);
                parts.push(`coverage ${pct(totals.percent)}`);
            }
            if (r.exitCode !== 0)
                parts.push(`exit ${r.exitCode}: ${lastLine(r.output)}`);
            const summary = parts.join(' · ') || 'exit 0';
            return outcome(failed ? 'failed' : 'passed', summary, { exitCode: r.exitCode, findings, ...(tests ? { tests } : {}), ...(failed ? { outputTail: tail(r.output) } : {}) });
        }, r.output);
    },
});
/** Every check the configuration asks for, in phase order. Disabled ones are returned separately as skipped. */
function buildChecks(c, locked = new Set()) {
    const all = [
        uvCheck(c), pythonCheck(c), syncCheck(c), ruffFormatCheck(c, locked), ruffCheck(c, locked), typesCheck(c), pytestCheck(c),
        coverageCheck(c), diffCoverageCheck(c), pipAuditCheck(c, locked), banditCheck(c, locked),
    ];
    const enabled = all.filter((d) => c.checks[d.id].enabled);
    const disabled = all.filter((d) => !enabled.includes(d)).map((d) => ({ id: d.id, phase: d.phase }));
    enabled.push(...c.custom.map((x) => customCheck(c, x)));
    return { enabled, disabled };
}

;// CONCATENATED MODULE: ./src/checks/runner.ts
/** `makeContext` receives the abort signal of the check so fail-fast can stop what is still running. */
async function runChecks(defs, makeContext, opts) {
    const now = opts.now ?? Date.now;
    const finished = new Map();
    const pending = [...defs];
    const running = new Map();
    const known = new Set(defs.map((d) => d.id));
    const phaseOf = (name) => opts.phases.indexOf(name);
    // Held in an object: it is set inside the check callbacks, which TypeScript's narrowing cannot follow.
    const stop = { from: null };
    const finish = (result) => {
        finished.set(result.id, result);
        opts.onEvent?.({ type: 'finish', result });
    };
    const skip = (def, summary) => finish({ id: def.id, phase: def.phase, status: 'skipped', summary, durationMs: 0, exitCode: null, findings: [] });
    // Children lead their own sessions (so timeouts can kill whole trees); a terminal's Ctrl-C therefore never
    // reaches them, and the run must pass the cancellation on itself.
    const cancelled = () => (opts.signal?.aborted ? `cancelled (${String(opts.signal.reason ?? 'aborted')})` : null);
    opts.signal?.addEventListener('abort', () => {
        for (const r of running.values())
            r.abort.abort();
    });
    const start = (def) => {
        const abort = new AbortController();
        opts.onEvent?.({ type: 'start', id: def.id, phase: def.phase });
        const started = now();
        const promise = (async () => {
            let partial;
            try {
                partial = await def.run(makeContext(finished, abort.signal));
            }
            catch (e) {
                // A bug or an unexpected failure inside a check is that check's error, never a pass, never a crash of the run.
                partial = { status: 'error', summary: `internal error: ${e instanceof Error ? e.message : String(e)}`, exitCode: null, findings: [] };
            }
            if (abort.signal.aborted && cancelled()) {
                // A cancelled check did not finish its job: that is an error, never a pass.
                partial = { status: 'error', summary: cancelled(), exitCode: null, findings: [] };
            }
            else if (abort.signal.aborted && stop.from) {
                partial = { status: 'skipped', summary: `cancelled by fail-fast: ${stop.from.reason}`, exitCode: null, findings: [] };
            }
            running.delete(def.id);
            const result = { ...partial, id: def.id, phase: def.phase, durationMs: Math.round(now() - started) };
            finish(result);
            const p = phaseOf(def.phase);
            if (opts.failFast && p <= opts.gateIndex && (result.status === 'failed' || result.status === 'error') && stop.from === null) {
                stop.from = { phase: p, reason: `${def.id} ${result.status} in ${def.phase}` };
                for (const r of running.values())
                    if (phaseOf(r.def.phase) > p)
                        r.abort.abort();
            }
        })();
        running.set(def.id, { def, abort, promise });
    };
    while (pending.length > 0 || running.size > 0) {
        let progressed = false;
        for (let i = 0; i < pending.length; i++) {
            const def = pending[i];
            if (cancelled()) {
                pending.splice(i--, 1);
                finish({ id: def.id, phase: def.phase, status: 'error', summary: `not run: ${cancelled()}`, durationMs: 0, exitCode: null, findings: [] });
                progressed = true;
                continue;
            }
            if (stop.from && phaseOf(def.phase) > stop.from.phase) {
                pending.splice(i--, 1);
                skip(def, `skipped by fail-fast: ${stop.from.reason}`);
                progressed = true;
                continue;
            }
            const waitingFor = def.after.filter((a) => known.has(a) && !finished.has(a));
            if (waitingFor.length > 0)
                continue;
            const unmet = def.requires.map((r) => finished.get(r)).find((r) => r !== undefined && r.status !== 'passed');
            if (unmet) {
                pending.splice(i--, 1);
                skip(def, `needs ${unmet.id}, which ${unmet.status === 'skipped' ? 'was skipped' : unmet.status === 'error' ? 'could not run' : 'failed'}`);
                progressed = true;
                continue;
            }
            if (running.size >= opts.concurrency)
                continue;
            pending.splice(i--, 1);
            start(def);
            progressed = true;
        }
        if (!progressed && running.size === 0 && pending.length > 0) {
            // A dependency that is not among the enabled checks and never finishes would deadlock; it cannot happen
            // because `after` ignores unknown ids, but refuse loudly rather than hang if it ever does.
            throw new Error(`checks cannot be scheduled: ${pending.map((d) => d.id).join(', ')}`);
        }
        if (!progressed && running.size > 0)
            await Promise.race([...running.values()].map((r) => r.promise));
    }
    const order = new Map(defs.map((d, i) => [d.id, i]));
    return [...finished.values()].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

;// CONCATENATED MODULE: ./src/gate/report.ts
/** How much of each failure's traceback the JSON keeps: enough to diagnose, bounded for 10k failures. */
const DETAILS_LIMIT = 4000;
function buildGateReport(decision, gateName, results) {
    const testsCheck = results.find((r) => r.tests !== undefined);
    // The total comes from the coverage check, the diff figures from diff-coverage; either may be disabled.
    const coverageCheck = results.find((r) => r.id === 'coverage' && r.coverage !== undefined) ?? results.find((r) => r.coverage !== undefined);
    const diffCheck = results.find((r) => r.id === 'diff-coverage' && r.coverage !== undefined);
    const tests = testsCheck?.tests
        ? {
            ...testsCheck.tests.totals,
            failures: testsCheck.tests.cases
                .filter((c) => c.outcome === 'failed' || c.outcome === 'error')
                .map((c) => ({
                name: c.classname ? `${c.classname}::${c.name}` : c.name,
                file: c.file,
                line: c.line,
                message: c.message,
                details: c.details.length > DETAILS_LIMIT ? `${c.details.slice(0, DETAILS_LIMIT)}…` : c.details,
            })),
        }
        : null;
    const cov = coverageCheck?.coverage && diffCheck?.coverage
        ? { ...coverageCheck.coverage, diffPercent: diffCheck.coverage.diffPercent, diffFloor: diffCheck.coverage.diffFloor }
        : coverageCheck?.coverage;
    return {
        schema: 1,
        verdict: decision.verdict,
        gate: gateName,
        phaseReached: decision.phaseReached,
        blockedBy: decision.blockedBy,
        why: decision.why,
        phases: decision.phases.map((p) => ({
            index: p.index,
            name: p.name,
            required: p.required,
            status: p.status,
            checks: p.checks.map((c) => ({ id: c.id, status: c.status, summary: c.summary, durationMs: c.durationMs, findings: c.findings })),
        })),
        tests,
        coverage: cov
            ? { percent: round2(cov.totals.percent), floor: cov.floor, diffPercent: cov.diffPercent === null ? null : round2(cov.diffPercent), diffFloor: cov.diffFloor, worstFiles: cov.worstFiles }
            : null,
        vulnerabilities: results.flatMap((r) => r.vulnerabilities ?? []),
    };
}
const round2 = (n) => Math.round(n * 100) / 100;
/** All findings of the report, for annotations. */
function allFindings(report) {
    return report.phases.flatMap((p) => p.checks.flatMap((c) => c.findings));
}
const SEVERITIES = (/* unused pure expression or super */ null && (['error', 'warning', 'notice']));

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/reports/loader.ts
/**
 * The one module that reads report files from disk. Size is checked before reading (and enforced while
 * reading, should the file grow in between); bytes are decoded strictly (UTF-8 or UTF-16 with BOM).
 * Every failure is a ReportError naming the file, so the check that needed it fails closed.
 */







async function readReportFile(path, opts = {}) {
    const maxBytes = opts.maxBytes ?? xml_DEFAULT_MAX_XML_BYTES;
    // stat first: a missing file, a directory, a FIFO or an oversize file is refused before it is opened.
    try {
        const st = await (0,promises_namespaceObject.stat)(path);
        if (!st.isFile())
            throw new ReportError(path, 'unreadable (not a regular file)');
        if (st.size > maxBytes)
            throw new ReportError(path, `too large (${st.size} bytes > ${maxBytes})`);
    }
    catch (err) {
        if (err instanceof ReportError)
            throw err;
        throw errnoError(path, err);
    }
    let handle;
    try {
        // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it must not hang.
        handle = await (0,promises_namespaceObject.open)(path, process.platform === 'win32' ? 'r' : external_node_fs_namespaceObject.constants.O_RDONLY | external_node_fs_namespaceObject.constants.O_NONBLOCK);
    }
    catch (err) {
        throw errnoError(path, err);
    }
    try {
        let size;
        try {
            const st = await handle.stat();
            if (!st.isFile())
                throw new ReportError(path, 'unreadable (not a regular file)');
            size = st.size;
        }
        catch (err) {
            if (err instanceof ReportError)
                throw err;
            throw errnoError(path, err);
        }
        if (size > maxBytes)
            throw new ReportError(path, `too large (${size} bytes > ${maxBytes})`);
        // Read at most maxBytes + 1: a file that grew past the cap after the stat is still refused.
        const buf = Buffer.alloc(Math.min(size, maxBytes) + 1);
        let filled = 0;
        try {
            for (;;) {
                const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
                if (bytesRead === 0)
                    break;
                filled += bytesRead;
                if (filled === buf.length) {
                    if (filled > maxBytes)
                        throw new ReportError(path, `too large (more than ${maxBytes} bytes)`);
                    break;
                }
            }
        }
        catch (err) {
            if (err instanceof ReportError)
                throw err;
            throw errnoError(path, err);
        }
        return decodeReportBytes(buf.subarray(0, filled), path);
    }
    finally {
        await handle.close().catch(() => undefined);
    }
}
function errnoError(path, err) {
    const code = err.code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return new ReportError(path, 'not found');
    return new ReportError(path, `unreadable (${code ?? (err instanceof Error ? err.message : String(err))})`);
}
/** Reads and parses a JUnit report (pytest xunit1/xunit2 or any runner's JUnit). */
async function loadJunit(path, projectRoot, opts = {}) {
    return parseJunit(await readReportFile(path, opts), path, projectRoot, { xml: { maxBytes: opts.maxBytes ?? DEFAULT_MAX_XML_BYTES } });
}
/** Reads and parses a Cobertura report; class filenames are resolved against the real files when ambiguous. */
async function loadCobertura(path, projectRoot, opts = {}) {
    return parseCobertura(await readReportFile(path, opts), path, projectRoot, {
        exists: (p) => existsSync(toNativePath(p)),
        xml: { maxBytes: opts.maxBytes ?? DEFAULT_MAX_XML_BYTES },
    });
}
/** The POSIX paths the parsers use, back in the platform's form for the filesystem. */
function toNativePath(p) {
    return process.platform === 'win32' ? toPosix(p).replace(/\//g, '\\') : p;
}

;// CONCATENATED MODULE: ./src/engine.ts
/**
 * The gate engine shared by the action and the CLI: configuration in, checks run, report and decision out.
 * Side effects (processes, the log) come in through `EngineDeps`.
 */










/** Report files are capped so a hostile or runaway tool cannot exhaust memory (SECURITY.md R5.2). */
const REPORT_MAX_BYTES = 256 * 1024 * 1024;
/** Where the project's code lives: `src/`, else top-level packages, else the project directory itself. */
function detectSources(projectDir) {
    if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(projectDir, 'src')) && (0,external_node_fs_namespaceObject.statSync)((0,external_node_path_namespaceObject.join)(projectDir, 'src')).isDirectory())
        return ['src'];
    const skip = new Set(['tests', 'test', 'docs', 'build', 'dist', '.venv', 'venv', 'node_modules']);
    const packages = (0,external_node_fs_namespaceObject.readdirSync)(projectDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !skip.has(d.name) && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(projectDir, d.name, '__init__.py')))
        .map((d) => d.name)
        .sort();
    return packages.length > 0 ? packages : ['.'];
}
function venvDirectory(projectDir, env) {
    const configured = env.UV_PROJECT_ENVIRONMENT;
    if (!configured)
        return (0,external_node_path_namespaceObject.join)(projectDir, '.venv');
    return configured.startsWith('/') || /^[A-Za-z]:[\\/]/.test(configured) ? configured : (0,external_node_path_namespaceObject.join)(projectDir, configured);
}
async function runGate(config, deps) {
    const outDir = deps.outDir ?? (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(deps.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(), 'nebula-gate-'));
    const venv = venvDirectory(config.projectDir, deps.env);
    const windows = process.platform === 'win32';
    const venvBin = (0,external_node_path_namespaceObject.join)(venv, windows ? 'Scripts' : 'bin');
    const facts = new Map([['venv-python', (0,external_node_path_namespaceObject.join)(venvBin, windows ? 'python.exe' : 'python')]]);
    const sources = detectSources(config.projectDir);
    const lockPath = (0,external_node_path_namespaceObject.join)(config.projectDir, 'uv.lock');
    const { enabled, disabled } = buildChecks(config, lockedPackages((0,external_node_fs_namespaceObject.existsSync)(lockPath) ? (0,external_node_fs_namespaceObject.readFileSync)(lockPath, 'utf8') : null));
    const makeContext = (finished, signal) => ({
        config,
        uv: deps.uv,
        outDir,
        sources,
        facts,
        finished,
        installedInProject: (tool) => (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(venvBin, windows ? `${tool}.exe` : tool)),
        readReport: (path) => readReportFile(path, { maxBytes: REPORT_MAX_BYTES }),
        venvCache: deps.venvCache,
        uvUnavailable: deps.uvUnavailable,
        async exec(checkId, argv, opts = {}) {
            const pythonPath = facts.get('python-path');
            const extra = {
                // Every uv call uses the interpreter the setup phase resolved; colour codes would garble parsed output.
                ...(pythonPath ? { UV_PYTHON: pythonPath } : {}),
                NO_COLOR: '1',
                UV_NO_PROGRESS: '1',
                PATH: `${venvBin}${windows ? ';' : ':'}${deps.env.PATH ?? ''}`,
                ...opts.env,
            };
            const result = await runProcess({
                argv,
                cwd: config.projectDir,
                env: childEnvironment(deps.env, extra),
                timeoutMs: (opts.timeoutSec ?? config.checks.pytest.timeoutSec) * 1000,
                signal,
            });
            deps.onProcess?.(checkId, argv, result);
            return result;
        },
    });
    const ran = await runChecks(enabled, makeContext, {
        concurrency: deps.concurrency ?? Math.max(1, (0,external_node_os_namespaceObject.availableParallelism)()),
        failFast: config.failFast,
        phases: config.phases,
        gateIndex: config.gateIndex,
        onEvent: deps.onEvent,
        signal: deps.signal,
    });
    const skipped = disabled.map((d) => ({ id: d.id, phase: d.phase, status: 'skipped', summary: 'disabled', durationMs: 0, exitCode: null, findings: [] }));
    // Keep the built-in order: disabled checks are listed where they would have run.
    const order = ['uv', 'python', 'uv-sync', 'ruff-format', 'ruff-check', 'types', 'pytest', 'coverage', 'diff-coverage', 'pip-audit', 'bandit'];
    const rank = (id) => (order.includes(id) ? order.indexOf(id) : order.length);
    const results = [...ran, ...skipped].sort((a, b) => rank(a.id) - rank(b.id));
    const decision = decide(config.phases, config.gateIndex, results);
    const report = buildGateReport(decision, config.phases[config.gateIndex], results);
    return { report, results, outDir, facts };
}

;// CONCATENATED MODULE: ./src/render/commands.ts
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
function commands_neutraliseCommands(input) {
    const s = typeof input === 'string' ? input : String(input ?? '');
    if (!s.includes('::') && !s.includes('##['))
        return s;
    return s.replace(COMMAND_AT_LINE_START, `$1$2:${ZWSP}:`).replace(/##\[/g, `#${ZWSP}#[`);
}

;// CONCATENATED MODULE: ./src/render/escape.ts
/**
 * The one escaping module (SECURITY.md R4.1). Every untrusted string that reaches Markdown or HTML goes
 * through a function here; nothing else in the renderer builds escapes of its own.
 *
 * Why a zero-width space (U+200B) after `@` and between `#` and a digit: GitHub finds mentions and issue
 * references in the *rendered* text, after Markdown escapes and HTML entities are decoded, so `\@` or
 * `&#64;` would still ping. A real U+200B character survives rendering and is not a username or number
 * character, so `@\u200bteam` and `#\u200b12` render as plain text (the long-standing practice of bots
 * such as Renovate). Inside fenced code blocks GitHub links neither mentions nor references, so
 * `codeBlock` leaves `@` and `#12` alone: people can copy a traceback exactly.
 */
const escape_ZWSP = '\u200b';
const MARKER_NOTE = '[marker removed]';
/** ANSI/VT escape sequences: CSI (7- and 8-bit), OSC (BEL or ST terminated), and two-byte ESC sequences. */
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
/** Every line terminator a reader (Markdown, .NET's ReadLine, a terminal) might honour. */
const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
/** C0/C1 controls except tab and newline, DEL, and the bidi overrides/isolates (visual spoofing). */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NEEDS_CLEANING = /[^\t\n\x20-\x7e]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const str = (s) => (typeof s === 'string' ? s : s === null || s === undefined ? '' : String(s));
/**
 * Removes ANSI sequences and control characters, turns every line terminator into `\n`, and replaces
 * lone surrogates with U+FFFD (they would not survive JSON to the API). Tabs and `\n` are kept.
 */
function stripControl(input) {
    const s = str(input);
    if (!NEEDS_CLEANING.test(s))
        return s; // the common case: printable ASCII, tabs and newlines
    return s.replace(ANSI, '').replace(LINE_BREAKS, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');
}
/** stripControl, then every newline and tab becomes one space: for text placed inside one line. */
function oneLine(input) {
    return stripControl(input).replace(/[\n\t]/g, ' ');
}
/** Anything that looks like the start of our hidden marker, up to its `-->` on the same line (or the line end). */
const MARKER_LIKE = /<!--\s*nebula[^\n]*?(?:-->|(?=\n)|$)/gi;
/**
 * Removes marker-like hidden comments (`<!-- nebula-gate…-->`) from untrusted text (R4.4), so a test name
 * cannot make another comment look like ours. Repeats until stable, so removal cannot splice a new one.
 */
function stripMarker(input) {
    let s = str(input);
    for (let i = 0; i < 8; i++) {
        const next = s.replace(MARKER_LIKE, MARKER_NOTE);
        if (next === s)
            return s;
        s = next;
    }
    // Pathological nesting: break every remaining comment opener instead.
    return s.replace(/<!--/g, `<!-${escape_ZWSP}-`);
}
/*
 * One pass over the string. Escapes:
 *  - HTML: & < > " '  (entities; `'` as &#x27; so no `#<digit>` appears in our own output)
 *  - Markdown: \ ` * _ [ ] ~ | # as backslash escapes (no emphasis, code spans, links, images, tables, headings)
 *  - `$` as &dollar; (GitHub math is parsed from the source; a backslash is not enough outside math)
 *  - `@` → `@` + ZWSP (no mention, no e-mail autolink); `#<digit>` and `GH-<digit>` → ZWSP before the digit
 *  - `://` and `www.` broken with ZWSP: links are only built by the action (no bare-URL autolinks)
 */
const MD_SPECIAL = /[&<>"'\\`*_[\]~|$@#]|gh-(?=\d)|:\/\/|www\./gi;
const HTML_SPECIAL = /[&<>"'$@#]|gh-(?=\d)|:\/\/|www\./gi;
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', $: '&dollar;' };
function escapeWith(input, re, markdown) {
    const s = stripMarker(oneLine(input));
    return s.replace(re, (m, offset) => {
        const entity = ENTITIES[m];
        if (entity !== undefined)
            return entity;
        if (m === '@')
            return `@${escape_ZWSP}`;
        if (m === '#') {
            const next = s.charCodeAt(offset + 1);
            const digit = next >= 48 && next <= 57;
            return `${markdown ? '\\#' : '#'}${digit ? escape_ZWSP : ''}`;
        }
        if (m === '://')
            return `:/${escape_ZWSP}/`;
        if (m.length === 1)
            return `\\${m}`; // Markdown punctuation
        if (m.length === 3)
            return `${m}${escape_ZWSP}`; // gh- before a digit
        return `${m.slice(0, 3)}${escape_ZWSP}.`; // www.
    });
}
/**
 * Escapes untrusted text for inline Markdown (a paragraph, a list line, a heading, a link text).
 * Newlines collapse to spaces. The result contains no raw `<`, `|`, mention, or `#<digit>`.
 * Place it after some trusted text on its line: a leading `-`, `+` or `1.` is not escaped.
 */
function escapeText(input) {
    return escapeWith(input, MD_SPECIAL, true);
}
/**
 * Escapes untrusted text for a raw-HTML context where Markdown is not parsed (`<summary>` on the
 * `<details>` line): entities only (a backslash would show), plus the same mention/reference defusal.
 */
function escapeHtml(input) {
    return escapeWith(input, HTML_SPECIAL, false);
}
/**
 * Escapes untrusted text for a GFM table cell. escapeText already escapes every `|` (GFM treats any `\|`
 * as a literal pipe in a cell, even inside code spans), so this is escapeText under the name callers
 * should reach for; kept separate so the rule "every `|` in a cell is escaped" has one obvious home.
 */
function escapeTableCell(input) {
    return escapeText(input);
}
const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;
/** The largest cut index ≤ i that does not split a surrogate pair. */
function cutBefore(s, i) {
    if (i <= 0)
        return 0;
    if (i >= s.length)
        return s.length;
    return isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1)) ? i - 1 : i;
}
/** The smallest cut index ≥ i that does not split a surrogate pair. */
function cutAfter(s, i) {
    if (i <= 0)
        return 0;
    if (i >= s.length)
        return s.length;
    return isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1)) ? i + 1 : i;
}
function codePoints(s, from, to) {
    let n = 0;
    for (let i = from; i < to; i++) {
        if (!(isLow(s.charCodeAt(i)) && i > from && isHigh(s.charCodeAt(i - 1))))
            n++;
    }
    return n;
}
const fmtCount = (n) => n.toLocaleString('en-US');
/** Keeps at most `max` UTF-16 units, ending with `…` when cut; never splits a surrogate pair. */
function truncateEnd(input, max) {
    const s = str(input);
    if (s.length <= max)
        return s;
    if (max <= 0)
        return '';
    return `${s.slice(0, cutBefore(s, max - 1))}…`;
}
/**
 * Keeps the head and the tail of `s` (the start of a traceback and the exception at its end), at most
 * `max` UTF-16 units in all, with `… N characters cut …` between them (on its own line when `s` has
 * several lines). N counts code points. Never splits a surrogate pair. R4.3.
 */
function truncateMiddle(input, max) {
    const s = str(input);
    if (!Number.isFinite(max) || s.length <= max)
        return s;
    const multiline = s.includes('\n');
    const note = (n) => (multiline ? `\n… ${fmtCount(n)} characters cut …\n` : ` … ${fmtCount(n)} characters cut … `);
    const room = max - note(s.length).length; // N ≤ s.length, so this note is the longest it can be
    if (room < 2)
        return truncateEnd(s, max);
    const headEnd = cutBefore(s, Math.ceil(room / 2));
    const tailStart = cutAfter(s, s.length - Math.floor(room / 2));
    return `${s.slice(0, headEnd)}${note(codePoints(s, headEnd, tailStart))}${s.slice(tailStart)}`;
}
/** The longest run of backticks in s. */
function longestBacktickRun(s) {
    let best = 0;
    let run = 0;
    for (let i = 0; i < s.length; i++) {
        if (s.charCodeAt(i) === 96) {
            run++;
            if (run > best)
                best = run;
        }
        else
            run = 0;
    }
    return best;
}
/**
 * A fenced code block whose fence is longer than any backtick run inside, so the content cannot close
 * it. Content is shown verbatim (code blocks are not linked for mentions or references on GitHub), with
 * controls, ANSI sequences and marker-like comments removed. `lang` keeps only [A-Za-z0-9_+.-].
 * The result has no trailing newline.
 */
function codeBlock(input, lang = '') {
    let body = stripMarker(stripControl(input));
    if (body.endsWith('\n'))
        body = body.slice(0, -1);
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
    const info = /^[A-Za-z0-9_+.-]{1,32}$/.test(lang) ? lang : '';
    return `${fence}${info}\n${body}\n${fence}`;
}

;// CONCATENATED MODULE: ./src/render/paths.ts
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
function repoRelativePath(input) {
    if (typeof input !== 'string')
        return null;
    let p = input;
    while (p.startsWith('./'))
        p = p.slice(2);
    if (p.length === 0 || p.length > MAX_PATH)
        return null;
    if (FORBIDDEN.test(p))
        return null;
    if (p.startsWith('/') || p.startsWith('~') || /^[A-Za-z]:/.test(p))
        return null;
    for (const segment of p.split('/')) {
        if (segment === '' || segment === '.' || segment === '..')
            return null;
    }
    return p;
}
/** Percent-encodes one path segment for a URL, including the characters encodeURIComponent keeps. */
function encodeSegment(segment) {
    return encodeURIComponent(segment).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function encodePath(path) {
    return path.split('/').map(encodeSegment).join('/');
}
/**
 * A builder of blob URLs, or null when the base is missing or malformed (then no links are rendered).
 * The result contains no space, parenthesis, `<`, `>`, `|` or quote: safe as a Markdown link destination.
 */
function blobUrlBuilder(base) {
    if (!base)
        return null;
    const server = typeof base.serverUrl === 'string' ? base.serverUrl.replace(/\/+$/, '') : '';
    if (!/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[A-Za-z0-9._~-]+)*$/.test(server))
        return null;
    if (typeof base.repo !== 'string' || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(base.repo))
        return null;
    if (typeof base.sha !== 'string' || !/^[0-9a-fA-F]{7,64}$/.test(base.sha))
        return null;
    const prefix = `${server}/${base.repo}/blob/${base.sha}/`;
    return (path, line) => {
        const p = repoRelativePath(path);
        if (p === null)
            return null;
        const anchor = line !== null && Number.isSafeInteger(line) && line > 0 ? `#L${line}` : '';
        return `${prefix}${encodePath(p)}${anchor}`;
    };
}

;// CONCATENATED MODULE: ./src/render/markdown.ts


/** GitHub's limit on a comment body, in characters (we count UTF-16 units, which is never fewer). */
const COMMENT_LIMIT = 65_536;
const DEFAULT_COMMENT_BUDGET = 60_000;
/** GitHub's limit on one step's job summary, in bytes. */
const SUMMARY_LIMIT = 1_048_576;
const DEFAULT_SUMMARY_BUDGET = 1_000_000;
const MIN_BUDGET = 500;
const MARKER_MAX = 200;
/** The PR comment (R3.1): never over the budget, never over 65,536 characters; fences and details balanced. */
function renderComment(report, opts = {}) {
    return render(report, opts, {
        limit: COMMENT_LIMIT,
        defaultBudget: DEFAULT_COMMENT_BUDGET,
        measure: (s) => s.length,
        limitText: "GitHub's 65,536-character comment limit",
    });
}
/** The job summary (R3.3): the same renderer, measured in UTF-8 bytes, at most 1,048,576. */
function renderSummary(report, opts = {}) {
    return render(report, opts, {
        limit: SUMMARY_LIMIT,
        defaultBudget: DEFAULT_SUMMARY_BUDGET,
        measure: (s) => Buffer.byteLength(s, 'utf8'),
        limitText: "GitHub's 1 MiB job-summary limit",
    });
}
// ---------------------------------------------------------------------------------------------------------
// Formatting helpers
const STATUS = { passed: '✅ passed', failed: '❌ failed', error: '⚠️ error', skipped: '⏭️ skipped' };
const statusCell = (s) => STATUS[s] ?? `❔ ${escapeTableCell(String(s))}`;
const num = (n) => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '?');
const markdown_count = (n) => (typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en-US') : '?');
const markdown_pct = (n) => (typeof n === 'number' && Number.isFinite(n) ? `${Math.round(n * 10) / 10}%` : '?');
function formatDuration(ms) {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
        return '—';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const total = Math.round(ms / 1000);
    return `${Math.floor(total / 60)} min ${total % 60} s`;
}
const markdown_plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
/** Clip raw untrusted text before escaping it (escaped text is never cut: that could split an escape). */
const markdown_clip = (s, max) => truncateEnd(oneLine(typeof s === 'string' ? s : ''), max);
/** `path:line` as a link we build (R4.1), or escaped plain text when the path or the base is not valid. */
function markdown_location(urlFor, file, line, column = null) {
    if (file === null || file === '')
        return '—';
    const ln = typeof line === 'number' && Number.isSafeInteger(line) && line > 0 ? line : null;
    const col = ln !== null && typeof column === 'number' && Number.isSafeInteger(column) && column > 0 ? column : null;
    const label = escapeTableCell(`${markdown_clip(file, 200)}${ln !== null ? `:${ln}` : ''}${col !== null ? `:${col}` : ''}`);
    const url = urlFor && repoRelativePath(file) !== null ? urlFor(file, ln) : null;
    // Inside link text, `![x](y)` with escaped brackets is still an image to some GFM parsers (marked re-reads the
    // unescaped label): escaping `!`, `(` and `)` as well keeps it literal everywhere (test/render/gfm.test.ts).
    return url === null ? label : `[${label.replace(/[!()]/g, '\\$&')}](${url})`;
}
// ---------------------------------------------------------------------------------------------------------
// Sections: collapsed details whose items can be shortened, capped or dropped
/** Detail levels, tried in order: the first shortens tracebacks the least. */
const markdown_LEVELS = [
    { details: 3000, message: 1000, text: 500 },
    { details: 1000, message: 500, text: 300 },
    { details: 300, message: 300, text: 200 },
    { details: 0, message: 200, text: 120 },
];
const LAST_LEVEL = markdown_LEVELS.length - 1;
function testsSection(report, urlFor, priority) {
    const failures = report.tests?.failures ?? [];
    if (failures.length === 0)
        return null;
    const t = report.tests;
    return {
        priority,
        title: `❌ Failing tests: ${markdown_count(failures.length)}${t ? ` of ${markdown_count(t.total)}` : ''}`,
        intro: '',
        tableHeader: '',
        count: failures.length,
        noun: 'failing tests',
        item: (i, level) => {
            const f = failures[i];
            const lv = markdown_LEVELS[level];
            const loc = f.file ? ` — ${markdown_location(urlFor, f.file, f.line)}` : '';
            const message = truncateMiddle(typeof f.message === 'string' ? f.message : '', lv.message);
            const details = lv.details > 0 && typeof f.details === 'string' && f.details.trim() !== '' ? truncateMiddle(f.details, lv.details) : '';
            const body = [message, details].filter((s) => s.trim() !== '').join('\n\n');
            const block = body === '' ? '_no message_' : codeBlock(body);
            return `**${escapeText(markdown_clip(f.name, 300))}**${loc}\n\n${block}\n\n`;
        },
    };
}
function coverageSection(report, urlFor, priority) {
    const c = report.coverage;
    if (!c)
        return null;
    const ok = (v, floor) => (v >= floor ? '✅' : '❌');
    const diff = c.diffPercent !== null && c.diffPercent !== undefined
        ? ` · changed lines ${markdown_pct(c.diffPercent)}${c.diffFloor !== null && c.diffFloor !== undefined ? ` (floor ${markdown_pct(c.diffFloor)}) ${ok(c.diffPercent, c.diffFloor)}` : ''}`
        : '';
    const title = `📊 Coverage ${markdown_pct(c.percent)} (floor ${markdown_pct(c.floor)}) ${ok(c.percent, c.floor)}${diff}`;
    const worst = Array.isArray(c.worstFiles) ? c.worstFiles : [];
    const intro = `Total coverage: **${markdown_pct(c.percent)}** against a floor of ${markdown_pct(c.floor)}${diff !== '' ? `; coverage of changed lines: **${markdown_pct(c.diffPercent)}**${c.diffFloor !== null && c.diffFloor !== undefined ? ` against ${markdown_pct(c.diffFloor)}` : ''}` : ''}.\n\n${worst.length > 0 ? 'Least covered files:\n\n' : ''}`;
    return {
        priority,
        title,
        intro,
        tableHeader: '| File | Coverage |\n| --- | --- |\n',
        count: worst.length,
        noun: 'files',
        item: (i) => {
            const w = worst[i];
            return `| ${markdown_location(urlFor, w.file, null)} | ${markdown_pct(w.percent)} |\n`;
        },
    };
}
function findingsSection(checkId, findings, urlFor, priority) {
    const kind = checkId === 'bandit' ? 'security issue' : 'finding';
    return {
        priority,
        title: `🔎 ${markdown_clip(checkId, 100)}: ${markdown_plural(findings.length, kind)}`,
        intro: '',
        tableHeader: '| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n',
        count: findings.length,
        noun: `${kind}s`,
        item: (i, level) => {
            const f = findings[i];
            const lv = markdown_LEVELS[level];
            return `| ${markdown_location(urlFor, f.file, f.line, f.column)} | ${escapeTableCell(markdown_clip(f.severity, 20))} | ${escapeTableCell(markdown_clip(f.rule, 80))} | ${escapeTableCell(markdown_clip(f.message, lv.text))} |\n`;
        },
    };
}
function vulnerabilitiesSection(vulns, priority) {
    if (vulns.length === 0)
        return null;
    return {
        priority,
        title: `🛡️ Vulnerabilities: ${markdown_count(vulns.length)}`,
        intro: '',
        tableHeader: '| Package | Version | ID | Fixed in |\n| --- | --- | --- | --- |\n',
        count: vulns.length,
        noun: 'vulnerabilities',
        item: (i, level) => {
            const v = vulns[i];
            const aliases = Array.isArray(v.aliases) && v.aliases.length > 0 && level < LAST_LEVEL ? ` (${v.aliases.slice(0, 5).join(', ')})` : '';
            const fixes = Array.isArray(v.fixVersions) && v.fixVersions.length > 0 ? v.fixVersions.slice(0, 10).join(', ') : 'no fix yet';
            const cells = [markdown_clip(v.package, 100), markdown_clip(v.version, 60), markdown_clip(`${v.id}${aliases}`, 200), markdown_clip(fixes, 200)];
            return `| ${cells.map(escapeTableCell).join(' | ')} |\n`;
        },
    };
}
/** The phase a section belongs to, for its priority: a check id pattern, else a default phase name. */
function phaseOf(report, idPattern, name) {
    return report.phases.find((p) => p.checks.some((c) => idPattern.test(c.id))) ?? report.phases.find((p) => p.name === name) ?? null;
}
/** 0: the phase blocks the gate; 1: required; 2: advisory. Unknown phase → 1. */
function rank(phase) {
    if (phase === null)
        return 1;
    if (phase.required && (phase.status === 'failed' || phase.status === 'error'))
        return 0;
    return phase.required ? 1 : 2;
}
/** Display order: failing tests, coverage, findings per check (phase order), vulnerabilities. */
function buildSections(report, urlFor) {
    const sections = [];
    const testsPhase = phaseOf(report, /pytest|^tests?$/i, 'tests');
    const tests = testsSection(report, urlFor, [rank(testsPhase), 0, testsPhase?.index ?? 0, 0]);
    if (tests)
        sections.push(tests);
    const covPhase = phaseOf(report, /cov/i, 'coverage');
    const cov = coverageSection(report, urlFor, [rank(covPhase), 3, covPhase?.index ?? 0, 0]);
    if (cov)
        sections.push(cov);
    for (const phase of report.phases) {
        phase.checks.forEach((check, ci) => {
            if (Array.isArray(check.findings) && check.findings.length > 0) {
                sections.push(findingsSection(check.id, check.findings, urlFor, [rank(phase), 1, phase.index, ci]));
            }
        });
    }
    const vulnPhase = phaseOf(report, /audit/i, 'security');
    const vulns = vulnerabilitiesSection(Array.isArray(report.vulnerabilities) ? report.vulnerabilities : [], [rank(vulnPhase), 2, vulnPhase?.index ?? 0, 0]);
    if (vulns)
        sections.push(vulns);
    return sections;
}
// ---------------------------------------------------------------------------------------------------------
// The fixed part: marker, headline, why, table of phases × checks
function headline(report, title) {
    // Phases are numbered from 0 as in the design's table: "Phase 3 of 4 reached" is coverage of setup..security.
    const last = report.phases.length - 1;
    const reachedIndex = typeof report.phaseReached === 'number' && Number.isFinite(report.phaseReached) ? report.phaseReached : -1;
    const n = Math.max(-1, Math.min(last, reachedIndex));
    const reachedName = report.phases[n]?.name;
    const reached = n < 0 ? 'no phase reached' : `Phase ${n} of ${last} reached (${markdown_clip(reachedName, 60)})`;
    let verdict;
    if (report.verdict === 'pass')
        verdict = '✅ may merge';
    else if (report.blockedBy === null || report.blockedBy === undefined)
        verdict = '❌ blocked';
    else {
        const blocking = report.phases.find((p) => p.name === report.blockedBy);
        const bad = blocking?.checks.filter((c) => c.status === 'failed' || c.status === 'error') ?? [];
        const reason = bad.length === 1 ? `: ${markdown_clip(bad[0].summary, 100)}` : bad.length > 1 ? `: ${markdown_clip(bad.map((c) => c.id).join(', '), 100)} not passing` : '';
        verdict = `❌ blocked at ${markdown_clip(report.blockedBy, 60)}${reason}`;
    }
    return `## ${escapeText(`${markdown_clip(title, 80)} · ${reached} · gate: ${markdown_clip(report.gate, 60)} · ${verdict}`)}`;
}
function phaseTable(report) {
    const rows = ['| Phase | Check | Status | Result | Time |', '| --- | --- | --- | --- | --- |'];
    for (const p of report.phases) {
        const label = `${escapeTableCell(markdown_clip(p.name, 60))}${p.name === report.gate ? ' 🚩 gate' : ''}${p.required ? '' : ' (advisory)'}`;
        if (p.checks.length === 0) {
            rows.push(`| **${label}** | — | ${statusCell(p.status)} | no checks | — |`);
            continue;
        }
        p.checks.forEach((c, i) => {
            const phaseCell = i === 0 ? `**${label}**` : '';
            rows.push(`| ${phaseCell} | ${escapeTableCell(markdown_clip(c.id, 60))} | ${statusCell(c.status)} | ${escapeTableCell(markdown_clip(c.summary, 200))} | ${formatDuration(c.durationMs)} |`);
        });
    }
    return `${rows.join('\n')}\n`;
}
function testsLine(report) {
    const t = report.tests;
    if (!t)
        return '';
    return `**Tests:** ${num(t.passed)} passed · ${num(t.failed)} failed · ${num(t.errors)} errors · ${num(t.skipped)} skipped (${num(t.total)} total)\n\n`;
}
function validMarker(marker) {
    if (marker.length > MARKER_MAX || !/^<!--[^\n\r]*-->$/.test(marker) || marker.slice(4, -3).includes('--')) {
        throw new Error(`render: invalid marker ${JSON.stringify(marker.slice(0, 80))}: one line "<!-- … -->", at most ${MARKER_MAX} characters`);
    }
    return marker;
}
class Layout {
    head;
    sections;
    measure;
    degradedNote;
    texts;
    sizes;
    fixed;
    headSize;
    noteSize;
    constructor(head, sections, measure, degradedNote) {
        this.head = head;
        this.sections = sections;
        this.measure = measure;
        this.degradedNote = degradedNote;
        this.headSize = measure(head);
        this.noteSize = measure(degradedNote);
        this.texts = sections.map(() => markdown_LEVELS.map(() => []));
        this.sizes = sections.map(() => markdown_LEVELS.map(() => []));
        this.fixed = sections.map((s) => ({
            open: measure(this.open(s)),
            header: measure(s.tableHeader) + (s.tableHeader ? 1 : 0),
            close: measure(CLOSE),
            dropped: measure(this.droppedLine(s)),
        }));
    }
    open(s) {
        return `<details><summary>${escapeHtml(s.title)}</summary>\n\n${s.intro}`;
    }
    droppedLine(s) {
        return `_${escapeText(s.title)} — details left out to fit the size limit._\n\n`;
    }
    more(s, hidden) {
        return `_…and ${hidden.toLocaleString('en-US')} more ${s.noun} not shown to fit the size limit._\n\n`;
    }
    itemText(si, level, i) {
        const cache = this.texts[si][level];
        let t = cache[i];
        if (t === undefined) {
            t = this.sections[si].item(i, level);
            cache[i] = t;
        }
        return t;
    }
    itemSize(si, level, i) {
        const cache = this.sizes[si][level];
        let n = cache[i];
        if (n === undefined) {
            n = this.measure(this.itemText(si, level, i));
            cache[i] = n;
        }
        return n;
    }
    degraded(plan) {
        return plan.level > 0 || plan.dropped.some(Boolean) || plan.caps.some((c, i) => c < this.sections[i].count);
    }
    /** Size of the plan, or Infinity as soon as it passes the limit (so a trial costs at most ~limit). */
    size(plan, limit) {
        let total = this.headSize + (this.degraded(plan) ? this.noteSize : 0);
        if (total > limit)
            return Infinity;
        for (let si = 0; si < this.sections.length; si++) {
            const s = this.sections[si];
            const f = this.fixed[si];
            if (plan.dropped[si]) {
                total += f.dropped;
            }
            else {
                const shown = Math.min(plan.caps[si], s.count);
                total += f.open + f.close + (shown > 0 ? f.header : 0);
                for (let i = 0; i < shown; i++) {
                    total += this.itemSize(si, plan.level, i);
                    if (total > limit)
                        return Infinity;
                }
                if (shown < s.count)
                    total += this.measure(this.more(s, s.count - shown));
            }
            if (total > limit)
                return Infinity;
        }
        return total;
    }
    render(plan) {
        const out = [this.head];
        this.sections.forEach((s, si) => {
            if (plan.dropped[si]) {
                out.push(this.droppedLine(s));
                return;
            }
            out.push(this.open(s));
            const shown = Math.min(plan.caps[si], s.count);
            if (shown > 0) {
                out.push(s.tableHeader);
                for (let i = 0; i < shown; i++)
                    out.push(this.itemText(si, plan.level, i));
                if (s.tableHeader)
                    out.push('\n');
            }
            if (shown < s.count)
                out.push(this.more(s, s.count - shown));
            out.push(CLOSE);
        });
        if (this.degraded(plan))
            out.push(this.degradedNote);
        return out.join('');
    }
}
const CLOSE = '</details>\n\n';
/** Largest k in [lo, hi] with ok(k), given ok(lo); ok is monotone (true then false). */
function largest(lo, hi, ok) {
    while (lo < hi) {
        const mid = lo + Math.ceil((hi - lo) / 2);
        if (ok(mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
/**
 * The plan search (R3.1), each step more drastic, stopping at the first plan that fits:
 *  1. shorten tracebacks and messages (detail levels 0 → 3), every item shown;
 *  2. at the shortest level, cap the items per section (the same cap K for every section, the largest
 *     that fits, then the most important sections extended one by one into the room left), with
 *     "…and N more";
 *  3. if even one item per section does not fit, drop whole sections, least important first
 *     (advisory before required, required before blocking; then tests, findings, vulnerabilities, coverage);
 *  4. the caller cuts at a line boundary as a last resort.
 * Every trial stops summing once past the budget and items are rendered once per level, so the cost is
 * about (number of trials × budget), independent of the number of failures.
 */
function choosePlan(layout, sections, budget) {
    const counts = sections.map((s) => s.count);
    const none = sections.map(() => false);
    const fits = (p) => layout.size(p, budget) <= budget;
    for (let level = 0; level <= LAST_LEVEL; level++) {
        const plan = { level, caps: counts.slice(), dropped: none.slice() };
        if (fits(plan))
            return plan;
    }
    const level = LAST_LEVEL;
    const importance = sections.map((_, i) => i).sort((a, b) => compare(sections[a].priority, sections[b].priority) || a - b);
    const dropped = none.slice();
    for (let d = importance.length; d >= 0; d--) {
        const withCap = (k) => ({ level, caps: counts.map((c) => Math.min(c, k)), dropped });
        const maxCount = Math.max(1, ...counts.filter((_, i) => !dropped[i]));
        if (fits(withCap(1))) {
            const k = largest(1, maxCount, (x) => fits(withCap(x)));
            const caps = withCap(k).caps;
            for (const si of importance) {
                if (dropped[si] || caps[si] >= counts[si])
                    continue;
                caps[si] = largest(caps[si], counts[si], (x) => fits({ level, caps: caps.map((c, j) => (j === si ? x : c)), dropped }));
            }
            return { level, caps, dropped };
        }
        if (d > 0)
            dropped[importance[d - 1]] = true;
    }
    return { level, caps: counts.map(() => 0), dropped: sections.map(() => true) };
}
function compare(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
/**
 * Last resort: keep whole lines while the kept text, the closers of whatever is open (a code fence, then
 * each `<details>`) and the visible note fit; then close them and append the note.
 */
function cutToBudget(text, budget, measure, note) {
    const lines = text.split('\n');
    let fence = null;
    let depth = 0;
    const closers = () => `${fence !== null ? `${fence}\n` : ''}${'\n</details>\n'.repeat(depth)}\n${note}\n`;
    let bestLines = 0;
    let bestClosers = closers();
    let size = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (fence !== null) {
            if (line.startsWith(fence) && /^`+\s*$/.test(line))
                fence = null;
        }
        else {
            const open = /^(`{3,})[^`]*$/.exec(line);
            if (open)
                fence = open[1];
            else if (line.startsWith('<details'))
                depth++;
            else if (line.startsWith('</details>') && depth > 0)
                depth--;
        }
        size += measure(line) + 1;
        if (size > budget)
            break;
        const c = closers();
        if (size + measure(c) <= budget) {
            bestLines = i + 1;
            bestClosers = c;
        }
    }
    const kept = lines.slice(0, bestLines).join('\n');
    const out = bestLines > 0 ? `${kept}\n${bestClosers}` : bestClosers.replace(/^\n+/, '');
    if (measure(out) <= budget)
        return out;
    // Not even the note fits (a tiny budget): give the note alone, cut by code point.
    let n = note;
    while (n.length > 0 && measure(n) > budget)
        n = truncateEnd(n, n.length - 1);
    return n;
}
function render(report, opts, target) {
    const trailer = opts.trailer ?? '';
    if (trailer === '')
        return renderBody(report, opts, target);
    const room = (typeof opts.budget === 'number' && Number.isFinite(opts.budget) ? Math.min(target.limit, Math.floor(opts.budget)) : target.defaultBudget) - target.measure(trailer);
    return `${renderBody(report, { ...opts, budget: Math.max(MIN_BUDGET, room) }, target)}${trailer}`;
}
function renderBody(report, opts, target) {
    const requested = typeof opts.budget === 'number' && Number.isFinite(opts.budget) ? Math.floor(opts.budget) : target.defaultBudget;
    const budget = Math.max(MIN_BUDGET, Math.min(target.limit, requested));
    const urlFor = blobUrlBuilder(opts.linkBase);
    const marker = opts.marker !== undefined && opts.marker !== '' ? `${validMarker(opts.marker)}\n` : '';
    const why = `**Why:** ${escapeText(markdown_clip(report.why, 1000))}\n\n`;
    const note = opts.note ? `${opts.note.trim()}\n\n` : '';
    const head = `${marker}${headline(report, opts.title ?? 'nebula-gate')}\n\n${note}${why}${phaseTable(report)}\n${testsLine(report)}`;
    const sections = buildSections(report, urlFor);
    const degradedNote = `> ℹ️ Some detail was shortened or left out to fit ${target.limitText}.\n`;
    const layout = new Layout(head, sections, target.measure, degradedNote);
    const plan = choosePlan(layout, sections, budget);
    const text = layout.render(plan);
    if (target.measure(text) <= budget)
        return text;
    const cutNote = `> ⚠️ **This report was cut** to fit ${target.limitText}; the rest is in the job log and the JSON report.`;
    return cutToBudget(text, budget, target.measure, cutNote);
}

;// CONCATENATED MODULE: ./src/render/terminal.ts



const SYMBOL = { passed: '✓', failed: '✗', error: '!', skipped: '-' };
const COLOR = { passed: '32', failed: '31', error: '33', skipped: '2' };
/** Untrusted text for one line: controls and ANSI removed, newlines → spaces, capped, commands defused. */
const line = (s, max) => commands_neutraliseCommands(truncateEnd(oneLine(typeof s === 'string' ? s : ''), max));
/** Untrusted multi-line text, head + tail kept, each line indented. */
function block(s, max, indent) {
    const text = truncateMiddle(stripControl(typeof s === 'string' ? s : '').replace(/\t/g, '    ').trimEnd(), max);
    if (text.trim() === '')
        return [];
    return commands_neutraliseCommands(text)
        .split('\n')
        .map((l) => `${indent}${l}`.trimEnd());
}
const terminal_num = (n) => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '?');
const pad = (s, width) => (s.length >= width ? s : s + ' '.repeat(width - s.length));
function loc(file, ln, col = null) {
    const f = line(file, 200);
    if (f === '')
        return '';
    const l = typeof ln === 'number' && Number.isSafeInteger(ln) && ln > 0 ? `:${ln}` : '';
    const c = l !== '' && typeof col === 'number' && Number.isSafeInteger(col) && col > 0 ? `:${col}` : '';
    return `${f}${l}${c}`;
}
/**
 * The CLI report: verdict header, phases with each check's status, summary and duration, the failing
 * details (tests, findings, vulnerabilities), then the verdict again as the last line. Every untrusted
 * string is stripped of ANSI/control characters and passed through neutraliseCommands, since the CLI may
 * run inside a CI log.
 */
function renderTerminal(report, opts) {
    const paint = (code, s) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const bold = (s) => paint('1', s);
    const status = (s) => paint(COLOR[s] ?? '0', SYMBOL[s] ?? '?');
    const maxItems = opts.maxItems !== undefined && Number.isFinite(opts.maxItems) ? Math.max(1, Math.floor(opts.maxItems)) : 50;
    const more = (n, what, indent) => (n > 0 ? [paint('2', `${indent}…and ${n} more ${what} (see --json for all)`)] : []);
    const pass = report.verdict === 'pass';
    const m = report.phases.length;
    const reached = Math.max(-1, Math.min(m - 1, Number.isFinite(report.phaseReached) ? report.phaseReached : -1));
    const reachedText = reached < 0 ? 'no phase reached' : `phase ${reached} of ${m - 1} reached (${line(report.phases[reached]?.name, 60)})`;
    const verdictWord = pass ? paint('1;32', '✓ PASS') : paint('1;31', '✗ FAIL');
    const blocked = !pass && report.blockedBy ? ` · blocked at ${line(report.blockedBy, 60)}` : '';
    const out = [];
    out.push(`${bold('nebula-gate')} · gate: ${line(report.gate, 60)}`);
    out.push(`${verdictWord} · ${reachedText}${blocked}`);
    out.push('');
    const idWidth = Math.min(28, Math.max(0, ...report.phases.flatMap((p) => p.checks.map((c) => line(c.id, 60).length))));
    for (const p of report.phases) {
        const tags = `${p.name === report.gate ? ' [gate]' : ''}${p.required ? '' : ' (advisory)'}`;
        out.push(`  ${status(p.status)} ${bold(line(p.name, 60))}${tags}`);
        if (p.checks.length === 0)
            out.push(paint('2', '      (no checks)'));
        for (const c of p.checks) {
            out.push(`      ${status(c.status)} ${pad(line(c.id, 60), idWidth)}  ${line(c.summary, 200)}  ${paint('2', formatDuration(c.durationMs))}`);
        }
    }
    const t = report.tests;
    if (t) {
        out.push('');
        out.push(`Tests: ${terminal_num(t.passed)} passed, ${terminal_num(t.failed)} failed, ${terminal_num(t.errors)} errors, ${terminal_num(t.skipped)} skipped (${terminal_num(t.total)} total)`);
    }
    const cov = report.coverage;
    if (cov) {
        const diff = cov.diffPercent !== null ? `, changed lines ${terminal_num(cov.diffPercent)}%${cov.diffFloor !== null ? ` (floor ${terminal_num(cov.diffFloor)}%)` : ''}` : '';
        out.push(`Coverage: ${terminal_num(cov.percent)}% (floor ${terminal_num(cov.floor)}%)${diff}`);
    }
    const failures = t?.failures ?? [];
    if (failures.length > 0) {
        out.push('', bold(`Failing tests (${failures.length})`));
        for (const f of failures.slice(0, maxItems)) {
            const where = loc(f.file, f.line);
            out.push(`  ${status('failed')} ${line(f.name, 300)}${where ? `  ${paint('2', where)}` : ''}`);
            out.push(...block(f.message, 1000, '      '));
            out.push(...block(f.details, 1500, '      ').map((l) => paint('2', l)));
        }
        out.push(...more(failures.length - maxItems, 'failing tests', '  '));
    }
    const withFindings = report.phases.flatMap((p) => p.checks.filter((c) => Array.isArray(c.findings) && c.findings.length > 0));
    if (withFindings.length > 0) {
        out.push('', bold('Findings'));
        for (const c of withFindings) {
            out.push(`  ${line(c.id, 60)} (${c.findings.length})`);
            for (const f of c.findings.slice(0, maxItems)) {
                const sev = f.severity === 'error' ? paint('31', 'error') : f.severity === 'warning' ? paint('33', 'warning') : paint('36', line(f.severity, 20));
                out.push(`    ${loc(f.file, f.line, f.column) || '(no file)'}  ${sev}  ${line(f.rule, 80)}  ${line(f.message, 500)}`);
            }
            out.push(...more(c.findings.length - maxItems, 'findings', '    '));
        }
    }
    const vulns = Array.isArray(report.vulnerabilities) ? report.vulnerabilities : [];
    if (vulns.length > 0) {
        out.push('', bold(`Vulnerabilities (${vulns.length})`));
        for (const v of vulns.slice(0, maxItems)) {
            const fixes = Array.isArray(v.fixVersions) && v.fixVersions.length > 0 ? `fix: ${line(v.fixVersions.join(', '), 200)}` : 'no fix yet';
            out.push(`  ${line(v.package, 100)} ${line(v.version, 60)}  ${line(v.id, 100)}  ${fixes}`);
        }
        out.push(...more(vulns.length - maxItems, 'vulnerabilities', '  '));
    }
    out.push('');
    out.push(`${verdictWord}: ${line(report.why, 1000)}`);
    // Every untrusted piece is already neutralised; once more over the whole text costs little and also
    // covers anything a future edit forgets.
    return commands_neutraliseCommands(`${out.join('\n')}\n`);
}

;// CONCATENATED MODULE: ./src/cli.ts
/**
 * The local runner: `nebula-gate [PROJECT_DIR] [flags]` — the same engine as the action, the report in the
 * terminal, exit 0 when the gate passes, 1 when it fails, 2 on a usage or configuration error.
 */









const USAGE = `Usage: nebula-gate [PROJECT_DIR] [options]

Runs the phase-gated checks on a uv-managed Python project and prints the verdict.

Options:
  --gate PHASE                last phase that must pass (name or number; default: the last phase)
  --coverage-floor N          minimum total coverage in percent
  --diff-coverage-floor N     minimum coverage of the lines changed since --base
  --base REF                  compare with REF for diff coverage (e.g. origin/main)
  --fail-fast                 skip the phases after the first required failure
  --type-checker NAME         auto | mypy | pyright
  --python VERSION            Python version request for uv (default: .python-version / requires-python)
  --disable IDS               comma-separated checks to skip (e.g. bandit,pip-audit)
  --timeout SECONDS           per-check timeout
  --bandit-severity LEVEL     low | medium | high
  --bandit-confidence LEVEL   low | medium | high
  --ignore-vuln ID            a vulnerability ID to ignore (repeatable)
  --osv-url URL               the OSV API endpoint pip-audit queries
  --args CHECK=ARGS           extra arguments for a check's tool (repeatable), e.g. --args "pytest=-k fast"
  --uv PATH                   the uv binary (default: uv on PATH)
  --json FILE|-               write the JSON report
  --markdown FILE|-           write the pull-request comment body
  --verbose                   print every tool's output
  --no-color                  plain output
  -h, --help                  this text
  --version                   the version and the pinned tools`;
function cli_parse(argv) {
    return (0,external_node_util_namespaceObject.parseArgs)({
        args: argv,
        allowPositionals: true,
        options: {
            gate: { type: 'string' },
            'coverage-floor': { type: 'string' },
            'diff-coverage-floor': { type: 'string' },
            base: { type: 'string' },
            'fail-fast': { type: 'boolean' },
            'type-checker': { type: 'string' },
            python: { type: 'string' },
            disable: { type: 'string' },
            timeout: { type: 'string' },
            'bandit-severity': { type: 'string' },
            'bandit-confidence': { type: 'string' },
            'ignore-vuln': { type: 'string', multiple: true },
            'osv-url': { type: 'string' },
            args: { type: 'string', multiple: true },
            uv: { type: 'string' },
            json: { type: 'string' },
            markdown: { type: 'string' },
            verbose: { type: 'boolean' },
            'no-color': { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
            version: { type: 'boolean' },
        },
    });
}
function fmtSeconds(ms) {
    return ms < 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
async function main(argv, io) {
    let parsed;
    try {
        parsed = cli_parse(argv);
    }
    catch (e) {
        io.stderr(`nebula-gate: ${e.message}\n\n${USAGE}\n`);
        return 2;
    }
    const { values: v, positionals } = parsed;
    if (v.help) {
        io.stdout(`${USAGE}\n`);
        return 0;
    }
    if (v.version) {
        io.stdout(`nebula-gate ${Object.entries(PINNED_TOOLS).map(([k, ver]) => `${k} ${ver}`).join(', ')}\n`);
        return 0;
    }
    if (positionals.length > 1) {
        io.stderr(`nebula-gate: one project directory at most, got ${positionals.length}\n`);
        return 2;
    }
    const projectDir = (0,external_node_path_namespaceObject.resolve)(io.cwd, positionals[0] ?? '.');
    const pyprojectPath = (0,external_node_path_namespaceObject.join)(projectDir, 'pyproject.toml');
    if (!(0,external_node_fs_namespaceObject.existsSync)(pyprojectPath)) {
        io.stderr(`nebula-gate: ${pyprojectPath} not found — run it in a uv-managed Python project\n`);
        return 2;
    }
    const perCheckArgs = {};
    for (const a of v.args ?? []) {
        const eq = a.indexOf('=');
        if (eq <= 0) {
            io.stderr(`nebula-gate: --args takes CHECK=ARGS, got ${JSON.stringify(a)}\n`);
            return 2;
        }
        perCheckArgs[a.slice(0, eq)] = a.slice(eq + 1);
    }
    const overrides = {
        gate: v.gate,
        failFast: v['fail-fast'] ? 'true' : undefined,
        coverageFloor: v['coverage-floor'],
        diffCoverageFloor: v['diff-coverage-floor'],
        base: v.base,
        typeChecker: v['type-checker'],
        pythonVersion: v.python,
        disable: v.disable,
        timeout: v.timeout,
        banditSeverity: v['bandit-severity'],
        banditConfidence: v['bandit-confidence'],
        ignoreVulns: v['ignore-vuln']?.join(','),
        osvUrl: v['osv-url'],
        args: perCheckArgs,
    };
    let config;
    try {
        config = resolveConfig(projectDir, (0,external_node_fs_namespaceObject.readFileSync)(pyprojectPath, 'utf8'), overrides);
    }
    catch (e) {
        if (e instanceof ConfigError) {
            io.stderr(`nebula-gate: configuration error: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    const color = io.isTTY && !v['no-color'] && !io.env.NO_COLOR;
    // The report goes to stdout unless stdout carries the JSON or the Markdown; progress always goes to stderr.
    const reportOut = v.json === '-' || v.markdown === '-' ? io.stderr : io.stdout;
    const progress = (e) => {
        if (e.type === 'start')
            io.stderr(`  … ${e.id}\n`);
        else
            io.stderr(`  ${e.result.status === 'passed' ? '✔' : e.result.status === 'skipped' ? '–' : '✘'} ${e.result.id} ${e.result.status} (${fmtSeconds(e.result.durationMs)})\n`);
    };
    io.stderr(`nebula-gate: checking ${projectDir} (gate: ${config.phases[config.gateIndex]})\n`);
    const { report } = await runGate(config, {
        signal: io.signal,
        uv: v.uv ?? 'uv',
        env: io.env,
        onEvent: progress,
        onProcess: v.verbose
            ? (id, args, r) => io.stderr(`--- ${id}: ${commands_neutraliseCommands(args.join(' '))} (exit ${r.exitCode})\n${commands_neutraliseCommands(r.output)}\n`)
            : undefined,
    });
    reportOut(renderTerminal(report, { color }));
    if (v.json !== undefined) {
        const text = `${JSON.stringify(report, null, 2)}\n`;
        if (v.json === '-')
            io.stdout(text);
        else
            (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.resolve)(io.cwd, v.json), text);
    }
    if (v.markdown !== undefined) {
        const text = renderComment(report, {});
        if (v.markdown === '-')
            io.stdout(text);
        else
            (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.resolve)(io.cwd, v.markdown), text);
    }
    return report.verdict === 'pass' ? 0 : 1;
}
/** Entry when run as a program (dist/cli/index.js via bin/nebula-gate.js). */
async function cli() {
    const controller = new AbortController();
    for (const sig of ['SIGINT', 'SIGTERM'])
        process.once(sig, () => controller.abort(sig));
    try {
        process.exitCode = await main(process.argv.slice(2), {
            stdout: (s) => process.stdout.write(s),
            stderr: (s) => process.stderr.write(s),
            env: process.env,
            cwd: process.cwd(),
            isTTY: Boolean(process.stdout.isTTY),
            signal: controller.signal,
        });
    }
    catch (e) {
        process.stderr.write(`nebula-gate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exitCode = 2;
    }
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(318);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
