/**
 * The front-end check of each AWS service of the stand-in: the request's input, read as the
 * service's protocol carries it (JSON body, query form, REST URI/query/headers), validated against
 * the service's model (model-validation.ts), and a violation answered as that service answers it:
 *
 * - Glue: `ValidationException` 400 (observed: CreateTable in moj-analytical-services/etl_manager#90,
 *   BatchDeletePartition in apache/hudi#9806 "Status Code: 400; Error Code: ValidationException"; its
 *   own semantic checks answer `InvalidInputException`), Athena: `InvalidRequestException` 400
 *   (`AthenaErrorCode` `INVALID_INPUT`), STS: `ValidationError` 400, each with the AWS framework's message
 *   "N validation error(s) detected: Value … at '<path>' failed to satisfy constraint: Member must …".
 * - S3: `InvalidArgument` 400 naming the argument (S3 has no framework message).
 *
 * Services without a model here (GitHub, OIDC) are not checked.
 */
import { loadModel, violations, type ModelName, type Shape, type Violation } from './model-validation.js'
import { AwsError, type StandInRequest } from './types.js'

interface ServiceRules {
  model: ModelName
  /** The input as the model names it, or undefined when the request is for the operation itself to refuse. */
  input(operation: string, request: StandInRequest): unknown
  error(found: Violation[]): AwsError
}

/** How Glue and Athena show values in messages (the existing rows of README.md): lengths without the value. */
function jsonMessage(found: Violation[]): string {
  const parts = found.map((violation) => {
    let value = `Value '${String(violation.value)}'`
    if (violation.kind === 'required') value = "Value 'null'"
    else if (violation.kind === 'length' || violation.sensitive) value = 'Value'
    return `${value} at '${violation.path}' failed to satisfy constraint: ${violation.constraint}`
  })
  return `${found.length} validation ${found.length === 1 ? 'error' : 'errors'} detected: ${parts.join('; ')}`
}

/**
 * Members whose values STS never shows: the web identity token is `sensitive` in the current STS
 * model (`clientTokenType`); the 2022 model copied here predates that trait.
 */
const STS_SENSITIVE = new Set(['webIdentityToken'])

/** STS shows every value but sensitive ones, and `null` unquoted. */
function stsMessage(found: Violation[]): string {
  const parts = found.map((violation) => {
    let value = `Value '${String(violation.value)}'`
    if (violation.kind === 'required') value = 'Value null'
    else if (violation.sensitive || STS_SENSITIVE.has(violation.path)) value = 'Value'
    return `${value} at '${violation.path}' failed to satisfy constraint: ${violation.constraint}`
  })
  return `${found.length} validation ${found.length === 1 ? 'error' : 'errors'} detected: ${parts.join('; ')}`
}

function jsonBody(request: StandInRequest): unknown {
  try {
    const body: unknown = request.body.length === 0 ? {} : JSON.parse(request.body.toString('utf8'))
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? body : undefined
  } catch {
    return undefined
  }
}

const number = (text: string): number | string => (/^-?\d+$/.test(text) ? Number(text) : text)

/** The query protocol's form (`Name=…`, lists as `Name.member.N`) as model input. */
function queryInput(operation: string, request: StandInRequest): unknown {
  const model = loadModel('sts')
  const shape = model.shapes[model.operations[operation] ?? '']
  const params = new URLSearchParams(request.body.toString('utf8'))
  const input: Record<string, unknown> = {}
  for (const [member, ref] of Object.entries(shape?.members ?? {})) {
    const memberShape = model.shapes[ref.shape] as Shape
    if (memberShape.type === 'list') {
      const items: unknown[] = []
      for (let i = 1; params.has(`${member}.member.${i}`) || params.has(`${member}.member.${i}.arn`); i++) {
        items.push(params.get(`${member}.member.${i}`) ?? { arn: params.get(`${member}.member.${i}.arn`) })
      }
      if (items.length > 0) input[member] = items
      continue
    }
    const value = params.get(member)
    if (value === null) continue
    input[member] = memberShape.type === 'integer' ? number(value) : value
  }
  return input
}

/** A REST request's members from the URI, query string and headers, as the model places them. */
function restInput(operation: string, request: StandInRequest): unknown {
  const model = loadModel('s3')
  const shape = model.shapes[model.operations[operation] ?? '']
  const input: Record<string, unknown> = {}
  const firstSegment = request.url.pathname.split('/')[1] ?? ''
  for (const [member, ref] of Object.entries(shape?.members ?? {})) {
    const name = ref.locationName ?? member
    let value: string | undefined
    if (ref.location === 'uri') value = firstSegment === '' ? undefined : decodeURIComponent(firstSegment)
    else if (ref.location === 'querystring') value = request.url.searchParams.get(name) ?? undefined
    else if (ref.location === 'header') {
      const header = request.headers[name.toLowerCase()]
      value = Array.isArray(header) ? header[0] : header
    }
    if (value === undefined) continue
    input[member] = model.shapes[ref.shape]?.type === 'integer' ? number(value) : value
  }
  return input
}

/** S3's own words for the arguments it checks (observed messages, see README.md "S3"). */
const S3_ARGUMENTS: Record<string, { name: string; message: string }> = {
  encodingType: { name: 'encoding-type', message: 'Invalid Encoding Method specified in Request' },
  requestPayer: { name: 'x-amz-request-payer', message: 'Invalid value for x-amz-request-payer' }
}

const RULES: Record<string, ServiceRules> = {
  Glue: {
    model: 'glue',
    input: (_, request) => jsonBody(request),
    error: (found) => new AwsError('ValidationException', jsonMessage(found))
  },
  Athena: {
    model: 'athena',
    input: (_, request) => jsonBody(request),
    error: (found) =>
      new AwsError('InvalidRequestException', jsonMessage(found), 400, {
        AthenaErrorCode: 'INVALID_INPUT',
        ErrorCode: 'INVALID_INPUT'
      })
  },
  STS: {
    model: 'sts',
    input: queryInput,
    error: (found) => new AwsError('ValidationError', stsMessage(found), 400)
  },
  S3: {
    model: 's3',
    input: restInput,
    error: (found) => {
      const first = found[0] as Violation
      const argument = S3_ARGUMENTS[first.path] ?? {
        name: first.path,
        message: `Invalid argument ${first.path}`
      }
      return new AwsError('InvalidArgument', argument.message, 400, {
        ArgumentName: argument.name,
        ArgumentValue: String(first.value)
      })
    }
  }
}

/** The service's validation error for this request, or undefined when the model has nothing against it. */
export function validateRequest(
  service: string,
  operation: string,
  request: StandInRequest
): AwsError | undefined {
  const rules = RULES[service]
  if (!rules) return undefined
  const model = loadModel(rules.model)
  if (!Object.hasOwn(model.operations, operation)) return undefined
  const input = rules.input(operation, request)
  if (input === undefined) return undefined
  const found = violations(model, operation, input)
  return found.length > 0 ? rules.error(found) : undefined
}
