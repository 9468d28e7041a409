/**
 * Positional arguments are globs, but pre-commit and editors pass the names of existing files, and
 * a name can hold what a glob reads as syntax: `a[1].sql` would match `a1.sql` instead, `#x.sql` is
 * a comment and `!x.sql` an exclusion, and a line break splits the pattern. An argument naming an
 * existing file is therefore made a pattern that matches that name only.
 */
import { lstatSync } from 'node:fs'
import { resolve } from 'node:path'

/** The argument, or a pattern matching only the file it names when that file exists. */
export function literalFilePattern(arg: string, cwd = process.cwd()): string {
  if (!/[[*?\r\n]|^\s*[#!]/.test(arg)) return arg
  try {
    lstatSync(resolve(cwd, arg))
  } catch {
    return arg
  }
  // @actions/glob reads `[c]` as the character itself; a line break cannot be written in a pattern
  // line, so it is matched by `?` (any one character). A leading `./` keeps `#` and `!` literal.
  const escaped = arg.replace(/[[*?]/g, (c) => `[${c}]`).replace(/\r|\n/g, '?')
  return /^\s*[#!]/.test(arg) ? `./${escaped}` : escaped
}
