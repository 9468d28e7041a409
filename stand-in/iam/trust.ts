/**
 * A role's trust policy judged at AssumeRoleWithWebIdentity for a GitHub Actions token: the
 * statement must name the role account's OIDC provider as its `Federated` principal and allow
 * `sts:AssumeRoleWithWebIdentity`; its conditions see the token's claims as
 * `token.actions.githubusercontent.com:<claim>`: `aud` and `sub` (IAM, "Available keys for AWS
 * OIDC federation"), and the GitHub claims STS added in January 2026 (actor, actor_id,
 * job_workflow_ref, repository, repository_id, workflow, ref, environment, enterprise_id).
 */
import { GITHUB_OIDC_HOST } from './model.js'
import { evaluate, type PolicyDocument } from './policy.js'

const TRUST_CLAIMS = [
  'aud',
  'sub',
  'actor',
  'actor_id',
  'job_workflow_ref',
  'repository',
  'repository_id',
  'workflow',
  'ref',
  'environment',
  'enterprise_id'
] as const

/** The condition keys a GitHub token brings to a trust policy (claims it lacks stay absent). */
export function trustContext(claims: Readonly<Record<string, unknown>>): Record<string, string> {
  const context: Record<string, string> = {}
  for (const claim of TRUST_CLAIMS) {
    const value = claims[claim]
    if (typeof value === 'string' || typeof value === 'number')
      context[`${GITHUB_OIDC_HOST}:${claim}`] = String(value)
  }
  return context
}

/** True when the trust policy lets this provider's token with these claims assume the role. */
export function trustAdmits(
  trustPolicy: PolicyDocument,
  providerArn: string,
  claims: Readonly<Record<string, unknown>>
): boolean {
  const evaluation = evaluate([trustPolicy], {
    action: 'sts:AssumeRoleWithWebIdentity',
    principal: { arns: [], account: '', federated: providerArn },
    context: trustContext(claims)
  })
  return evaluation.decision === 'Allow'
}
