/**
 * Fake but realistic CloudTrail records (the fields of the CloudTrail record contents reference), so
 * that anything reading a synthetic log file sees what it would see in a real one.
 */

/** A small deterministic PRNG (mulberry32): the same seed writes the same bucket. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = () => number

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export function randomString(random: Random, length: number, alphabet = ALPHANUMERIC): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)]
  return out
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

function uuid(random: Random): string {
  const hex = randomString(random, 32, '0123456789abcdef')
  const variant = '89ab'[Math.floor(random() * 4)] as string
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`
}

export interface RecordContext {
  account: string
  region: string
  random: Random
}

type IdentityType = 'AssumedRole' | 'IAMUser' | 'SAMLUser' | 'AWSService'

function userIdentity(context: RecordContext, type: IdentityType, eventTime: Date): Record<string, unknown> {
  const { account, random } = context
  switch (type) {
    case 'AssumedRole': {
      const role = pick(random, [
        'AWSReservedSSO_AdministratorAccess_0a1b2c3d',
        'github-deploy',
        'ops-readonly'
      ])
      const roleId = `AROA${randomString(random, 17, UPPER)}`
      const session = pick(random, ['alice@example.com', 'bob@example.com', 'GitHubActions'])
      return {
        type,
        principalId: `${roleId}:${session}`,
        arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
        accountId: account,
        accessKeyId: `ASIA${randomString(random, 16, UPPER)}`,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: roleId,
            arn: `arn:aws:iam::${account}:role/${role}`,
            accountId: account,
            userName: role
          },
          attributes: {
            creationDate: new Date(eventTime.getTime() - 600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
            mfaAuthenticated: 'false'
          }
        }
      }
    }
    case 'IAMUser': {
      const user = pick(random, ['ci-bot', 'legacy-admin'])
      return {
        type,
        principalId: `AIDA${randomString(random, 17, UPPER)}`,
        arn: `arn:aws:iam::${account}:user/${user}`,
        accountId: account,
        accessKeyId: `AKIA${randomString(random, 16, UPPER)}`,
        userName: user
      }
    }
    case 'SAMLUser':
      return {
        type,
        principalId: `${randomString(random, 28)}=:carol@example.com`,
        userName: 'carol@example.com',
        identityProvider: `${randomString(random, 28)}=`
      }
    case 'AWSService':
      return { type, invokedBy: pick(random, ['lambda.amazonaws.com', 'ec2.amazonaws.com']) }
  }
}

interface EventTemplate {
  source: string
  name: string
  identity: IdentityType
  readOnly: boolean
  /** Global-service events are delivered to us-east-1 only. */
  global?: boolean
  data?: boolean
  consoleSignIn?: boolean
  request: (context: RecordContext) => Record<string, unknown> | null
  response: (context: RecordContext) => Record<string, unknown> | null
}

const EVENTS: readonly EventTemplate[] = [
  {
    source: 'sts.amazonaws.com',
    name: 'AssumeRoleWithSAML',
    identity: 'SAMLUser',
    readOnly: false,
    request: ({ account }) => ({
      roleArn: `arn:aws:iam::${account}:role/AWSReservedSSO_AdministratorAccess_0a1b2c3d`,
      principalArn: `arn:aws:iam::${account}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE`,
      durationSeconds: 3600
    }),
    response: ({ account, random }) => ({
      credentials: {
        accessKeyId: `ASIA${randomString(random, 16, UPPER)}`,
        expiration: 'Jan 1, 2030, 12:00:00 AM'
      },
      assumedRoleUser: {
        arn: `arn:aws:sts::${account}:assumed-role/AWSReservedSSO_AdministratorAccess_0a1b2c3d/carol`
      }
    })
  },
  {
    source: 'signin.amazonaws.com',
    name: 'ConsoleLogin',
    identity: 'AssumedRole',
    readOnly: false,
    consoleSignIn: true,
    request: () => null,
    response: () => ({ ConsoleLogin: 'Success' })
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeInstances',
    identity: 'AssumedRole',
    readOnly: true,
    request: () => ({ instancesSet: {}, filterSet: {} }),
    response: () => null
  },
  {
    source: 's3.amazonaws.com',
    name: 'PutObject',
    identity: 'AssumedRole',
    readOnly: false,
    data: true,
    request: ({ random }) => ({ bucketName: 'app-artifacts', key: `builds/${randomString(random, 8)}.zip` }),
    response: () => null
  },
  {
    source: 'iam.amazonaws.com',
    name: 'CreateRole',
    identity: 'AssumedRole',
    readOnly: false,
    global: true,
    request: ({ random }) => ({
      roleName: `app-role-${randomString(random, 6)}`,
      assumeRolePolicyDocument: '{}'
    }),
    response: ({ account, random }) => ({
      role: { arn: `arn:aws:iam::${account}:role/app-role`, roleId: `AROA${randomString(random, 17, UPPER)}` }
    })
  },
  {
    source: 'kms.amazonaws.com',
    name: 'Decrypt',
    identity: 'AWSService',
    readOnly: true,
    request: () => ({ encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }),
    response: () => null
  },
  {
    source: 'logs.amazonaws.com',
    name: 'CreateLogStream',
    identity: 'IAMUser',
    readOnly: false,
    request: ({ random }) => ({ logGroupName: '/aws/lambda/app', logStreamName: randomString(random, 12) }),
    response: () => null
  }
]

/** One CloudTrail record of `context.account` in `context.region` at `eventTime`. */
export function fakeRecord(context: RecordContext, eventTime: Date): Record<string, unknown> {
  const { account, region, random } = context
  const candidates = EVENTS.filter((event) => !event.global || region === 'us-east-1')
  const event = pick(random, candidates)
  const service = event.source.replace('.amazonaws.com', '')
  return {
    eventVersion: '1.11',
    userIdentity: userIdentity(context, event.identity, eventTime),
    eventTime: eventTime.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: event.source,
    eventName: event.name,
    awsRegion: region,
    sourceIPAddress:
      event.identity === 'AWSService' ? 'AWS Internal' : `203.0.113.${Math.floor(random() * 254) + 1}`,
    userAgent: event.consoleSignIn
      ? 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'
      : 'aws-sdk-js/3.1175.0 ua/2.1 os/linux lang/js md/nodejs#20.20.2',
    requestParameters: event.request(context),
    responseElements: event.response(context),
    requestID: uuid(random),
    eventID: uuid(random),
    readOnly: event.readOnly,
    ...(event.data
      ? { resources: [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::app-artifacts/builds/` }] }
      : {}),
    eventType: event.consoleSignIn ? 'AwsConsoleSignIn' : 'AwsApiCall',
    managementEvent: !event.data,
    recipientAccountId: account,
    eventCategory: event.data ? 'Data' : 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: event.global
        ? `${service}.amazonaws.com`
        : `${service}.${region}.amazonaws.com`
    }
  }
}
