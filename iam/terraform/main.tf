# The three roles of cloudtrail-partitions, one per command, for GitHub Actions OIDC, and the Athena
# workgroup of the query check. The policy documents equal the JSON files in iam/*/ (checked by
# __tests__/unit/iam-terraform.test.ts, with and without the switches): change both together.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id      = coalesce(var.account_id, data.aws_caller_identity.current.account_id)
  partition       = data.aws_partition.current.partition
  catalog_account = coalesce(var.glue_catalog_id, local.account_id)
  cross_account   = var.glue_catalog_id != null && var.glue_catalog_id != local.account_id

  # The action lists [prefix/]AWSLogs/ and the folders below it, nothing else.
  trail_folders = var.prefix == "" ? "AWSLogs/*" : "${trim(var.prefix, "/")}/AWSLogs/*"

  bucket_arn = "arn:${local.partition}:s3:::${var.bucket}"

  # Glue authorizes a database-level call on the catalog and the database, a table-level call on
  # the catalog, the database and the table.
  glue_prefix        = "arn:${local.partition}:glue:${var.region}:${local.catalog_account}"
  glue_database_arns = ["${local.glue_prefix}:catalog", "${local.glue_prefix}:database/${var.database}"]
  glue_table_arns = concat(
    local.glue_database_arns,
    formatlist("${local.glue_prefix}:table/${var.database}/%s", concat([var.table], var.more_tables))
  )

  athena_prefix        = "arn:${local.partition}:athena:${var.region}:${local.account_id}"
  workgroup_arn        = "${local.athena_prefix}:workgroup/${var.workgroup}"
  checks_workgroup_arn = "${local.athena_prefix}:workgroup/${var.checks_workgroup}"
  # Registered only for a catalog in another account, and only under a name the user chose.
  athena_catalog = local.cross_account ? var.athena_catalog : null

  results_bucket     = coalesce(var.athena_results_bucket, "aws-athena-query-results-${local.account_id}-${var.region}")
  results_bucket_arn = "arn:${local.partition}:s3:::${local.results_bucket}"
  checks_results     = "s3://${local.results_bucket}/${var.checks_results_prefix}"

  oidc_provider_arn = var.oidc_provider_arn != null ? var.oidc_provider_arn : (
    var.existing_oidc_provider ? data.aws_iam_openid_connect_provider.github[0].arn : aws_iam_openid_connect_provider.github[0].arn
  )

  # GitHub's OIDC subject. Pinned (the repository's template: repo, context, job_workflow_ref), a
  # role trusts one workflow file of the default branch; GitHub's default subject is the same for
  # every workflow that runs on it (schedule, push, pull_request_target, issue_comment ...).
  default_branch_ref     = "refs/heads/${var.default_branch}"
  default_branch_subject = "repo:${var.github_repository}:ref:${local.default_branch_ref}"
  sync_subject = var.pin_workflows ? (
    "${local.default_branch_subject}:job_workflow_ref:${var.github_repository}/${var.sync_workflow}@${local.default_branch_ref}"
  ) : local.default_branch_subject
  publish_queries_subject = var.pin_workflows ? (
    "${local.default_branch_subject}:job_workflow_ref:${var.github_repository}/${var.publish_queries_workflow}@${local.default_branch_ref}"
  ) : local.default_branch_subject
  # A pull_request run uses the branch's own copy of its workflow: pinning the file proves nothing,
  # so the read-only role admits any pull request of the repository (in the template's form).
  pull_request_subject = var.pin_workflows ? "repo:${var.github_repository}:pull_request:job_workflow_ref:*" : "repo:${var.github_repository}:pull_request"
  pull_request_test    = var.pin_workflows ? "StringLike" : "StringEquals"

  sync_role_name            = "${var.role_name_prefix}-sync"
  check_queries_role_name   = "${var.role_name_prefix}-check-queries"
  publish_queries_role_name = "${var.role_name_prefix}-publish-queries"
  # Known before apply, so the cross-account outputs can be handed to the other accounts at once.
  sync_role_arn          = "arn:${local.partition}:iam::${local.account_id}:role/${local.sync_role_name}"
  check_queries_role_arn = "arn:${local.partition}:iam::${local.account_id}:role/${local.check_queries_role_name}"
}

# ---- GitHub's OIDC provider, once per account -----------------------------------------------

# An account has it at most once. Give its ARN (oidc_provider_arn), let the module look it up
# (existing_oidc_provider), or let the module create it.
data "aws_iam_openid_connect_provider" "github" {
  count = var.oidc_provider_arn == null && var.existing_oidc_provider ? 1 : 0
  url   = "https://token.actions.githubusercontent.com"
}

# AWS no longer checks the thumbprints of this provider; older AWS providers still require the argument.
resource "aws_iam_openid_connect_provider" "github" {
  count           = var.oidc_provider_arn == null && !var.existing_oidc_provider ? 1 : 0
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = [var.audience]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"]
  tags            = var.tags
}

# ---- sync: iam/sync/ ------------------------------------------------------------------------

data "aws_iam_policy_document" "sync_trust" {
  statement {
    sid     = "GitHubActionsSyncWorkflowOnDefaultBranch"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = [var.audience]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [local.sync_subject]
    }
  }
}

data "aws_iam_policy_document" "sync_permissions" {
  statement {
    sid       = "ListTrailFolders"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [local.bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = [local.trail_folders]
    }
  }
  statement {
    sid    = "ReadAndWritePartitions"
    effect = "Allow"
    actions = [
      "glue:GetTable",
      "glue:GetPartitions",
      "glue:BatchCreatePartition",
      "glue:BatchDeletePartition",
      "glue:BatchUpdatePartition",
      "glue:GetPartitionIndexes",
    ]
    resources = local.glue_table_arns
  }
  # create-table: true; leave out (grant_create_table = false) once the table exists.
  dynamic "statement" {
    for_each = var.grant_create_table ? [1] : []
    content {
      sid       = "CreateDatabaseWithCreateTable"
      effect    = "Allow"
      actions   = ["glue:GetDatabase", "glue:CreateDatabase"]
      resources = local.glue_database_arns
    }
  }
  dynamic "statement" {
    for_each = var.grant_create_table ? [1] : []
    content {
      sid       = "CreateTableWithCreateTable"
      effect    = "Allow"
      actions   = ["glue:CreateTable"]
      resources = local.glue_table_arns
    }
  }
  # partition-index (and a table create-table made); leave out once both are in place.
  dynamic "statement" {
    for_each = var.grant_partition_index ? [1] : []
    content {
      sid       = "PartitionIndexAndFiltering"
      effect    = "Allow"
      actions   = ["glue:CreatePartitionIndex", "glue:UpdateTable"]
      resources = local.glue_table_arns
    }
  }
}

resource "aws_iam_role" "sync" {
  count                = var.create_sync_role ? 1 : 0
  name                 = local.sync_role_name
  description          = "cloudtrail-partitions sync, from ${var.github_repository} on ${var.default_branch}"
  assume_role_policy   = data.aws_iam_policy_document.sync_trust.json
  permissions_boundary = var.permissions_boundary
  tags                 = var.tags
}

resource "aws_iam_role_policy" "sync" {
  count  = var.create_sync_role ? 1 : 0
  name   = "cloudtrail-partitions-sync"
  role   = aws_iam_role.sync[0].id
  policy = data.aws_iam_policy_document.sync_permissions.json
}

# ---- check-queries: iam/check-queries/ (read-only, trusted for pull requests) ----------------

data "aws_iam_policy_document" "check_queries_trust" {
  statement {
    sid     = "GitHubActionsInPullRequests"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = [var.audience]
    }
    condition {
      test     = local.pull_request_test
      variable = "token.actions.githubusercontent.com:sub"
      values   = [local.pull_request_subject]
    }
  }
}

data "aws_iam_policy_document" "check_queries_permissions" {
  statement {
    sid       = "ReadTheDatabase"
    effect    = "Allow"
    actions   = ["glue:GetDatabase"]
    resources = local.glue_database_arns
  }
  statement {
    sid       = "ReadTheTable"
    effect    = "Allow"
    actions   = ["glue:GetTable", "glue:GetPartitions"]
    resources = local.glue_table_arns
  }
  statement {
    sid       = "RunExplainInTheWorkgroup"
    effect    = "Allow"
    actions   = ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:StopQueryExecution"]
    resources = [local.checks_workgroup_arn]
  }
  statement {
    sid       = "QueryResultBucket"
    effect    = "Allow"
    actions   = ["s3:GetBucketLocation"]
    resources = [local.results_bucket_arn]
  }
  statement {
    sid       = "QueryResultListing"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [local.results_bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${var.checks_results_prefix}*"]
    }
  }
  statement {
    sid       = "QueryResultObjects"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
    resources = ["${local.results_bucket_arn}/${var.checks_results_prefix}*"]
  }
  # iam/cross-account/check-queries-data-catalog-statement.json: EXPLAIN in the catalog of another account.
  dynamic "statement" {
    for_each = local.athena_catalog != null ? [1] : []
    content {
      sid       = "UseTheCatalogOfAnotherAccount"
      effect    = "Allow"
      actions   = ["athena:GetDataCatalog"]
      resources = ["${local.athena_prefix}:datacatalog/${local.athena_catalog}"]
    }
  }
}

resource "aws_iam_role" "check_queries" {
  count                = var.create_check_queries_role ? 1 : 0
  name                 = local.check_queries_role_name
  description          = "cloudtrail-partitions check-queries (read-only), from pull requests of ${var.github_repository}"
  assume_role_policy   = data.aws_iam_policy_document.check_queries_trust.json
  permissions_boundary = var.permissions_boundary
  tags                 = var.tags
}

resource "aws_iam_role_policy" "check_queries" {
  count  = var.create_check_queries_role ? 1 : 0
  name   = "cloudtrail-partitions-check-queries"
  role   = aws_iam_role.check_queries[0].id
  policy = data.aws_iam_policy_document.check_queries_permissions.json
}

# iam/check-queries/workgroup.json: EXPLAIN's results go to the checks' prefix whatever a request
# asks (the workgroup's configuration overrides the client's), and a query may scan 10 MB at most.
resource "aws_athena_workgroup" "checks" {
  count       = var.create_check_queries_role ? 1 : 0
  name        = var.checks_workgroup
  description = "cloudtrail-partitions check-queries: EXPLAIN of pull requests' queries"
  configuration {
    enforce_workgroup_configuration = true
    bytes_scanned_cutoff_per_query  = var.checks_bytes_scanned_cutoff
    result_configuration {
      output_location = local.checks_results
    }
  }
  tags = var.tags
}

# The Glue catalog of another account, as Athena's EXPLAIN names it (the action's athena-catalog).
resource "aws_athena_data_catalog" "cross_account" {
  count       = var.create_check_queries_role && local.athena_catalog != null ? 1 : 0
  name        = var.athena_catalog
  description = "Glue catalog of ${local.catalog_account}, for cloudtrail-partitions check-queries"
  type        = "GLUE"
  parameters = {
    "catalog-id" = local.catalog_account
  }
  tags = var.tags
}

# iam/check-queries/results-bucket-policy.json: the check-queries role denied everything of the
# results bucket outside its prefix, whatever its own policies say.
data "aws_iam_policy_document" "results_bucket_policy" {
  statement {
    sid           = "CheckQueriesObjectsOnlyUnderTheirPrefix"
    effect        = "Deny"
    actions       = ["s3:*"]
    not_resources = [local.results_bucket_arn, "${local.results_bucket_arn}/${var.checks_results_prefix}*"]
    principals {
      type        = "AWS"
      identifiers = [local.check_queries_role_arn]
    }
  }
  statement {
    sid       = "CheckQueriesListOnlyTheirPrefix"
    effect    = "Deny"
    actions   = ["s3:ListBucket"]
    resources = [local.results_bucket_arn]
    principals {
      type        = "AWS"
      identifiers = [local.check_queries_role_arn]
    }
    condition {
      test     = "StringNotLike"
      variable = "s3:prefix"
      values   = ["${var.checks_results_prefix}*"]
    }
  }
}

resource "aws_s3_bucket_policy" "results" {
  count  = var.create_check_queries_role && var.results_bucket_policy ? 1 : 0
  bucket = local.results_bucket
  policy = data.aws_iam_policy_document.results_bucket_policy.json
  # The role must exist before a policy may name it.
  depends_on = [aws_iam_role.check_queries]
}

# ---- publish-queries: iam/publish-queries/ ---------------------------------------------------

data "aws_iam_policy_document" "publish_queries_trust" {
  statement {
    sid     = "GitHubActionsPublishWorkflowOnDefaultBranch"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = [var.audience]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [local.publish_queries_subject]
    }
  }
}

data "aws_iam_policy_document" "publish_queries_permissions" {
  statement {
    sid    = "ManageNamedQueriesOfTheWorkgroup"
    effect = "Allow"
    actions = [
      "athena:ListNamedQueries",
      "athena:BatchGetNamedQuery",
      "athena:CreateNamedQuery",
      "athena:UpdateNamedQuery",
      "athena:DeleteNamedQuery",
    ]
    resources = [local.workgroup_arn]
  }
}

resource "aws_iam_role" "publish_queries" {
  count                = var.create_publish_queries_role ? 1 : 0
  name                 = local.publish_queries_role_name
  description          = "cloudtrail-partitions publish-queries, from ${var.github_repository} on ${var.default_branch}"
  assume_role_policy   = data.aws_iam_policy_document.publish_queries_trust.json
  permissions_boundary = var.permissions_boundary
  tags                 = var.tags
}

resource "aws_iam_role_policy" "publish_queries" {
  count  = var.create_publish_queries_role ? 1 : 0
  name   = "cloudtrail-partitions-publish-queries"
  role   = aws_iam_role.publish_queries[0].id
  policy = data.aws_iam_policy_document.publish_queries_permissions.json
}

# ---- cross-account: iam/cross-account/ (applied in the other accounts, see outputs.tf) --------

# The statement the bucket's account (Control Tower: Log Archive) adds to the bucket policy.
data "aws_iam_policy_document" "bucket_policy_statement" {
  statement {
    sid       = "CloudTrailPartitionsListTrailFolders"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [local.bucket_arn]
    principals {
      type        = "AWS"
      identifiers = [local.sync_role_arn]
    }
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = [local.trail_folders]
    }
  }
}

# The Glue catalog resource policy of glue_catalog_id's account: the sync role's statements, then
# the check-queries role's (it reads what Athena's EXPLAIN reads).
data "aws_iam_policy_document" "glue_catalog_resource_policy" {
  dynamic "statement" {
    for_each = var.create_sync_role ? [1] : []
    content {
      sid    = "CloudTrailPartitionsReadAndWritePartitions"
      effect = "Allow"
      principals {
        type        = "AWS"
        identifiers = [local.sync_role_arn]
      }
      actions = [
        "glue:GetTable",
        "glue:GetPartitions",
        "glue:BatchCreatePartition",
        "glue:BatchDeletePartition",
        "glue:BatchUpdatePartition",
        "glue:GetPartitionIndexes",
      ]
      resources = local.glue_table_arns
    }
  }
  dynamic "statement" {
    for_each = var.create_sync_role && var.grant_create_table ? [1] : []
    content {
      sid    = "CloudTrailPartitionsCreateDatabaseWithCreateTable"
      effect = "Allow"
      principals {
        type        = "AWS"
        identifiers = [local.sync_role_arn]
      }
      actions   = ["glue:GetDatabase", "glue:CreateDatabase"]
      resources = local.glue_database_arns
    }
  }
  dynamic "statement" {
    for_each = var.create_sync_role && var.grant_create_table ? [1] : []
    content {
      sid    = "CloudTrailPartitionsCreateTableWithCreateTable"
      effect = "Allow"
      principals {
        type        = "AWS"
        identifiers = [local.sync_role_arn]
      }
      actions   = ["glue:CreateTable"]
      resources = local.glue_table_arns
    }
  }
  dynamic "statement" {
    for_each = var.create_sync_role && var.grant_partition_index ? [1] : []
    content {
      sid    = "CloudTrailPartitionsPartitionIndexAndFiltering"
      effect = "Allow"
      principals {
        type        = "AWS"
        identifiers = [local.sync_role_arn]
      }
      actions   = ["glue:CreatePartitionIndex", "glue:UpdateTable"]
      resources = local.glue_table_arns
    }
  }
  dynamic "statement" {
    for_each = var.create_check_queries_role ? [1] : []
    content {
      sid    = "CloudTrailPartitionsCheckQueriesReadTheDatabase"
      effect = "Allow"
      principals {
        type        = "AWS"
        identifiers = [local.check_queries_role_arn]
      }
      actions   = ["glue:GetDatabase"]
      resources = local.glue_database_arns
    }
  }
  dynamic "statement" {
    for_each = var.create_check_queries_role ? [1] : []
    content {
      sid    = "CloudTrailPartitionsCheckQueriesReadTheTable"
      effect = "Allow"
      principals {
        type        = "AWS"
        identifiers = [local.check_queries_role_arn]
      }
      actions   = ["glue:GetTable", "glue:GetPartitions"]
      resources = local.glue_table_arns
    }
  }
}
