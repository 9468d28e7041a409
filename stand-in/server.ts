/**
 * The local AWS stand-in: one HTTP server on a loopback port that the real AWS SDK clients talk to
 * through endpoint overrides (`AWS_ENDPOINT_URL`). Each service is a ServiceHandler; this file
 * only routes, counts, and applies the knobs (latency, throttling, injected failures).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import type { AccessPolicyGate } from './access-gate.js'
import { Clock } from './clock.js'
import { CallCounter, Knobs } from './knobs.js'
import { validateRequest } from './request-validation.js'
import { AwsError, type ServiceHandler, type StandInRequest, type StandInResponse } from './types.js'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost'])
const ADMIN_PREFIX = '/_stand-in/'

export interface StandInOptions {
  /** Loopback address to listen on (default 127.0.0.1); anything else is refused. */
  host?: string
  /** Port (default 0: a free one). */
  port?: number
}

function accessKeyIdOf(authorization: string | undefined): string | undefined {
  return /Credential=([^/,\s]+)\//.exec(authorization ?? '')?.[1]
}

async function readRequest(message: IncomingMessage, base: string): Promise<StandInRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of message) chunks.push(chunk as Buffer)
  return {
    method: message.method ?? 'GET',
    url: new URL(message.url ?? '/', base),
    headers: message.headers,
    body: Buffer.concat(chunks),
    accessKeyId: accessKeyIdOf(message.headers.authorization)
  }
}

function send(response: ServerResponse, answer: StandInResponse): void {
  const body = answer.body ?? ''
  response.writeHead(answer.status, {
    'content-length': Buffer.byteLength(body).toString(),
    'x-amzn-requestid': crypto.randomUUID(),
    ...answer.headers
  })
  response.end(body)
}

export class StandInServer {
  readonly knobs = new Knobs()
  readonly calls = new CallCounter()
  /**
   * Check each request against the service's AWS model before the operation runs (required members,
   * lengths, patterns, ranges, list sizes), answering a violation as the service does.
   */
  validateRequests = true
  /** Sees every request of an AWS operation as it arrives (tests record what the product really sends). */
  onRequest: ((operation: string, request: StandInRequest) => void) | undefined
  /** The stand-in's time (tests move it with `clock.advance(ms)`); services built by startStandIn share it. */
  readonly clock = new Clock()
  /** Access key ids that signed each operation's calls, for tests of the credential path. */
  readonly signers = new Map<string, Set<string>>()
  /** IAM: who signed each request, and whether they may make it (see stand-in/iam). */
  iam: AccessPolicyGate | undefined
  private readonly handlers: ServiceHandler[] = []
  private server: Server | undefined
  private baseUrl = ''

  /** Registers a service; the first handler that claims a request gets it. */
  register(handler: ServiceHandler): this {
    this.handlers.push(handler)
    return this
  }

  get endpoint(): string {
    if (!this.server) throw new Error('the stand-in is not started')
    return this.baseUrl
  }

  async listen(options: StandInOptions = {}): Promise<string> {
    const host = options.host ?? '127.0.0.1'
    if (!LOOPBACK_HOSTS.has(host)) {
      throw new Error(`the stand-in listens on loopback only; refusing host ${host}`)
    }
    const server = createServer((message, response) => {
      this.serve(message, response).catch((error: unknown) => {
        send(response, { status: 500, body: `stand-in bug: ${String(error)}` })
      })
    })
    server.keepAliveTimeout = 5000
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, host, () => resolve())
    })
    this.server = server
    const address = server.address() as AddressInfo
    const printable = address.family === 'IPv6' ? `[${address.address}]` : address.address
    this.baseUrl = `http://${printable}:${address.port}`
    return this.baseUrl
  }

  async close(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  private async serve(message: IncomingMessage, response: ServerResponse): Promise<void> {
    const request = await readRequest(message, this.baseUrl)
    if (request.url.pathname.startsWith(ADMIN_PREFIX)) {
      send(response, this.admin(request))
      return
    }
    for (const handler of this.handlers) {
      const name = handler.operation(request)
      if (name === undefined) continue
      send(response, await this.dispatch(handler, `${handler.service}.${name}`, name, request))
      return
    }
    send(response, { status: 400, body: `the stand-in does not serve ${request.method} ${request.url}` })
  }

  private async dispatch(
    handler: ServiceHandler,
    operation: string,
    name: string,
    request: StandInRequest
  ): Promise<StandInResponse> {
    this.onRequest?.(operation, request)
    const latency = this.knobs.latencyFor(operation)
    if (latency > 0) await sleep(latency)
    if (request.accessKeyId) {
      let signers = this.signers.get(operation)
      if (!signers) this.signers.set(operation, (signers = new Set()))
      signers.add(request.accessKeyId)
    }
    if (this.knobs.shouldFail(operation)) {
      this.calls.record(operation, 'failed')
      return handler.errorResponse(handler.internalError(), request)
    }
    if (!this.knobs.admit(operation)) {
      this.calls.record(operation, 'throttled')
      return handler.errorResponse(handler.throttlingError(), request)
    }
    try {
      const denied = await this.iam?.check(handler, name, request)
      if (denied) {
        this.calls.record(operation, 'error')
        return handler.errorResponse(denied, request)
      }
      const invalid = this.validateRequests ? validateRequest(handler.service, name, request) : undefined
      if (invalid) throw invalid
      const answer = await handler.handle(name, request)
      this.calls.record(operation, answer.status < 400 ? 'ok' : 'error')
      return answer
    } catch (error) {
      if (!(error instanceof AwsError)) throw error
      this.calls.record(operation, 'error')
      return handler.errorResponse(error, request)
    }
  }

  /** `GET /_stand-in/calls`: the call counters, for the stand-in run as a command. */
  private admin(request: StandInRequest): StandInResponse {
    const json = (value: unknown): StandInResponse => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(value)
    })
    if (request.url.pathname === `${ADMIN_PREFIX}calls`) return json(this.calls.snapshot())
    return { status: 404, body: 'unknown stand-in admin path' }
  }
}
