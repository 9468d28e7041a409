/**
 * The documented policies hold nothing more than the action needs: for each `Action` of each
 * permissions file in iam/, a copy of the policy without it makes a documented path fail, and the
 * step's output names the IAM action. An action the stand-in cannot show to be needed is an explicit
 * exception below, with AWS's reason.
 */
import {
  CHECK_QUERIES,
  CHECK_QUERIES_EXPLAIN_HANGS,
  CREATE_TABLE,
  documentedPermissions,
  expectSuccess,
  PARTITION_INDEX,
  PUBLISH_DEFAULT_WORKGROUP,
  SYNC_PLAIN,
  SYNC_TABLE_CHANGED,
  transcript,
  type DocumentedPath
} from '../helpers/documented-paths.js'
import { actionsOf, COMMANDS, iamFile, withoutAction, type Command } from '../helpers/iam-world.js'

/** For each action of each permissions file, the documented path that needs it. */
const NEEDED_BY: Readonly<Record<Command, Readonly<Record<string, DocumentedPath>>>> = {
  sync: {
    's3:ListBucket': SYNC_PLAIN,
    'glue:GetTable': SYNC_PLAIN,
    'glue:GetPartitions': SYNC_PLAIN,
    'glue:BatchCreatePartition': SYNC_PLAIN,
    'glue:BatchDeletePartition': SYNC_PLAIN,
    'glue:BatchUpdatePartition': SYNC_TABLE_CHANGED,
    'glue:GetPartitionIndexes': SYNC_PLAIN,
    'glue:GetDatabase': CREATE_TABLE,
    'glue:CreateDatabase': CREATE_TABLE,
    'glue:CreateTable': CREATE_TABLE,
    'glue:CreatePartitionIndex': PARTITION_INDEX,
    'glue:UpdateTable': PARTITION_INDEX
  },
  'check-queries': {
    'glue:GetDatabase': CHECK_QUERIES,
    'glue:GetTable': CHECK_QUERIES,
    'glue:GetPartitions': CHECK_QUERIES,
    'athena:StartQueryExecution': CHECK_QUERIES,
    'athena:GetQueryExecution': CHECK_QUERIES,
    // Called only when an EXPLAIN does not finish within its time: that path sets the budget to 2 s.
    'athena:StopQueryExecution': CHECK_QUERIES_EXPLAIN_HANGS,
    's3:GetBucketLocation': CHECK_QUERIES,
    's3:PutObject': CHECK_QUERIES
  },
  'publish-queries': {
    'athena:ListNamedQueries': PUBLISH_DEFAULT_WORKGROUP,
    'athena:BatchGetNamedQuery': PUBLISH_DEFAULT_WORKGROUP,
    'athena:CreateNamedQuery': PUBLISH_DEFAULT_WORKGROUP,
    'athena:UpdateNamedQuery': PUBLISH_DEFAULT_WORKGROUP,
    'athena:DeleteNamedQuery': PUBLISH_DEFAULT_WORKGROUP
  }
}

/**
 * Actions AWS needs for a reason the stand-in cannot show: kept in the files, each with its reason
 * and the path that would need it. The test below runs that path without the action and expects it
 * to pass here: when the stand-in learns to require the action, the test fails and the action moves
 * to NEEDED_BY.
 */
const EXCEPTIONS: Readonly<
  Record<Command, Readonly<Record<string, { path: DocumentedPath; reason: string }>>>
> = {
  sync: {},
  'check-queries': {
    's3:ListBucket': {
      path: CHECK_QUERIES,
      reason:
        "Athena's documented rights on a query result location (DESIGN.md section 9; Athena user guide, " +
        '"Access to Amazon S3") include s3:ListBucket on the result bucket; Athena checks the bucket before ' +
        'it accepts a query ("Unable to verify/create output bucket") and AWS does not say which of ' +
        's3:GetBucketLocation and s3:ListBucket that check uses. The stand-in checks s3:GetBucketLocation only.'
    },
    's3:GetObject': {
      path: CHECK_QUERIES,
      reason:
        "Athena's documented rights on a query result location include s3:GetObject on the result objects " +
        '(Athena reads its own result and .metadata files as the caller); the stand-in writes no result ' +
        'objects and models no read back.'
    },
    's3:AbortMultipartUpload': {
      path: CHECK_QUERIES,
      reason:
        "Athena's documented rights on a query result location include it: Athena uploads results in " +
        'parts and aborts a failed upload as the caller. The stand-in models no multipart upload of results.'
    },
    's3:ListMultipartUploadParts': {
      path: CHECK_QUERIES,
      reason:
        "Athena's documented rights on a query result location include it, for the multipart upload of " +
        'results (see s3:AbortMultipartUpload). The stand-in models no multipart upload of results.'
    }
  },
  'publish-queries': {}
}

const cases = COMMANDS.flatMap((command) =>
  Object.entries(NEEDED_BY[command]).map(([action, path]) => [command, action, path.name, path] as const)
)

describe('each action of the documented policies is needed', () => {
  it('covers every action of every permissions file, once', () => {
    for (const command of COMMANDS) {
      const inFile = actionsOf(iamFile(`${command}/permissions.json`)).sort()
      const covered = [...Object.keys(NEEDED_BY[command]), ...Object.keys(EXCEPTIONS[command])].sort()
      expect(covered).toEqual(inFile)
    }
  })

  it.concurrent.each(cases)(
    'iam/%s/permissions.json without %s: "%s" fails and names it',
    async (_command, action, _name, path) => {
      const policy = documentedPermissions(path)
      expect(actionsOf(policy)).toContain(action)
      const result = await path.run(withoutAction(policy, action))
      try {
        const failed = result.runs.find((run) => run.exitCode !== 0)
        if (!failed) throw new Error(`${path.name} passed without ${action}`)
        // The stand-in denied exactly this action, and the step says which one.
        expect(result.standIn.iam.denials.map((denial) => denial.action)).toContain(action)
        expect(transcript(failed)).toContain(action)
      } finally {
        await result.close()
      }
    },
    // Each path takes seconds (the hung EXPLAIN's budget is an input set short).
    60_000
  )

  const exceptions = COMMANDS.flatMap((command) =>
    Object.entries(EXCEPTIONS[command]).map(([action, { path }]) => [command, action, path] as const)
  )
  it.concurrent.each(exceptions)(
    'iam/%s/permissions.json keeps %s for a reason the stand-in cannot show',
    async (command, action, path) => {
      expect(EXCEPTIONS[command][action]?.reason).toMatch(/documented/)
      const result = await path.run(withoutAction(documentedPermissions(path), action))
      try {
        for (const run of result.runs) expectSuccess(run)
        expect(result.standIn.iam.denials).toEqual([])
      } finally {
        await result.close()
      }
    }
  )
})
