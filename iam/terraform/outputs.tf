output "sync_role_arn" {
  description = "The sync workflow's role-to-assume."
  value       = aws_iam_role.sync.arn
}

output "check_queries_role_arn" {
  description = "The check-queries workflow's role-to-assume."
  value       = aws_iam_role.check_queries.arn
}

output "publish_queries_role_arn" {
  description = "The publish-queries workflow's role-to-assume."
  value       = aws_iam_role.publish_queries.arn
}

output "oidc_provider_arn" {
  description = "GitHub's OIDC provider in the account (created here unless oidc_provider_arn was given)."
  value       = local.oidc_provider_arn
}

output "bucket_policy_statement" {
  description = "When the bucket is in another account (Control Tower: Log Archive): add this statement to its bucket policy there."
  value       = jsondecode(data.aws_iam_policy_document.bucket_policy_statement.json).Statement[0]
}

output "glue_catalog_resource_policy" {
  description = "With glue_catalog_id: the catalog resource policy to put in that account (aws glue put-resource-policy), as JSON."
  value       = data.aws_iam_policy_document.glue_catalog_resource_policy.json
}
