/**
 * Request checks of the Glue stand-in, answered as Glue answers a request that breaks its API model:
 * `InvalidInputException` (HTTP 400) with the model-validation message, e.g.
 * "1 validation error detected: Value at 'partitionInputList' failed to satisfy constraint: Member
 * must have length less than or equal to 100". Paths are camelCase member names with 1-based list
 * indexes, as in AWS's messages. Only the first violation is reported.
 */
import { AwsError } from './types.js'

export type Json = Record<string, unknown>

export function invalidInput(message: string): AwsError {
  return new AwsError('InvalidInputException', message)
}

export function constraintError(path: string, constraint: string, shown?: string): AwsError {
  const value = shown === undefined ? 'Value' : `Value '${shown}'`
  return invalidInput(
    `1 validation error detected: ${value} at '${path}' failed to satisfy constraint: Member must ${constraint}`
  )
}

function checkLength(length: number, path: string, min: number, max: number): void {
  if (length < min) throw constraintError(path, `have length greater than or equal to ${min}`)
  if (length > max) throw constraintError(path, `have length less than or equal to ${max}`)
}

function missing(path: string): AwsError {
  return constraintError(path, 'not be null', 'null')
}

export function optionalString(value: unknown, path: string, min: number, max: number): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw invalidInput(`Value at '${path}' must be a string`)
  checkLength(value.length, path, min, max)
  return value
}

export function requiredString(value: unknown, path: string, min = 1, max = 255): string {
  const text = optionalString(value, path, min, max)
  if (text === undefined) throw missing(path)
  return text
}

export function optionalList(value: unknown, path: string, min: number, max: number): unknown[] | undefined {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw invalidInput(`Value at '${path}' must be a list`)
  checkLength(value.length, path, min, max)
  return value
}

export function requiredList(value: unknown, path: string, min: number, max: number): unknown[] {
  const list = optionalList(value, path, min, max)
  if (list === undefined) throw missing(path)
  return list
}

export function optionalInteger(value: unknown, path: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalidInput(`Value at '${path}' must be an integer`)
  }
  if (value < min) throw constraintError(path, `have value greater than or equal to ${min}`, String(value))
  if (value > max) throw constraintError(path, `have value less than or equal to ${max}`, String(value))
  return value
}

export function requiredInteger(value: unknown, path: string, min: number, max: number): number {
  const number = optionalInteger(value, path, min, max)
  if (number === undefined) throw missing(path)
  return number
}

export function optionalObject(value: unknown, path: string): Json | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidInput(`Value at '${path}' must be a structure`)
  }
  return value as Json
}

export function requiredObject(value: unknown, path: string): Json {
  const object = optionalObject(value, path)
  if (object === undefined) throw missing(path)
  return object
}

/**
 * Partition values (`ValueStringList`): each a string of 1..1024 characters (model `ValueString`);
 * when `keyCount` is given, exactly one per partition key (doc of `PartitionInput.Values`).
 */
export function partitionValues(value: unknown, path: string, keyCount?: number): string[] {
  const list = requiredList(value, path, 0, Number.MAX_SAFE_INTEGER)
  list.forEach((item, index) => requiredString(item, `${path}.${index + 1}.member`, 1, 1024))
  if (keyCount !== undefined && list.length !== keyCount) {
    throw invalidInput(
      `The number of partition keys (${keyCount}) does not match the number of partition values (${list.length})`
    )
  }
  return list as string[]
}
