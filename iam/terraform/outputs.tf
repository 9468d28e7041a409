# Role ARNs are null for a role the module was told not to make (create_*_role = false). The policy
# documents for other accounts are JSON strings, ready for aws_s3_bucket_policy,
# aws_glue_resource_policy or `source_policy_documents` of an aws_iam_policy_document that merges
# them into an existing policy; null when they would have nothing to say.

output "sync_role_arn" {
  description = "The sync workflow's role-to-assume."
  value       = one(aws_iam_role.sync[*].arn)
}

output "check_queries_role_arn" {
  description = "The check-queries workflow's role-to-assume."
  value       = one(aws_iam_role.check_queries[*].arn)
}

output "publish_queries_role_arn" {
  description = "The publish-queries workflow's role-to-assume."
  value       = one(aws_iam_role.publish_queries[*].arn)
}

output "oidc_provider_arn" {
  description = "GitHub's OIDC provider in the account (given, looked up, or created here)."
  value       = local.oidc_provider_arn
}

output "github_oidc_subject_claim_keys" {
  description = "With pin_workflows: the include_claim_keys to set as the repository's OIDC subject template (README, \"AWS setup\"); null without."
  value       = var.pin_workflows ? ["repo", "context", "job_workflow_ref"] : null
}

output "checks_workgroup" {
  description = "check-queries' workgroup input: the workgroup made for EXPLAIN (null without the check-queries role)."
  value       = one(aws_athena_workgroup.checks[*].name)
}

output "checks_results_location" {
  description = "Where EXPLAIN's results go (the workgroup enforces it): the only place the check-queries role may read or write."
  value       = local.checks_results
}

output "athena_catalog" {
  description = "check-queries' athena-catalog input, with glue_catalog_id and athena_catalog (null otherwise)."
  value       = one(aws_athena_data_catalog.cross_account[*].name)
}

output "bucket_policy" {
  description = "When the trail's bucket is in another account (Control Tower: Log Archive): the policy (JSON) its bucket policy must include for the sync role. Null without the sync role."
  value       = var.create_sync_role ? data.aws_iam_policy_document.bucket_policy_statement.json : null
}

output "glue_catalog_resource_policy" {
  description = "With glue_catalog_id: the catalog resource policy (JSON) to put in that account (aws_glue_resource_policy, or aws glue put-resource-policy). Null without glue_catalog_id or roles."
  value       = local.cross_account && (var.create_sync_role || var.create_check_queries_role) ? data.aws_iam_policy_document.glue_catalog_resource_policy.json : null
}

output "results_bucket_policy" {
  description = "The results bucket's guard (JSON): the check-queries role denied everything outside its prefix. Set by the module with results_bucket_policy = true; otherwise merge it into the bucket's policy. Null without the check-queries role."
  value       = var.create_check_queries_role ? data.aws_iam_policy_document.results_bucket_policy.json : null
}
