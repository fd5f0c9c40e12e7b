// A person's search text inside a LIKE pattern, matched as written: `%`, `_` and the escape character
// `\` are escaped (PostgreSQL's LIKE escapes with `\` unless told otherwise, on both engines), so
// "100%" finds "100%" and not "100 anything", and "_" is an underscore, not any one character.
// The one copy: repositories write `%${escapeLike(q)}%` or `${escapeLike(code)}%` (like.db.test.ts checks both
// engines).

/** The text with LIKE's wildcards and escape character escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
