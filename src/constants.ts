/** Input and output names, written once (as actions/cache does). */
export const Inputs = {
  Bucket: 'bucket',
  Prefix: 'prefix',
  OrganizationId: 'organization-id',
  Database: 'database',
  Table: 'table',
  CatalogId: 'catalog-id',
  Regions: 'regions',
  Accounts: 'accounts',
  RetentionDays: 'retention-days',
  FutureDays: 'future-days',
  AsOf: 'as-of',
  DryRun: 'dry-run',
  AwsRegion: 'aws-region',
  RoleToAssume: 'role-to-assume',
  RoleSessionName: 'role-session-name',
  RoleDurationSeconds: 'role-duration-seconds',
  Audience: 'audience'
} as const

export const Outputs = {
  Added: 'added',
  Removed: 'removed',
  Unchanged: 'unchanged',
  PlanFile: 'plan-file',
  Summary: 'summary'
} as const
