# The three roles of cloudtrail-partitions, one per command, for GitHub Actions OIDC. The policy
# documents equal the JSON files in iam/*/ (checked by __tests__/unit/iam-terraform.test.ts): change
# both together.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id      = coalesce(var.account_id, data.aws_caller_identity.current.account_id)
  partition       = data.aws_partition.current.partition
  catalog_account = coalesce(var.glue_catalog_id, local.account_id)

  # The action lists [prefix/]AWSLogs/ and the folders below it, nothing else.
  trail_folders = var.prefix == "" ? "AWSLogs/*" : "${trim(var.prefix, "/")}/AWSLogs/*"

  bucket_arn = "arn:${local.partition}:s3:::${var.bucket}"

  # Glue authorizes a database-level call on the catalog and the database, a table-level call on
  # the catalog, the database and the table.
  glue_prefix        = "arn:${local.partition}:glue:${var.region}:${local.catalog_account}"
  glue_database_arns = ["${local.glue_prefix}:catalog", "${local.glue_prefix}:database/${var.database}"]
  glue_table_arns    = concat(local.glue_database_arns, ["${local.glue_prefix}:table/${var.database}/${var.table}"])

  workgroup_arn      = "arn:${local.partition}:athena:${var.region}:${local.account_id}:workgroup/${var.workgroup}"
  results_bucket     = coalesce(var.athena_results_bucket, "aws-athena-query-results-${local.account_id}-${var.region}")
  results_bucket_arn = "arn:${local.partition}:s3:::${local.results_bucket}"

  oidc_provider_arn      = var.oidc_provider_arn != null ? var.oidc_provider_arn : aws_iam_openid_connect_provider.github[0].arn
  default_branch_subject = "repo:${var.github_repository}:ref:refs/heads/${var.default_branch}"
  pull_request_subject   = "repo:${var.github_repository}:pull_request"

  sync_role_name            = "${var.role_name_prefix}-sync"
  check_queries_role_name   = "${var.role_name_prefix}-check-queries"
  publish_queries_role_name = "${var.role_name_prefix}-publish-queries"
  # Known before apply, so the cross-account outputs can be handed to the other account at once.
  sync_role_arn = "arn:${local.partition}:iam::${local.account_id}:role/${local.sync_role_name}"
}

# GitHub's OIDC provider, once per account. AWS no longer checks the thumbprints of this provider;
# older AWS providers still require the argument.
resource "aws_iam_openid_connect_provider" "github" {
  count           = var.oidc_provider_arn == null ? 1 : 0
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = [var.audience]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"]
}

# ---- sync: iam/sync/ ------------------------------------------------------------------------

data "aws_iam_policy_document" "sync_trust" {
  statement {
    sid     = "GitHubActionsOnDefaultBranch"
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
      values   = [local.default_branch_subject]
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
      "glue:GetPartitionIndexes",
    ]
    resources = local.glue_table_arns
  }
  statement {
    sid       = "CreateDatabaseWithCreateTable"
    effect    = "Allow"
    actions   = ["glue:GetDatabase", "glue:CreateDatabase"]
    resources = local.glue_database_arns
  }
  statement {
    sid       = "CreateTableWithCreateTable"
    effect    = "Allow"
    actions   = ["glue:CreateTable"]
    resources = local.glue_table_arns
  }
  statement {
    sid       = "PartitionIndexAndFiltering"
    effect    = "Allow"
    actions   = ["glue:CreatePartitionIndex", "glue:UpdateTable"]
    resources = local.glue_table_arns
  }
}

resource "aws_iam_role" "sync" {
  name               = local.sync_role_name
  description        = "cloudtrail-partitions sync, from ${var.github_repository} on ${var.default_branch}"
  assume_role_policy = data.aws_iam_policy_document.sync_trust.json
}

resource "aws_iam_role_policy" "sync" {
  name   = "cloudtrail-partitions-sync"
  role   = aws_iam_role.sync.id
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
      test     = "StringEquals"
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
    resources = [local.workgroup_arn]
  }
  statement {
    sid       = "QueryResultBucket"
    effect    = "Allow"
    actions   = ["s3:GetBucketLocation", "s3:ListBucket"]
    resources = [local.results_bucket_arn]
  }
  statement {
    sid       = "QueryResultObjects"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
    resources = ["${local.results_bucket_arn}/*"]
  }
}

resource "aws_iam_role" "check_queries" {
  name               = local.check_queries_role_name
  description        = "cloudtrail-partitions check-queries (read-only), from pull requests of ${var.github_repository}"
  assume_role_policy = data.aws_iam_policy_document.check_queries_trust.json
}

resource "aws_iam_role_policy" "check_queries" {
  name   = "cloudtrail-partitions-check-queries"
  role   = aws_iam_role.check_queries.id
  policy = data.aws_iam_policy_document.check_queries_permissions.json
}

# ---- publish-queries: iam/publish-queries/ ---------------------------------------------------

data "aws_iam_policy_document" "publish_queries_trust" {
  statement {
    sid     = "GitHubActionsOnDefaultBranch"
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
      values   = [local.default_branch_subject]
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
  name               = local.publish_queries_role_name
  description        = "cloudtrail-partitions publish-queries, from ${var.github_repository} on ${var.default_branch}"
  assume_role_policy = data.aws_iam_policy_document.publish_queries_trust.json
}

resource "aws_iam_role_policy" "publish_queries" {
  name   = "cloudtrail-partitions-publish-queries"
  role   = aws_iam_role.publish_queries.id
  policy = data.aws_iam_policy_document.publish_queries_permissions.json
}

# ---- cross-account: iam/cross-account/ (applied in the other account, see outputs.tf) --------

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

# The Glue catalog resource policy of glue_catalog_id's account, for the sync role.
data "aws_iam_policy_document" "glue_catalog_resource_policy" {
  statement {
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
      "glue:GetPartitionIndexes",
    ]
    resources = local.glue_table_arns
  }
  statement {
    sid    = "CloudTrailPartitionsCreateDatabaseWithCreateTable"
    effect = "Allow"
    principals {
      type        = "AWS"
      identifiers = [local.sync_role_arn]
    }
    actions   = ["glue:GetDatabase", "glue:CreateDatabase"]
    resources = local.glue_database_arns
  }
  statement {
    sid    = "CloudTrailPartitionsCreateTableWithCreateTable"
    effect = "Allow"
    principals {
      type        = "AWS"
      identifiers = [local.sync_role_arn]
    }
    actions   = ["glue:CreateTable"]
    resources = local.glue_table_arns
  }
  statement {
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
