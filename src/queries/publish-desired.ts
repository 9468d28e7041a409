/**
 * What a SQL file should look like as an Athena named query: its name, its description (the file's
 * header comment plus an ownership marker) and its query string, within Athena's limits.
 *
 * The marker closes the description: `[cloudtrail-partitions:<owner>:<path>]`, the owner (the
 * publishing repository, `octo-org/ops`) and the path with `%`, `:`, `[` and `]` percent-encoded, so
 * the marker holds exactly one `:` after the prefix and no bracket inside, and the human text before
 * it never holds `[cloudtrail-partitions:`.
 */
import { createHash } from 'node:crypto'

export const MAX_NAME = 128
export const MAX_DESCRIPTION = 1024
/** Athena caps query strings at 262,144 bytes of UTF-8 (not adjustable). */
export const MAX_QUERY_BYTES = 262_144

const MARKER_PREFIX = '[cloudtrail-partitions:'
/** Only the marker that closes the description counts; neither part holds `[`, `]` or `:` unencoded. */
const MARKER = /\[cloudtrail-partitions:([^[\]:]+):([^[\]:]+)\]$/
/** Marker-like text in the human part loses its `[`, so it can never be taken for a marker. */
const MARKER_LIKE = /\[(?=cloudtrail-partitions:)/gi

export interface QueryFile {
  path: string
  sql: string
  /** Why the file was not read (a link, or outside the workspace): a failure, and never "missing". */
  refused?: string
}

export interface DesiredQuery {
  path: string
  name: string
  description: string
  queryString: string
}

/** Forward slashes, no leading `./`: the same file gets the same marker on every runner. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '')
}

export interface Marker {
  owner: string
  path: string
}

const encodePart = (text: string): string =>
  text.replace(/[%:[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const decodePart = (text: string): string =>
  text.replace(/%(25|3A|5B|5D)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))

export function markerOf(owner: string, path: string): string {
  return `${MARKER_PREFIX}${encodePart(owner)}:${encodePart(path)}]`
}

/**
 * The owner and file path this action wrote at the end of a description, or undefined when the
 * description does not end with a marker in exactly the form `markerOf` writes.
 */
export function parseMarker(description: string | undefined): Marker | undefined {
  const match = MARKER.exec(description ?? '')
  if (!match) return undefined
  const marker = { owner: decodePart(match[1] as string), path: decodePart(match[2] as string) }
  return markerOf(marker.owner, marker.path) === match[0] ? marker : undefined
}

/** The path without `.sql`; a longer one keeps its end (the most specific part) plus a hash. */
export function nameFor(path: string): string {
  const name = path.replace(/\.sql$/i, '')
  if (name.length <= MAX_NAME) return name
  const hash = createHash('sha256').update(path).digest('hex').slice(0, 8)
  return `…${name.slice(-(MAX_NAME - hash.length - 2))}~${hash}`
}

/** The `-- ...` lines at the top of the file (blank lines before them skipped), joined into one line. */
export function headerComment(sql: string): string {
  const lines: string[] = []
  for (const line of sql.split(/\r?\n/)) {
    const trimmed = line.trim()
    if (trimmed === '' && lines.length === 0) continue
    if (!trimmed.startsWith('--')) break
    const text = trimmed.replace(/^--+/, '').trim()
    if (text !== '') lines.push(text)
  }
  return lines.join(' ')
}

/** Human text first, then the marker; the text is shortened so that the whole fits in 1024. */
export function descriptionFor(owner: string, path: string, sql: string): string {
  const marker = markerOf(owner, path)
  const room = MAX_DESCRIPTION - marker.length - 1
  let human = headerComment(sql).replace(MARKER_LIKE, '')
  if (human.length > room) human = `${human.slice(0, Math.max(0, room - 1)).trimEnd()}…`
  return human === '' ? marker : `${human} ${marker}`
}

/** The named query `owner` publishes for a file, or the reason it cannot be one. */
export function desiredQuery(file: QueryFile, owner: string): DesiredQuery | { path: string; error: string } {
  const path = normalizePath(file.path)
  if (file.refused !== undefined) return { path, error: file.refused }
  const bytes = Buffer.byteLength(file.sql, 'utf8')
  if (file.sql.trim() === '') return { path, error: 'the file is empty' }
  if (bytes > MAX_QUERY_BYTES) {
    return { path, error: `the query is ${bytes} bytes; Athena accepts at most ${MAX_QUERY_BYTES} bytes` }
  }
  if (markerOf(owner, path).length > MAX_DESCRIPTION) {
    return {
      path,
      error: `the path is too long to be recorded in a description (${MAX_DESCRIPTION} characters)`
    }
  }
  return {
    path,
    name: nameFor(path),
    description: descriptionFor(owner, path, file.sql),
    queryString: file.sql
  }
}
