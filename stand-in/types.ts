import type { IncomingHttpHeaders } from 'node:http'
import type { Caller } from './iam/model.js'

/** One HTTP request as the stand-in sees it: body fully read. */
export interface StandInRequest {
  method: string
  url: URL
  headers: IncomingHttpHeaders
  body: Buffer
  /** Access key id from the SigV4 Authorization header, when signed. */
  accessKeyId?: string
  /** Who signed it (set by the server from the access key id): an STS session or an administrator. */
  caller?: Caller
}

export interface StandInResponse {
  status: number
  headers?: Record<string, string>
  body?: string | Buffer
}

/** An error answered the way the service answers it (code, message, HTTP status). */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly extra: Record<string, string> = {}
  ) {
    super(message)
    this.name = code
  }
}

/**
 * One AWS (or GitHub) service of the stand-in. The server finds the service and the operation,
 * counts the call, applies the knobs, then calls `handle`.
 */
export interface ServiceHandler {
  /** Prefix of the operation names in counters and knobs: `S3`, `Glue`, `STS`, `OIDC`, `Athena`. */
  readonly service: string
  /** The operation this request is for, or undefined when it is not this service's request. */
  operation(request: StandInRequest): string | undefined
  handle(operation: string, request: StandInRequest): StandInResponse | Promise<StandInResponse>
  /** Renders an error in the service's own wire format. */
  errorResponse(error: AwsError, request: StandInRequest): StandInResponse
  /** The error the service answers when its request rate is exceeded. */
  throttlingError(): AwsError
  /** The error the service answers on an internal (5xx) failure. */
  internalError(): AwsError
  /** The error the service answers a call signed by an expired STS session with (AWS services only). */
  expiredTokenError?(): AwsError
}
