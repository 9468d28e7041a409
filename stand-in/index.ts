/**
 * Starts the whole stand-in (S3, Glue, STS, GitHub OIDC) on a loopback port and gives the tests,
 * the demo and the benchmark typed access to its state, knobs and counters.
 */
import { AthenaService } from './athena.js'
import type { Clock } from './clock.js'
import { GitHubService } from './github.js'
import { GlueService } from './glue.js'
import { athenaAccess, glueAccess, queryAccess, s3Access } from './access.js'
import { AccessPolicyGate } from './access-gate.js'
import { loadAuthorizationData } from './iam/arns.js'
import { IamModel } from './iam/model.js'
import { GitHubOidcService, sharedSigningKeys } from './oidc.js'
import { S3Service } from './s3.js'
import { StandInServer, type StandInOptions } from './server.js'
import { StsService } from './sts.js'

export interface StandIn {
  readonly endpoint: string
  readonly server: StandInServer
  readonly s3: S3Service
  readonly glue: GlueService
  readonly athena: AthenaService
  readonly github: GitHubService
  readonly sts: StsService
  readonly oidc: GitHubOidcService
  /** Accounts, OIDC providers, roles and the denials so far (stand-in/README.md, "IAM and accounts"). */
  readonly iam: IamModel
  /** The stand-in's time: `clock.advance(ms)` expires sessions and finishes partition indexes without waiting. */
  readonly clock: Clock
  /**
   * Environment for a process that should use the stand-in as AWS and as GitHub's OIDC provider:
   * `AWS_ENDPOINT_URL`, a region, dummy ambient keys and the `ACTIONS_ID_TOKEN_REQUEST_*` pair.
   */
  env(): Record<string, string>
  close(): Promise<void>
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const server = new StandInServer()
  const iam = new IamModel()
  const oidc = new GitHubOidcService(sharedSigningKeys())
  const sts = new StsService(oidc, iam, server.clock)
  const glue = new GlueService(server.clock)
  const s3 = new S3Service()
  const athena = new AthenaService(glue, s3)
  const github = new GitHubService()
  const gate = new AccessPolicyGate(iam, server.clock)
  gate
    .describe('S3', s3Access(s3))
    .describe('Glue', glueAccess(glue))
    .describe('Athena', athenaAccess(athena))
  athena.queryAccess = queryAccess(gate, glue, s3)
  server.iam = gate
  await loadAuthorizationData()
  // S3 claims every path-style request, so it is registered last.
  server.register(oidc).register(sts).register(glue).register(athena).register(github).register(s3)
  const endpoint = await server.listen(options)
  return {
    endpoint,
    server,
    s3,
    glue,
    athena,
    github,
    sts,
    oidc,
    iam,
    clock: server.clock,
    env: () => ({
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'AKIASTANDINAMBIENT01',
      AWS_SECRET_ACCESS_KEY: 'stand-in-ambient-secret',
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl(endpoint),
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
      GITHUB_API_URL: endpoint
    }),
    close: () => server.close()
  }
}

export { AwsError } from './types.js'
export type { StandInOptions } from './server.js'
