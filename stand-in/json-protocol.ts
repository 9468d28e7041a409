/**
 * The AWS JSON 1.1 protocol that Glue and Athena share: the operation comes from
 * `x-amz-target: <Prefix>.<Operation>`, the body is one JSON object, answers are
 * `application/x-amz-json-1.1`, errors are `{"__type": code, "Message": ...}` with the error's status.
 */
import type { Json } from './glue-validation.js'
import { AwsError, type StandInRequest, type StandInResponse } from './types.js'

export type JsonOperations = Record<string, (body: Json) => Json>

/** The operation named by `x-amz-target`, when it carries this service's prefix. */
export function targetOperation(request: StandInRequest, prefix: string): string | undefined {
  const target = request.headers['x-amz-target']
  if (typeof target !== 'string' || !target.startsWith(`${prefix}.`)) return undefined
  return target.slice(prefix.length + 1)
}

/** Parses the body and runs the operation; unknown operations and bodies that are not an object are refused. */
export function runJsonOperation(
  service: string,
  operations: JsonOperations,
  operation: string,
  request: StandInRequest,
  notAnObjectMessage = 'The request body is not a JSON object'
): StandInResponse {
  const run = Object.hasOwn(operations, operation) ? operations[operation] : undefined
  if (!run)
    throw new AwsError('UnknownOperationException', `The stand-in does not serve ${service} ${operation}`)
  let body: unknown
  try {
    body = request.body.length === 0 ? {} : JSON.parse(request.body.toString('utf8'))
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AwsError('SerializationException', notAnObjectMessage)
  }
  return jsonResponse(200, run(body as Json))
}

export function jsonResponse(status: number, value: unknown): StandInResponse {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify(value)
  }
}

export function jsonErrorResponse(error: AwsError): StandInResponse {
  return jsonResponse(error.status, { __type: error.code, Message: error.message, ...error.extra })
}
