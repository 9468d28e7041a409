/**
 * Validates a request's input against AWS's own service model (stand-in/models/, cut from botocore's
 * service-2.json by scripts/stand-in-models.ts): required members, string lengths, patterns, enums,
 * integer ranges, list and map sizes, at every depth. This is what AWS's front end checks before an
 * operation runs; the answer is each service's validation error (see request-validation.ts). A value
 * of the wrong JSON type is left to the operation, which answers it as before.
 */
import { readFileSync } from 'node:fs'

export interface MemberRef {
  shape: string
  /** REST members: where the member travels (`uri`, `querystring`, `header`). */
  location?: string
  locationName?: string
}

export interface Shape {
  type: string
  required?: string[]
  min?: number
  max?: number
  pattern?: string
  enum?: string[]
  sensitive?: boolean
  members?: Record<string, MemberRef>
  member?: MemberRef
  key?: MemberRef
  value?: MemberRef
}

export interface ServiceModel {
  source: string
  protocol: string
  /** Each operation's input shape (null: it takes none). */
  operations: Record<string, string | null>
  shapes: Record<string, Shape>
}

export type ModelName = 'glue' | 'athena' | 'sts' | 's3'

export interface Violation {
  /** AWS's path: camelCase members, 1-based list items as `list.1.member`. */
  path: string
  value: unknown
  /** "Member must have length less than or equal to 255", "Member must not be null" ... */
  constraint: string
  kind: 'required' | 'length' | 'range' | 'pattern' | 'enum'
  /** The shape is marked sensitive: its value is never shown. */
  sensitive: boolean
}

const models = new Map<ModelName, ServiceModel>()

export function loadModel(name: ModelName): ServiceModel {
  let model = models.get(name)
  if (!model) {
    model = JSON.parse(
      readFileSync(new URL(`./models/${name}.json`, import.meta.url), 'utf8')
    ) as ServiceModel
    models.set(name, model)
  }
  return model
}

const patterns = new Map<string, RegExp>()

/** A model pattern (Java syntax, whole-value match) as a RegExp; astral ranges need the `u` flag. */
export function patternOf(source: string): RegExp {
  let pattern = patterns.get(source)
  if (!pattern) {
    try {
      pattern = new RegExp(`^(?:${source})$`, 'u')
    } catch {
      pattern = new RegExp(`^(?:${source})$`)
    }
    patterns.set(source, pattern)
  }
  return pattern
}

const camel = (member: string): string => member.charAt(0).toLowerCase() + member.slice(1)
const join = (path: string, member: string): string =>
  path === '' ? camel(member) : `${path}.${camel(member)}`

/** Every violation of `input` against the operation's input shape, in member order. */
export function violations(model: ServiceModel, operation: string, input: unknown): Violation[] {
  const shapeName = model.operations[operation]
  if (!shapeName) return []
  const found: Violation[] = []
  const add = (
    path: string,
    value: unknown,
    constraint: string,
    kind: Violation['kind'],
    shape: Shape
  ): void => {
    found.push({ path, value, constraint, kind, sensitive: shape.sensitive === true })
  }
  const length = (path: string, value: unknown, size: number, shape: Shape): void => {
    if (shape.min !== undefined && size < shape.min) {
      add(path, value, `Member must have length greater than or equal to ${shape.min}`, 'length', shape)
    }
    if (shape.max !== undefined && size > shape.max) {
      add(path, value, `Member must have length less than or equal to ${shape.max}`, 'length', shape)
    }
  }
  const visit = (name: string, value: unknown, path: string): void => {
    const shape = model.shapes[name]
    if (!shape || value === undefined || value === null) return
    switch (shape.type) {
      case 'structure': {
        if (typeof value !== 'object' || Array.isArray(value)) return
        const object = value as Record<string, unknown>
        for (const [member, ref] of Object.entries(shape.members ?? {})) {
          const memberValue = object[member]
          if ((memberValue === undefined || memberValue === null) && shape.required?.includes(member)) {
            add(
              join(path, member),
              null,
              'Member must not be null',
              'required',
              model.shapes[ref.shape] ?? shape
            )
          } else visit(ref.shape, memberValue, join(path, member))
        }
        return
      }
      case 'list': {
        if (!Array.isArray(value)) return
        length(path, value, value.length, shape)
        value.forEach((item, i) => visit(shape.member?.shape ?? '', item, `${path}.${i + 1}.member`))
        return
      }
      case 'map': {
        if (typeof value !== 'object' || Array.isArray(value)) return
        const entries = Object.entries(value as Record<string, unknown>)
        length(path, value, entries.length, shape)
        const keyShape = model.shapes[shape.key?.shape ?? '']
        const valueShape = model.shapes[shape.value?.shape ?? '']
        for (const [key, item] of entries) {
          if (keyShape) {
            for (const problem of violations(
              { ...model, operations: { key: shape.key?.shape ?? '' } },
              'key',
              key
            )) {
              add(
                path,
                value,
                `Map keys must satisfy constraint: [${problem.constraint}]`,
                problem.kind,
                keyShape
              )
            }
          }
          if (valueShape && valueShape.type === 'string') {
            for (const problem of violations(
              { ...model, operations: { value: shape.value?.shape ?? '' } },
              'value',
              item
            )) {
              add(
                path,
                value,
                `Map value must satisfy constraint: [${problem.constraint}]`,
                problem.kind,
                valueShape
              )
            }
          } else visit(shape.value?.shape ?? '', item, path)
        }
        return
      }
      case 'string': {
        if (typeof value !== 'string') return
        length(path, value, value.length, shape)
        if (shape.pattern !== undefined && !patternOf(shape.pattern).test(value)) {
          add(
            path,
            value,
            `Member must satisfy regular expression pattern: ${shape.pattern}`,
            'pattern',
            shape
          )
        }
        if (shape.enum && !shape.enum.includes(value)) {
          add(path, value, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`, 'enum', shape)
        }
        return
      }
      case 'integer':
      case 'long': {
        if (typeof value !== 'number') return
        if (shape.min !== undefined && value < shape.min) {
          add(path, value, `Member must have value greater than or equal to ${shape.min}`, 'range', shape)
        }
        if (shape.max !== undefined && value > shape.max) {
          add(path, value, `Member must have value less than or equal to ${shape.max}`, 'range', shape)
        }
        return
      }
      default:
        return
    }
  }
  visit(shapeName, input, '')
  return found
}
