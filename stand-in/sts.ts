/**
 * STS of the stand-in (AWS query protocol: form-encoded POST, XML answers): AssumeRoleWithWebIdentity
 * for GitHub OIDC tokens from the stand-in's own issuer, and GetCallerIdentity. Parameter limits and
 * error codes follow the STS API model; the checks on the token follow what IAM answers for an OIDC
 * provider registered for GitHub (see README.s3-sts-oidc.md for the sources).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { XMLBuilder } from 'fast-xml-parser'
import { Clock } from './clock.js'
import { PolicyError, validatePolicy, type PolicyDocument } from './iam/policy.js'
import { GITHUB_OIDC_HOST, roleIdOf, type IamModel } from './iam/model.js'
import { trustAdmits } from './iam/trust.js'
import { GITHUB_OIDC_ISSUER, type GitHubOidcClaims, type GitHubOidcService } from './oidc.js'
import { AwsError, type ServiceHandler, type StandInRequest, type StandInResponse } from './types.js'

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/'
const STS_ACTIONS = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'AssumeRoot',
  'DecodeAuthorizationMessage',
  'GetAccessKeyInfo',
  'GetCallerIdentity',
  'GetFederationToken',
  'GetSessionToken'
])
const ROLE_ARN =
  /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:iam::(\d{12}):role\/(?:[\u0021-\u007e]*\/)?([\w+=,.@-]{1,64})$/

/**
 * A session policy as STS reads it: JSON, in IAM's grammar (the stand-in's evaluator), else
 * `MalformedPolicyDocument` 400 (model).
 */
function readSessionPolicy(text: string): PolicyDocument {
  try {
    return validatePolicy(JSON.parse(text), 'identity')
  } catch (error) {
    const why = error instanceof PolicyError ? error.message : 'the policy is not valid JSON'
    throw new AwsError('MalformedPolicyDocument', `The policy is not in the valid format: ${why}`, 400)
  }
}

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' })

export interface IssuedCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  roleArn: string
  assumedRoleArn: string
  sessionName: string
  subject: string
  audience: string
  expiration: Date
  durationSeconds: number
  /** The session policy (`Policy`), when one was passed. */
  sessionPolicy?: PolicyDocument
}

/** The role's trust policy, as a predicate over the token's claims. */
export type TrustRule = (claims: GitHubOidcClaims, roleArn: string) => boolean

function randomAlphanumeric(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'): string {
  const bytes = randomBytes(length)
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')
}

export class StsService implements ServiceHandler {
  readonly service = 'STS'
  /** The role's MaxSessionDuration (IAM allows 3600..43200; 3600 is IAM's default). */
  maxSessionDurationSeconds = 3600
  /** The audience the role's trust policy requires (`token.actions.githubusercontent.com:aud`). */
  expectedAudience = 'sts.amazonaws.com'
  /** The client IDs registered on the IAM OIDC provider; a token for another audience is refused. */
  providerAudiences = ['sts.amazonaws.com']
  /** The rest of the role's trust policy (the `sub` condition, usually); allows every token by default. */
  trust: TrustRule = () => true
  /** Who ambient (non-STS) keys belong to, for GetCallerIdentity. */
  ambientArn = 'arn:aws:iam::123456789012:user/stand-in'
  readonly issued: IssuedCredentials[] = []

  /**
   * @param iam the stand-in's IAM: a role it knows is assumed only if its account has GitHub's OIDC
   *   provider and its trust policy admits the token; its sessions are authorized by its policies.
   */
  constructor(
    private readonly oidc: GitHubOidcService,
    private readonly iam?: IamModel,
    /** The stand-in's time: sessions expire by it (tests move it instead of waiting). */
    readonly clock = new Clock()
  ) {}

  isIssued(accessKeyId: string): boolean {
    return this.issued.some((credentials) => credentials.accessKeyId === accessKeyId)
  }

  // ---- ServiceHandler ----

  operation(request: StandInRequest): string | undefined {
    if (request.method !== 'POST') return undefined
    const type = String(request.headers['content-type'] ?? '')
    if (!type.startsWith('application/x-www-form-urlencoded')) return undefined
    const action = new URLSearchParams(request.body.toString('utf8')).get('Action')
    return action !== null && STS_ACTIONS.has(action) ? action : undefined
  }

  handle(operation: string, request: StandInRequest): StandInResponse {
    const params = new URLSearchParams(request.body.toString('utf8'))
    switch (operation) {
      case 'AssumeRoleWithWebIdentity':
        return this.respond(operation, this.assumeRoleWithWebIdentity(params))
      case 'GetCallerIdentity':
        return this.respond(operation, this.callerIdentity(request))
      default:
        throw new AwsError('NotImplemented', `the stand-in does not implement STS ${operation}`, 501)
    }
  }

  errorResponse(error: AwsError, _request: StandInRequest): StandInResponse {
    const requestId = randomUUID()
    const body = xml.build({
      ErrorResponse: {
        '@_xmlns': XMLNS,
        Error: {
          Type: error.status >= 500 ? 'Receiver' : 'Sender',
          Code: error.code,
          Message: error.message
        },
        RequestId: requestId
      }
    }) as string
    return {
      status: error.status,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
      body
    }
  }

  throttlingError(): AwsError {
    return new AwsError('Throttling', 'Rate exceeded', 400)
  }

  internalError(): AwsError {
    return new AwsError('InternalFailure', 'An internal error occurred.', 500)
  }

  /** Observed on STS (aws/aws-sdk-java-v2#1649, cloudquery/cloudquery#4834: "StatusCode: 403 … ExpiredToken"). */
  expiredTokenError(): AwsError {
    return new AwsError('ExpiredToken', 'The security token included in the request is expired', 403)
  }

  // ---- operations ----

  private assumeRoleWithWebIdentity(params: URLSearchParams): Record<string, unknown> {
    const roleArn = params.get('RoleArn')
    const sessionName = params.get('RoleSessionName')
    const token = params.get('WebIdentityToken')
    const rawDuration = params.get('DurationSeconds')
    const policyText = params.get('Policy')
    const durationSeconds = rawDuration === null ? 3600 : Number(rawDuration)

    // Lengths, patterns and ranges are the model's, checked before the operation (request-validation.ts).
    if (!Number.isInteger(durationSeconds)) {
      throw new AwsError(
        'ValidationError',
        `1 validation error detected: Value '${rawDuration}' at 'durationSeconds' failed to satisfy constraint: Member must be an integer`,
        400
      )
    }
    const sessionPolicy = policyText === null ? undefined : readSessionPolicy(policyText)
    const role = ROLE_ARN.exec(roleArn as string)
    if (!role) throw new AwsError('ValidationError', 'Request ARN is invalid', 400)

    const denied = (): AwsError =>
      new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403)
    const known = this.iam?.role(roleArn as string)
    let maxSessionDuration = this.maxSessionDurationSeconds
    let claims: GitHubOidcClaims
    if (known) {
      // IAM looks for the provider in the role's account, then checks the token against it.
      const provider = this.iam?.providers.get(known.account)
      if (!provider) {
        this.checkToken(token as string, [])
        throw new AwsError(
          'InvalidIdentityToken',
          `No OpenIDConnect provider found in your account for ${GITHUB_OIDC_ISSUER}`,
          400
        )
      }
      claims = this.checkToken(token as string, provider.clientIds)
      if (!trustAdmits(known.trustPolicy, provider.arn, claims)) throw denied()
      maxSessionDuration = known.maxSessionDurationSeconds
    } else {
      claims = this.checkToken(token as string, this.providerAudiences)
      // A role IAM does not have is refused like one whose trust policy does not admit the token.
      if (this.iam?.strict) throw denied()
      if (claims.aud !== this.expectedAudience || !this.trust(claims, roleArn as string)) throw denied()
    }
    if (durationSeconds > maxSessionDuration) {
      throw new AwsError(
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
        400
      )
    }

    const [, account, roleName] = role as unknown as [string, string, string]
    const assumedRoleArn = `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`
    const credentials: IssuedCredentials = {
      accessKeyId: `ASIA${randomAlphanumeric(16)}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(256).toString('base64'),
      roleArn: roleArn as string,
      assumedRoleArn,
      sessionName: sessionName as string,
      subject: claims.sub,
      audience: claims.aud,
      expiration: new Date(this.clock.now() + durationSeconds * 1000),
      durationSeconds,
      ...(sessionPolicy ? { sessionPolicy } : {})
    }
    this.issued.push(credentials)
    this.iam?.recordSession(credentials.accessKeyId, {
      account,
      roleArn: roleArn as string,
      arn: assumedRoleArn,
      sessionName: sessionName as string,
      expiresAt: credentials.expiration.getTime(),
      ...(sessionPolicy ? { sessionPolicy } : {})
    })
    return {
      Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: credentials.expiration.toISOString()
      },
      SubjectFromWebIdentityToken: claims.sub,
      AssumedRoleUser: {
        AssumedRoleId: `${roleIdOf(roleArn as string)}:${sessionName}`,
        Arn: assumedRoleArn
      },
      Provider: `arn:aws:iam::${account}:oidc-provider/${GITHUB_OIDC_HOST}`,
      Audience: claims.aud
    }
  }

  /** Signature, issuer, expiry and audience: IAM's checks of the token against its OIDC provider. */
  private checkToken(token: string, audiences: readonly string[]): GitHubOidcClaims {
    let claims: GitHubOidcClaims
    try {
      claims = this.oidc.verify(token)
    } catch (error) {
      throw new AwsError(
        'InvalidIdentityToken',
        `The web identity token could not be validated: ${String(error)}`,
        400
      )
    }
    if (claims.iss !== GITHUB_OIDC_ISSUER) {
      throw new AwsError(
        'InvalidIdentityToken',
        `No OpenIDConnect provider found in your account for ${String(claims.iss)}`,
        400
      )
    }
    const now = Math.floor(Date.now() / 1000)
    if (typeof claims.exp !== 'number' || now >= claims.exp) {
      throw new AwsError(
        'ExpiredTokenException',
        `Token expired: current date/time ${now} must be before the expiration date/time ${String(claims.exp)}`,
        400
      )
    }
    if (audiences.length > 0 && !audiences.includes(claims.aud)) {
      throw new AwsError('InvalidIdentityToken', 'Incorrect token audience', 400)
    }
    return claims
  }

  private callerIdentity(request: StandInRequest): Record<string, unknown> {
    const accessKeyId = request.accessKeyId
    if (!accessKeyId)
      throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403)
    const issued = this.issued.find((credentials) => credentials.accessKeyId === accessKeyId)
    if (issued) {
      if (issued.expiration.getTime() <= this.clock.now()) throw this.expiredTokenError()
      return {
        UserId: `${roleIdOf(issued.roleArn)}:${issued.sessionName}`,
        Account: issued.assumedRoleArn.split(':')[4],
        Arn: issued.assumedRoleArn
      }
    }
    // A session key this STS did not issue is unknown to AWS too.
    if (accessKeyId.startsWith('ASIA')) {
      throw new AwsError(
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
        403
      )
    }
    // An administrator key of another account (IamModel.administratorKey) answers as that account.
    const caller = request.caller
    if (caller?.kind === 'administrator' && caller.account !== this.ambientArn.split(':')[4]) {
      return { UserId: 'AIDASTANDINACCOUNTADMIN', Account: caller.account, Arn: caller.arn }
    }
    return { UserId: 'AIDASTANDINAMBIENTUSER', Account: this.ambientArn.split(':')[4], Arn: this.ambientArn }
  }

  private respond(operation: string, result: Record<string, unknown>): StandInResponse {
    const requestId = randomUUID()
    const body = xml.build({
      [`${operation}Response`]: {
        '@_xmlns': XMLNS,
        [`${operation}Result`]: result,
        ResponseMetadata: { RequestId: requestId }
      }
    }) as string
    return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body }
  }
}
