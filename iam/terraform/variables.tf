# Every value of the policies in iam/*/ is a variable here; the defaults are the action's own.
# __tests__/unit/iam-terraform.test.ts evaluates the policy documents below with the README's
# example values and checks that they equal the JSON files.

variable "account_id" {
  description = "Account of the roles, Athena and (unless glue_catalog_id) the Glue catalog. Null: the account Terraform runs in."
  type        = string
  default     = null
}

variable "region" {
  description = "The action's aws-region: Region of the Glue catalog and the Athena workgroup."
  type        = string
}

variable "github_repository" {
  description = "The repository whose workflows run the action, as owner/name (my-org/ops)."
  type        = string
}

variable "default_branch" {
  description = "The repository's default branch: scheduled runs, workflow_dispatch and pushes to it may assume the sync and publish-queries roles."
  type        = string
  default     = "main"
}

variable "audience" {
  description = "The action's audience input: the aud claim of GitHub's OIDC token."
  type        = string
  default     = "sts.amazonaws.com"
}

variable "oidc_provider_arn" {
  description = "ARN of the account's existing GitHub OIDC provider (token.actions.githubusercontent.com). Null: this module creates it (an account has it at most once)."
  type        = string
  default     = null
}

variable "role_name_prefix" {
  description = "The roles are named <prefix>-sync, <prefix>-check-queries and <prefix>-publish-queries."
  type        = string
  default     = "cloudtrail-partitions"
}

variable "bucket" {
  description = "The action's bucket input: the bucket the organization trail writes to (name only)."
  type        = string
}

variable "prefix" {
  description = "The action's prefix input: what comes before AWSLogs/ in the trail's keys (Control Tower: the organization id). Empty: none."
  type        = string
  default     = ""
}

variable "database" {
  description = "The action's database input: the Glue database of the CloudTrail table."
  type        = string
}

variable "table" {
  description = "The action's table input: the CloudTrail table."
  type        = string
}

variable "glue_catalog_id" {
  description = "The action's catalog-id input: the account of a Glue catalog in another account. Null: the roles' account."
  type        = string
  default     = null
}

variable "workgroup" {
  description = "The action's workgroup input: the Athena workgroup of publish-queries and of check-queries' EXPLAIN."
  type        = string
  default     = "primary"
}

variable "athena_results_bucket" {
  description = "The bucket of the workgroup's query result location (EXPLAIN writes its result there). Null: aws-athena-query-results-<account>-<region>."
  type        = string
  default     = null
}
