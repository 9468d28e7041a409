/**
 * Where the documented policies (iam/<command>/permissions.json) grant each IAM action the action
 * calls, so that a denial names the statement to add: the user copies statements, not actions.
 */
export interface PolicyStatement {
  file: string
  sid: string
}

const SYNC = 'iam/sync/permissions.json'
const CHECK = 'iam/check-queries/permissions.json'
const PUBLISH = 'iam/publish-queries/permissions.json'
const CATALOG_STATEMENT = 'iam/check-queries/data-catalog-statement.json'

const STATEMENTS: Record<string, PolicyStatement> = {
  's3:ListBucket': { file: SYNC, sid: 'ListTrailFolders' },
  'glue:GetTable': { file: SYNC, sid: 'ReadAndWritePartitions' },
  'glue:GetPartitions': { file: SYNC, sid: 'ReadAndWritePartitions' },
  'glue:BatchCreatePartition': { file: SYNC, sid: 'ReadAndWritePartitions' },
  'glue:BatchDeletePartition': { file: SYNC, sid: 'ReadAndWritePartitions' },
  'glue:BatchUpdatePartition': { file: SYNC, sid: 'ReadAndWritePartitions' },
  'glue:GetPartitionIndexes': { file: SYNC, sid: 'ReadAndWritePartitions' },
  'glue:GetDatabase': { file: SYNC, sid: 'CreateDatabaseWithCreateTable' },
  'glue:CreateDatabase': { file: SYNC, sid: 'CreateDatabaseWithCreateTable' },
  'glue:CreateTable': { file: SYNC, sid: 'CreateTableWithCreateTable' },
  'glue:CreatePartitionIndex': { file: SYNC, sid: 'PartitionIndexAndFiltering' },
  'glue:UpdateTable': { file: SYNC, sid: 'PartitionIndexAndFiltering' },
  'athena:StartQueryExecution': { file: CHECK, sid: 'RunExplainInTheWorkgroup' },
  'athena:GetQueryExecution': { file: CHECK, sid: 'RunExplainInTheWorkgroup' },
  'athena:StopQueryExecution': { file: CHECK, sid: 'RunExplainInTheWorkgroup' },
  'athena:GetDataCatalog': { file: CATALOG_STATEMENT, sid: 'UseTheCatalogOfAnotherAccount' },
  'athena:ListNamedQueries': { file: PUBLISH, sid: 'ManageNamedQueriesOfTheWorkgroup' },
  'athena:BatchGetNamedQuery': { file: PUBLISH, sid: 'ManageNamedQueriesOfTheWorkgroup' },
  'athena:CreateNamedQuery': { file: PUBLISH, sid: 'ManageNamedQueriesOfTheWorkgroup' },
  'athena:UpdateNamedQuery': { file: PUBLISH, sid: 'ManageNamedQueriesOfTheWorkgroup' },
  'athena:DeleteNamedQuery': { file: PUBLISH, sid: 'ManageNamedQueriesOfTheWorkgroup' }
}

export function policyStatementFor(iamAction: string): PolicyStatement | undefined {
  return STATEMENTS[iamAction]
}

/** `statement "PartitionIndexAndFiltering" of iam/sync/permissions.json`, or the README when unknown. */
export function describeStatementFor(iamAction: string): string {
  const statement = policyStatementFor(iamAction)
  return statement ? `statement "${statement.sid}" of ${statement.file}` : 'README, "AWS setup"'
}
