/** Input and output names, written once (as actions/cache does). */
export const Inputs = {
  Command: 'command',
  Source: 'source',
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
  MaxRemoveDays: 'max-remove-days',
  MaxTablePartitions: 'max-table-partitions',
  PlanFile: 'plan-file',
  AwsRegion: 'aws-region',
  RoleToAssume: 'role-to-assume',
  RoleSessionName: 'role-session-name',
  RoleDurationSeconds: 'role-duration-seconds',
  Audience: 'audience',
  CreateTable: 'create-table',
  DateKeyType: 'date-key-type',
  PartitionIndex: 'partition-index',
  Queries: 'queries',
  PartitionColumns: 'partition-columns',
  RuleSeverity: 'rule-severity',
  MaxFileBytes: 'max-file-bytes',
  MaxStatementsPerFile: 'max-statements-per-file',
  MaxFiles: 'max-files',
  FileTimeBudgetSeconds: 'file-time-budget-seconds',
  MaxExplains: 'max-explains',
  ExplainTimeBudgetSeconds: 'explain-time-budget-seconds',
  ExplainConcurrency: 'explain-concurrency',
  MaxQueryPartitions: 'max-query-partitions',
  Workgroup: 'workgroup',
  AthenaOutputLocation: 'athena-output-location',
  AthenaCatalog: 'athena-catalog',
  DeleteMissing: 'delete-missing',
  MaxDeleteQueries: 'max-delete-queries',
  GithubToken: 'github-token'
} as const

export const Commands = ['sync', 'check-queries', 'publish-queries'] as const
export type Command = (typeof Commands)[number]

export const Outputs = {
  Added: 'added',
  Removed: 'removed',
  Unchanged: 'unchanged',
  PlanFile: 'plan-file',
  Summary: 'summary'
} as const
