// Generated from action.yml by scripts/cli-inputs.ts (`npm run docs`). Do not edit.

/** The action's inputs, in action.yml's order: the command line offers them as flags. */
export const ACTION_INPUTS = {
  command: {
    description:
      'What to do: sync (keep the partitions), check-queries (check SQL files), or publish-queries (make Athena named queries match the SQL files).',
    default: 'sync'
  },
  source: {
    description:
      'Whose logs the table holds, named after the folder AWS writes under each account in AWSLogs/: CloudTrail, CloudTrail-Insight, Config, vpcflowlogs or elasticloadbalancing (sync and check-queries; one table per source).',
    default: 'CloudTrail'
  },
  bucket: {
    description:
      'The S3 bucket the logs are delivered to (name only, no s3:// and no folder). Required for sync.',
    default: ''
  },
  prefix: {
    description:
      'The folder before AWSLogs/ in the bucket, if the logs have one (for example cloudtrail, or the organization id in a Control Tower bucket).',
    default: ''
  },
  'organization-id': {
    description:
      "The organization id (o-...) whose trail the table covers (CloudTrail and CloudTrail-Insight). Empty: detected from the bucket; needed only when the bucket holds several organizations, or account folders with the source's logs beside an organization folder.",
    default: ''
  },
  database: {
    description:
      "The Glue database of the table. Required for sync and publish-queries (the named queries' database).",
    default: ''
  },
  table: {
    description:
      'The table: the one to keep partitions for (sync), the one queries must filter by partition (check-queries).',
    default: ''
  },
  'catalog-id': {
    description:
      "The Glue catalog (account id) holding the table, for sync and check-queries. Empty: the caller's account.",
    default: ''
  },
  regions: {
    description:
      'Allow-list of regions, comma- or newline-separated. Empty: every region present in the bucket.',
    default: ''
  },
  accounts: {
    description:
      'Allow-list of 12-digit account ids, comma- or newline-separated. Empty: every account present.',
    default: ''
  },
  'retention-days': {
    description: 'Partitions of days older than as-of minus this many days are removed (0 to 36500).',
    default: '90'
  },
  'future-days': {
    description: 'Partitions are created up to as-of plus this many days, ahead of the data (0 to 366).',
    default: '1'
  },
  'as-of': {
    description: 'The reference day as a UTC date (YYYY-MM-DD). Empty: today. For backfills and tests.',
    default: ''
  },
  'dry-run': { description: 'Compute and report the plan, write nothing to Glue.', default: 'false' },
  'max-remove-days': {
    description:
      'Guard: a sync that would remove the partitions of more distinct days than this stops before writing anything (a dry run reports it without failing). The daily roll removes one day; raise it for one run to confirm a clean-up (after a dry run).',
    default: '7'
  },
  'max-table-partitions': {
    description:
      "Guard: a sync that would leave the table with more partitions than this stops before writing anything (a dry run reports it); a warning from 80%. Default: Glue's quota per table; raise it with that quota.",
    default: '10000000'
  },
  'plan-file': {
    description:
      'Where to write the plan as JSON (day ranges added and removed per series): a regular file or a new file in an existing folder, replaced whole. Empty: RUNNER_TEMP/cloudtrail-partitions-plan.json. Keep it with actions/upload-artifact.',
    default: ''
  },
  'aws-region': {
    description: 'The region of the Glue catalog. Empty: AWS_REGION from the environment.',
    default: ''
  },
  'role-to-assume': {
    description:
      'IAM role ARN to assume with GitHub OIDC (the job needs permissions id-token write). Empty: use the ambient credentials, for example from aws-actions/configure-aws-credentials.',
    default: ''
  },
  'role-session-name': {
    description: 'Session name of the assumed role (2 to 64 characters of letters, digits and _+=,.@-).',
    default: 'GitHubActions'
  },
  'role-duration-seconds': {
    description: "Duration of the role session, 900 to 43200, within the role's maximum session duration.",
    default: '3600'
  },
  audience: {
    description: "Audience of the GitHub OIDC token; must match the role's trust policy.",
    default: 'sts.amazonaws.com'
  },
  'create-table': {
    description:
      "Create the database and the source's table (AWS's documented columns, SerDe and formats) when they are missing. An existing table is never replaced.",
    default: 'false'
  },
  'date-key-type': {
    description:
      'string or int: the type of the year, month and day keys of a created table (default string). For an existing table it is read from the table; set, it must match. For check-queries, the type literals must have.',
    default: ''
  },
  'partition-index': {
    description:
      'Add a Glue partition index on (year, month, day) and set partition_filtering.enabled=true. Empty: on for a table this action created (on every run, so a run denied halfway is completed), off otherwise.',
    default: ''
  },
  queries: {
    description: 'Glob of the query SQL files, for check-queries and publish-queries.',
    default: 'queries/**/*.sql'
  },
  'partition-columns': {
    description: 'The date partition columns every query of the table must constrain (check-queries).',
    default: 'year, month, day'
  },
  'rule-severity': {
    description:
      'Severity per check rule, for example unknown-column=warning, partition-literal=off. Rules: syntax, limit, not-a-regular-file, partition-filter, partition-literal, unknown-column, athena-explain, partition-limit, partition-count; levels: error, warning, off.',
    default: ''
  },
  'max-file-bytes': {
    description:
      'check-queries: a .sql file larger than this many bytes is not read; it gets one limit finding (1 to 104857600).',
    default: '262144'
  },
  'max-statements-per-file': {
    description:
      'check-queries: statements checked per file; the first one beyond gets one limit finding, the rest are not checked (1 to 1000000).',
    default: '1000'
  },
  'max-files': {
    description:
      'check-queries: .sql files checked per run, in path order; one limit finding names the first file left out (1 to 1000000).',
    default: '2000'
  },
  'file-time-budget-seconds': {
    description:
      'check-queries: seconds of parsing and checking per file; the statement where it runs out gets one limit finding, the rest are not checked (1 to 3600).',
    default: '5'
  },
  'max-explains': {
    description:
      'check-queries: EXPLAIN requests per run (a statement met again is asked once); the statements left get one limit finding per file (1 to 100000).',
    default: '500'
  },
  'explain-time-budget-seconds': {
    description:
      "check-queries: wall-clock seconds for all EXPLAINs of a run, well inside the job's timeout; no EXPLAIN waits past it, and what it leaves gets one limit finding per file (1 to 21600).",
    default: '300'
  },
  'explain-concurrency': {
    description:
      "check-queries: EXPLAINs in flight at once, well under Athena's active-query quota that the whole account shares (1 to 20).",
    default: '4'
  },
  'max-query-partitions': {
    description:
      "check-queries: with credentials, a query estimated to read more partitions than this gets a partition-count warning (1 to 10000000); over Athena's 1,000,000 per scan is a partition-limit error.",
    default: '100000'
  },
  workgroup: {
    description:
      'Athena workgroup: where publish-queries keeps the named queries (empty: primary); with it and credentials, check-queries also runs EXPLAIN on each query there.',
    default: ''
  },
  'athena-output-location': {
    description:
      "Where Athena writes the results of check-queries' EXPLAIN (s3://bucket/prefix/). Empty: the workgroup's query result location; one of the two is needed. A workgroup that enforces its configuration uses its own.",
    default: ''
  },
  'athena-catalog': {
    description:
      "check-queries with catalog-id and a workgroup: the Athena data catalog registered for that account's Glue catalog (type GLUE, catalog-id=<account>), where EXPLAIN runs.",
    default: ''
  },
  'delete-missing': {
    description:
      'publish-queries deletes the named queries it created earlier whose files are gone (never others).',
    default: 'false'
  },
  'max-delete-queries': {
    description:
      'Guard: a publish-queries run that would delete more named queries than this writes nothing and fails (a dry run reports it without failing). Raise it for one run to confirm a removal (0 to 100000).',
    default: '5'
  },
  'github-token': {
    description:
      'Token for the pull-request comment of check-queries (needs pull-requests write; without it, a warning).',
    default: '${{ github.token }}'
  }
} as const satisfies Record<string, { description: string; default: string }>

export type InputName = keyof typeof ACTION_INPUTS
