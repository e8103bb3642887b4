/**
 * Where the parameters (`$1`, `$2`…) of a statement are, found by a small tokenizer that skips
 * what is not SQL code: quoted literals ('…', E'…' with backslash escapes), quoted identifiers
 * ("…"), comments (-- … and nested /* … *\/) and dollar-quoted strings ($tag$…$tag$).
 *
 * The fused path renumbers each read's parameters; a `$<digit>` inside any of those (or glued to
 * an identifier, `a$1`) is not a parameter, and renumbering it would change the text the read
 * means. Such SQL is refused (`UnsafeFusedSqlError`) at call time, in every environment, whether
 * the read is fused or not: a loader must not work alone and break once fused.
 */
export class UnsafeFusedSqlError extends Error {
  constructor(
    readonly where: string,
    sql: string,
  ) {
    super(`read runtime: "$<digit>" inside ${where} in SQL given to queryPrepared: ${sql.slice(0, 200)}`);
    this.name = 'UnsafeFusedSqlError';
  }
}

/** Offsets and lengths of the parameters of `sql` (`$12` → [offset of `$`, 3]); throws `UnsafeFusedSqlError`. */
export function parameterSpans(sql: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const n = sql.length;
  const refuseIn = (from: number, to: number, where: string) => {
    if (/\$\d/.test(sql.slice(from, to))) throw new UnsafeFusedSqlError(where, sql);
  };
  let i = 0;
  while (i < n) {
    const c = sql[i];
    if (c === "'") {
      const escapes = i > 0 && (sql[i - 1] === 'E' || sql[i - 1] === 'e') && !isIdentChar(sql[i - 2]);
      const end = endOfQuoted(sql, i, "'", escapes);
      refuseIn(i, end, 'a quoted literal');
      i = end;
    } else if (c === '"') {
      const end = endOfQuoted(sql, i, '"', false);
      refuseIn(i, end, 'a quoted identifier');
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      const end = nl < 0 ? n : nl;
      refuseIn(i, end, 'a comment');
      i = end;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        const two = sql.slice(j, j + 2);
        if (two === '/*' || two === '*/') {
          depth += two === '/*' ? 1 : -1;
          j += 2;
        } else j++;
      }
      refuseIn(i, j, 'a comment');
      i = j;
    } else if (c === '$') {
      const digits = /^\$(\d+)/.exec(sql.slice(i, i + 12));
      if (digits) {
        if (isIdentChar(sql[i - 1])) throw new UnsafeFusedSqlError('an identifier', sql);
        spans.push([i, digits[0].length]);
        i += digits[0].length;
        continue;
      }
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i));
      if (tag && !isIdentChar(sql[i - 1])) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        const end = close < 0 ? n : close + tag[0].length;
        refuseIn(i + tag[0].length, end - (close < 0 ? 0 : tag[0].length), 'a dollar-quoted string');
        i = end;
      } else i++;
    } else i++;
  }
  return spans;
}

function isIdentChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
}

/** The offset just past the closing quote of the literal opened at `start` (doubled quotes stay inside). */
function endOfQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let j = start + 1;
  while (j < sql.length) {
    if (backslashEscapes && sql[j] === '\\') j += 2;
    else if (sql[j] === quote) {
      if (sql[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return sql.length;
}

const checked = new Map<string, Array<[number, number]>>();
const MAX_CHECKED = 2_000;

/** `parameterSpans`, memoised per text (the loaders' texts are few and fixed). */
export function checkedParameters(sql: string): Array<[number, number]> {
  let spans = checked.get(sql);
  if (!spans) {
    spans = parameterSpans(sql);
    if (checked.size < MAX_CHECKED) checked.set(sql, spans);
  }
  return spans;
}

/** `sql` with every parameter `$k` renumbered `$(k + offset)` (only real parameters: see `parameterSpans`). */
export function renumberParameters(sql: string, offset: number): string {
  if (!offset) return sql;
  const spans = checkedParameters(sql);
  let out = '';
  let at = 0;
  for (const [start, length] of spans) {
    out += sql.slice(at, start) + '$' + (Number(sql.slice(start + 1, start + length)) + offset);
    at = start + length;
  }
  return out + sql.slice(at);
}
