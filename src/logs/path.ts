/**
 * Folder-name templates: a literal (`CloudTrail`) or a literal around one field
 * (`aws-account-id={account}`, `{MM}`). Filling a template makes the folder AWS writes; matching a
 * folder name against it reads the field back. The fields and what AWS writes for each:
 * `{organization}` an organization id, `{account}` 12 digits, `{region}` any folder name (checked
 * against AWS's Region grammar later, so a junk folder is reported, not silently dropped), `{yyyy}`
 * four digits, `{MM}` and `{dd}` zero-padded, `{M}` and `{d}` without a leading zero (AWS Config).
 */
export type Field = 'organization' | 'account' | 'region' | 'yyyy' | 'MM' | 'M' | 'dd' | 'd'

const FIELD_PATTERNS: Readonly<Record<Field, string>> = {
  organization: 'o-[a-z0-9]{10,32}',
  account: '\\d{12}',
  region: '[^/]+',
  yyyy: '\\d{4}',
  MM: '\\d{2}',
  M: '[1-9]\\d?',
  dd: '\\d{2}',
  d: '[1-9]\\d?'
}

export interface Segment {
  /** The template as written (`year={yyyy}`). */
  template: string
  field?: Field
  before: string
  after: string
  /** Matches a folder name this template makes; group 1 is the field. */
  pattern: RegExp
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function parseSegment(template: string): Segment {
  const match = /^([^{}]*)\{([A-Za-z]+)\}([^{}]*)$/.exec(template)
  if (!match) {
    if (/[{}/]/.test(template)) throw new Error(`not a folder template: ${template}`)
    return { template, before: template, after: '', pattern: new RegExp(`^${escapeRegExp(template)}$`) }
  }
  const [, before = '', name = '', after = ''] = match
  if (!(name in FIELD_PATTERNS)) throw new Error(`unknown field {${name}} in ${template}`)
  const field = name as Field
  const pattern = new RegExp(`^${escapeRegExp(before)}(${FIELD_PATTERNS[field]})${escapeRegExp(after)}$`)
  return { template, field, before, after, pattern }
}

/** The folder name for a value (numbers padded as the field says). */
export function fill(segment: Segment, value: string | number = ''): string {
  if (!segment.field) return segment.before
  const text =
    typeof value === 'number'
      ? segment.field === 'yyyy'
        ? String(value).padStart(4, '0')
        : segment.field === 'MM' || segment.field === 'dd'
          ? String(value).padStart(2, '0')
          : String(value)
      : value
  return `${segment.before}${text}${segment.after}`
}

/** The field a folder name holds, or undefined when the name is not this template's. */
export function read(segment: Segment, name: string): string | undefined {
  return segment.pattern.exec(name)?.[1]
}

/**
 * Whether a folder name holds this template's number spelled another way (`3` for `{MM}`, `03` for
 * `{M}`, `day=7` for `day={dd}`): the same literals around digits that the template does not match.
 */
export function spelledOtherwise(segment: Segment, name: string): boolean {
  if (!segment.field || segment.field === 'account' || segment.field === 'region') return false
  const loose = new RegExp(`^${escapeRegExp(segment.before)}\\d{1,4}${escapeRegExp(segment.after)}$`)
  return loose.test(name) && !segment.pattern.test(name)
}

/** How a person reads the template: `<account>`, `<region>`, `YYYY`, `MM`, `M`, `DD`, `D`. */
export function show(segment: Segment, organizationId?: string): string {
  if (!segment.field) return segment.before
  const shown: Record<Field, string> = {
    organization: organizationId ?? '<organization>',
    account: '<account>',
    region: '<region>',
    yyyy: 'YYYY',
    MM: 'MM',
    M: 'M',
    dd: 'DD',
    d: 'D'
  }
  return `${segment.before}${shown[segment.field]}${segment.after}`
}
