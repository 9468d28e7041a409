/**
 * Which of the action's inputs each command of the command line takes as flags. The names,
 * descriptions and defaults come from action.yml (inputs.generated.ts); a unit test checks these
 * lists against the inputs each command's settings reader actually reads.
 */
import type { Command } from '../vocabulary/constants.js'
import type { InputName } from './inputs.generated.js'

export interface CliCommandSpec {
  summary: string
  /** The action's inputs this command takes, as `--name`. */
  inputs: readonly InputName[]
  /** What positional arguments mean, if the command takes any. */
  positionals?: { name: string; input: InputName; description: string }
  /** Examples for --help, one command each (help breaks them into lines as a shell reads them). */
  examples: readonly string[]
}

/**
 * Inputs that only mean something inside a GitHub workflow: the command is the subcommand; OIDC
 * role assumption and its settings give way to the SDK's own chain (`--profile`, whose profile may
 * assume a role with role_arn); the token is for pull-request comments.
 */
export const GITHUB_ONLY_INPUTS: readonly InputName[] = [
  'command',
  'role-to-assume',
  'role-session-name',
  'role-duration-seconds',
  'audience',
  'github-token'
]

/** Inputs that take a list: the flag may be repeated, and the values are joined. */
export const LIST_INPUTS: ReadonlySet<InputName> = new Set<InputName>([
  'regions',
  'accounts',
  'queries',
  'partition-columns',
  'rule-severity'
])

const QUERY_GLOBS = {
  name: 'GLOB',
  input: 'queries',
  description: 'Query files to read (quote globs); the same as --queries, which they replace.'
} as const

export const CLI_COMMANDS: Record<Command, CliCommandSpec> = {
  sync: {
    summary:
      'Keep the Glue partitions of a log table in sync with its bucket (with --dry-run: show the plan).',
    inputs: [
      'source',
      'bucket',
      'prefix',
      'organization-id',
      'database',
      'table',
      'catalog-id',
      'regions',
      'accounts',
      'retention-days',
      'future-days',
      'as-of',
      'dry-run',
      'aws-region',
      'create-table',
      'date-key-type',
      'partition-index',
      'max-remove-days',
      'max-table-partitions',
      'plan-file'
    ],
    examples: [
      'cloudtrail-partitions sync --bucket org-cloudtrail-logs --database security --table cloudtrail ' +
        '--regions eu-central-1,eu-west-1 --retention-days 90 --dry-run --profile audit',
      'cloudtrail-partitions sync --source Config --bucket org-cloudtrail-logs --prefix o-abc123defg ' +
        '--database security --table config --create-table --dry-run',
      'cloudtrail-partitions sync ... --json > plan.json'
    ]
  },
  'check-queries': {
    summary: 'Check Athena SQL files: syntax, partition filters, literals and columns of the table.',
    inputs: [
      'queries',
      'table',
      'source',
      'database',
      'catalog-id',
      'partition-columns',
      'date-key-type',
      'rule-severity',
      'max-file-bytes',
      'max-statements-per-file',
      'max-files',
      'file-time-budget-seconds',
      'max-explains',
      'explain-time-budget-seconds',
      'explain-concurrency',
      'max-query-partitions',
      'workgroup',
      'athena-output-location',
      'athena-catalog',
      'aws-region'
    ],
    positionals: QUERY_GLOBS,
    examples: [
      "cloudtrail-partitions check-queries 'queries/**/*.sql' --table cloudtrail",
      "cloudtrail-partitions check-queries 'queries/**/*.sql' --table cloudtrail --format sarif > queries.sarif"
    ]
  },
  'publish-queries': {
    summary: 'Make the Athena named queries of a workgroup match the SQL files.',
    inputs: [
      'queries',
      'workgroup',
      'database',
      'delete-missing',
      'max-delete-queries',
      'dry-run',
      'aws-region'
    ],
    positionals: QUERY_GLOBS,
    examples: ['cloudtrail-partitions publish-queries --workgroup primary --database security --dry-run']
  }
}
