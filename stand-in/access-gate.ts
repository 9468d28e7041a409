/**
 * The server's IAM step, run before each operation: finds who signed the request, asks the
 * service what the operation needs (`AccessDescriber`), authorizes it, and turns a denial into the
 * service's own error: S3 `AccessDenied` 403 (resource quoted), Glue and Athena
 * `AccessDeniedException` 400, STS `AccessDenied` 403.
 */
import { loadAuthorizationData } from './iam/arns.js'
import { authorize, denialMessage, type AccessRequirement } from './iam/authorize.js'
import type { Caller, Denial, IamModel } from './iam/model.js'
import { Clock } from './clock.js'
import { AwsError, type ServiceHandler, type StandInRequest } from './types.js'

/** What an operation of a service needs, given who calls; [] when it needs nothing. */
export type AccessDescriber = (
  operation: string,
  request: StandInRequest,
  caller: Caller
) => readonly AccessRequirement[] | Promise<readonly AccessRequirement[]>

function deniedError(service: string, denial: Denial): AwsError {
  switch (service) {
    case 'S3':
      return new AwsError('AccessDenied', denialMessage(denial, { quoteResource: true }), 403)
    case 'STS':
      return new AwsError('AccessDenied', denialMessage(denial), 403)
    default:
      return new AwsError('AccessDeniedException', denialMessage(denial), 400)
  }
}

/** The AWS JSON services' answer to an expired session (Athena, observed: DyfanJones/noctua#202). */
function expiredTokenException(): AwsError {
  return new AwsError('ExpiredTokenException', 'The security token included in the request is expired', 400)
}

export class AccessPolicyGate {
  private readonly describers = new Map<string, AccessDescriber>()

  /**
   * @param clock the stand-in's time: a session whose credentials have expired by it is answered
   *   with the service's expired-token error, whatever it asks.
   */
  constructor(
    readonly model: IamModel,
    readonly clock = new Clock()
  ) {}

  describe(service: string, describer: AccessDescriber): this {
    this.describers.set(service, describer)
    return this
  }

  /**
   * Sets `request.caller`; returns the service's expired-token or access-denied error, or undefined
   * to go on.
   */
  async check(
    handler: ServiceHandler,
    operation: string,
    request: StandInRequest
  ): Promise<AwsError | undefined> {
    const service = handler.service
    const caller = this.model.callerOf(request.accessKeyId)
    if (caller) request.caller = caller
    if (
      caller?.kind === 'session' &&
      caller.expiresAt !== undefined &&
      caller.expiresAt <= this.clock.now()
    ) {
      return handler.expiredTokenError?.() ?? expiredTokenException()
    }
    const describer = this.describers.get(service)
    if (!describer || caller?.kind !== 'session' || !caller.role) return undefined
    await loadAuthorizationData()
    const denial = authorize(
      this.model,
      caller,
      `${service}.${operation}`,
      await describer(operation, request, caller)
    )
    if (!denial) return undefined
    this.model.denials.push(denial)
    return deniedError(service, denial)
  }

  /**
   * Authorizes work a service does for the caller within a call `check` let through (Athena
   * reading Glue and writing results for a query); synchronous, so services can call it inline.
   */
  authorizeOnBehalf(
    caller: Caller | undefined,
    operation: string,
    requirements: readonly AccessRequirement[]
  ): Denial | undefined {
    const denial = authorize(this.model, caller, operation, requirements)
    if (denial) this.model.denials.push(denial)
    return denial
  }
}
