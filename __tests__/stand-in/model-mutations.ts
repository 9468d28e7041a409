/**
 * Mutations of a real request, generated from the service's model: each required member dropped,
 * each string, list or integer taken one past its bounds, each pattern and enum broken, at every
 * depth the request reaches (for lists, through their first item). Every mutation breaks exactly one
 * constraint AWS's model states, so AWS refuses each one.
 */
import { patternOf, type ServiceModel, type Shape } from '../../stand-in/model-validation.js'

export interface Mutation {
  /** `drop tableInput.name`, `tableInput.storageDescriptor.location over 2056` ... */
  description: string
  input: unknown
}

type Json = Record<string, unknown>

const camel = (member: string): string => member.charAt(0).toLowerCase() + member.slice(1)

/** Strings that may break a pattern; the first that does (within the length bounds) is used. */
function patternBreakers(value: string): string[] {
  return [
    `${value}\u0001`,
    '\u0001',
    `${value} !`,
    ' ',
    '',
    `${value}\u{1F600}`,
    `${value}\u00e9`,
    '-',
    'UPPER'
  ]
}

/** Returns a copy of `root` with the value at `steps` replaced (or removed with `undefined`). */
function replaceAt(root: unknown, steps: (string | number)[], value: unknown): unknown {
  if (steps.length === 0) return value
  const [step, ...rest] = steps
  if (Array.isArray(root)) {
    const copy = [...root]
    copy[step as number] = replaceAt(copy[step as number], rest, value)
    return copy
  }
  const copy = { ...(root as Json) }
  const next = replaceAt(copy[step as string], rest, value)
  if (next === undefined) delete copy[step as string]
  else copy[step as string] = next
  return copy
}

export function mutationsOf(model: ServiceModel, operation: string, input: Json): Mutation[] {
  const shapeName = model.operations[operation]
  if (!shapeName) return []
  const found: Mutation[] = []
  const add = (description: string, steps: (string | number)[], value: unknown): void => {
    found.push({ description, input: replaceAt(input, steps, value) })
  }
  const visit = (name: string, value: unknown, steps: (string | number)[], path: string): void => {
    const shape: Shape | undefined = model.shapes[name]
    if (!shape || value === undefined || value === null) return
    if (shape.type === 'structure' && typeof value === 'object' && !Array.isArray(value)) {
      for (const [member, ref] of Object.entries(shape.members ?? {})) {
        const memberValue = (value as Json)[member]
        if (memberValue === undefined) continue
        const memberPath = path === '' ? camel(member) : `${path}.${camel(member)}`
        if (shape.required?.includes(member)) add(`drop ${memberPath}`, [...steps, member], undefined)
        visit(ref.shape, memberValue, [...steps, member], memberPath)
      }
    } else if (shape.type === 'list' && Array.isArray(value)) {
      if (shape.max !== undefined && value.length > 0 && shape.max < 10_000) {
        add(
          `${path} over ${shape.max} items`,
          steps,
          Array.from({ length: shape.max + 1 }, () => value[0])
        )
      }
      if (shape.min !== undefined && shape.min > 0) add(`${path} under ${shape.min} items`, steps, [])
      if (value.length > 0) visit(shape.member?.shape ?? '', value[0], [...steps, 0], `${path}.1.member`)
    } else if (shape.type === 'map' && typeof value === 'object' && !Array.isArray(value)) {
      const keyShape = model.shapes[shape.key?.shape ?? '']
      if (keyShape?.max !== undefined) {
        add(`${path} key over ${keyShape.max}`, steps, {
          ...(value as Json),
          ['k'.repeat(keyShape.max + 1)]: 'v'
        })
      }
      const [first] = Object.entries(value as Json)
      if (first) visit(shape.value?.shape ?? '', first[1], [...steps, first[0]], path)
    } else if (shape.type === 'string' && typeof value === 'string') {
      const max = shape.max ?? Number.POSITIVE_INFINITY
      const min = shape.min ?? 0
      if (Number.isFinite(max)) add(`${path} over ${max}`, steps, 'x'.repeat(max + 1))
      if (min > 0) add(`${path} under ${min}`, steps, value.slice(0, min - 1))
      if (shape.pattern !== undefined) {
        const pattern = patternOf(shape.pattern)
        const breaker = patternBreakers(value).find(
          (candidate) => candidate.length >= min && candidate.length <= max && !pattern.test(candidate)
        )
        if (breaker !== undefined) add(`${path} breaks its pattern`, steps, breaker)
      }
      if (shape.enum) add(`${path} outside its enum`, steps, 'NOT_IN_THE_ENUM')
    } else if ((shape.type === 'integer' || shape.type === 'long') && typeof value === 'number') {
      if (shape.max !== undefined) add(`${path} over ${shape.max}`, steps, shape.max + 1)
      if (shape.min !== undefined) add(`${path} under ${shape.min}`, steps, shape.min - 1)
    }
  }
  visit(shapeName, input, [], '')
  return found
}
