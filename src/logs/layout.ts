/**
 * One source's logs in one bucket: `[PREFIX/]AWSLogs/` then the folders of the source's path
 * (sources.ts), down to a day. Everything the sync needs of S3 comes from here: where the account
 * folders are, where an account's region folders are, and a partition's location, the day folder
 * AWS writes for (account, region, day). The partition's values are the keys' business
 * (vocabulary/keys.ts), never the layout's.
 */
import { calendarDateOf } from '../vocabulary/dates.js'
import type { PartitionRef } from '../vocabulary/keys.js'
import { fill, parseSegment, read, show, type Field, type Segment } from './path.js'
import { SOURCES, type LayoutKind, type SourceName } from './sources.js'

export const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/

export interface Layout {
  bucket: string
  /** Normalized: empty, or ending in `/` (`cloudtrail/`). */
  prefix: string
  source: SourceName
  kind: LayoutKind
  /** Set for the organization layout. */
  organizationId?: string
}

/** Normalizes the `prefix` input: no leading slash, one trailing slash, empty stays empty. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '' : `${trimmed}/`
}

/** `[PREFIX/]AWSLogs/`: where layouts are detected. */
export function awsLogsPrefix(prefix: string): string {
  return `${prefix}AWSLogs/`
}

interface ParsedPath {
  segments: readonly Segment[]
  at: Record<Field, number>
}

const parsedPaths = new Map<string, ParsedPath>()

/** The source's path for this kind of layout, with the position of each field. */
function pathOf(source: SourceName, kind: LayoutKind): ParsedPath {
  const key = `${source}/${kind}`
  let parsed = parsedPaths.get(key)
  if (!parsed) {
    const layout = SOURCES[source].layouts.find((candidate) => candidate.kind === kind)
    if (!layout) throw new Error(`${source} has no ${kind} layout`)
    const segments = layout.path.map(parseSegment)
    const at = {} as Record<Field, number>
    segments.forEach((segment, index) => {
      if (segment.field) at[segment.field] = index
    })
    parsedPaths.set(key, (parsed = { segments, at }))
  }
  return parsed
}

const segmentOf = (layout: Layout, field: Field): Segment | undefined => {
  const { segments, at } = pathOf(layout.source, layout.kind)
  return at[field] === undefined ? undefined : segments[at[field]]
}

const fieldSegment = (layout: Layout, ...fields: Field[]): Segment => {
  for (const field of fields) {
    const segment = segmentOf(layout, field)
    if (segment) return segment
  }
  throw new Error(`${layout.source} ${layout.kind} has no {${fields.join('} or {')}} folder`)
}

/** The folders from `first` (included) to `last` (excluded), filled. */
function folders(layout: Layout, first: number, last: number): string {
  const { segments } = pathOf(layout.source, layout.kind)
  return segments
    .slice(first, last)
    .map((segment) => `${fill(segment, segment.field === 'organization' ? layout.organizationId : '')}/`)
    .join('')
}

/** The folder whose children are the account folders. */
export function accountsRoot(layout: Layout): string {
  return `${awsLogsPrefix(layout.prefix)}${folders(layout, 0, pathOf(layout.source, layout.kind).at.account)}`
}

/** The account a folder under accountsRoot stands for, if it is an account folder of this layout. */
export function accountOfFolder(layout: Layout, name: string): string | undefined {
  return read(fieldSegment(layout, 'account'), name)
}

/** The folder whose children are the region folders of one account (`…/111122223333/CloudTrail/`). */
export function regionsRoot(layout: Layout, account: string): string {
  const { at } = pathOf(layout.source, layout.kind)
  return `${accountsRoot(layout)}${fill(fieldSegment(layout, 'account'), account)}/${folders(layout, at.account + 1, at.region)}`
}

/** The source's own folders between an account and its regions, as a person reads them (`CloudTrail/`). */
export function sourceFolder(layout: Layout): string {
  const { at } = pathOf(layout.source, layout.kind)
  return folders(layout, at.account + 1, at.region)
}

/** The Region a folder under regionsRoot names, when the folder has this layout's form (`aws-region=…`). */
export function regionOfFolder(layout: Layout, name: string): string | undefined {
  return read(fieldSegment(layout, 'region'), name)
}

export function regionFolder(layout: Layout, region: string): string {
  return fill(fieldSegment(layout, 'region'), region)
}

export type DatePart = 'year' | 'month' | 'day'

/** The template of the year, month or day folder. */
export function dateSegment(layout: Layout, part: DatePart): Segment {
  return part === 'year'
    ? fieldSegment(layout, 'yyyy')
    : part === 'month'
      ? fieldSegment(layout, 'MM', 'M')
      : fieldSegment(layout, 'dd', 'd')
}

/** The S3 URI of a partition's day folder, spelled as AWS writes it (Config's 2026/3/7 included). */
export function partitionLocation(layout: Layout, ref: PartitionRef): string {
  const { year, month, day } = calendarDateOf(ref.day)
  const date = `${fill(dateSegment(layout, 'year'), year)}/${fill(dateSegment(layout, 'month'), month)}/${fill(dateSegment(layout, 'day'), day)}`
  return `s3://${layout.bucket}/${regionsRoot(layout, ref.account)}${regionFolder(layout, ref.region)}/${date}/`
}

/** The table location for this layout: the folder of the account folders. */
export function tableLocation(layout: Layout): string {
  return `s3://${layout.bucket}/${accountsRoot(layout)}`
}

/** The layout's path as a person reads it: `s3://b/AWSLogs/o-…/<account>/CloudTrail/<region>/YYYY/MM/DD/`. */
export function layoutTemplate(layout: Layout): string {
  const { segments } = pathOf(layout.source, layout.kind)
  const path = segments.map((segment) => `${show(segment, layout.organizationId)}/`).join('')
  return `s3://${layout.bucket}/${awsLogsPrefix(layout.prefix)}${path}`
}

export function describeLayout(layout: Layout): string {
  const { title, belowDay } = SOURCES[layout.source]
  const kind =
    layout.kind === 'organization'
      ? `, organization ${layout.organizationId}`
      : layout.kind === 'hive'
        ? ', Hive-compatible folders'
        : ''
  return `${title} (${layout.source}${kind}) at ${layoutTemplate(layout)}${belowDay ? `, with ${belowDay} below the day` : ''}`
}
