# Every value of the policies in iam/*/ is a variable here; the defaults are the action's own.
# __tests__/unit/iam-terraform.test.ts evaluates the policy documents below with the README's
# example values and checks that they equal the JSON files, with and without the switches.

variable "account_id" {
  description = "Account of the roles, Athena and (unless glue_catalog_id) the Glue catalog. Null: the account Terraform runs in."
  type        = string
  default     = null
}

variable "region" {
  description = "The action's aws-region: Region of the Glue catalog and the Athena workgroups."
  type        = string
}

variable "github_repository" {
  description = "The repository whose workflows run the action, as owner/name (my-org/ops)."
  type        = string
}

variable "default_branch" {
  description = "The repository's default branch: the sync and publish-queries workflows run from it."
  type        = string
  default     = "main"
}

variable "pin_workflows" {
  description = "True: the roles trust the repository's customized OIDC subject (include_claim_keys = output github_oidc_subject_claim_keys), so the sync and publish-queries roles admit only their own workflow file on the default branch. False: GitHub's default subject, which every workflow of the default branch carries (README, \"AWS setup\", the risk of the fallback)."
  type        = bool
  default     = true
}

variable "sync_workflow" {
  description = "With pin_workflows: the sync's workflow file, the only one its role admits."
  type        = string
  default     = ".github/workflows/cloudtrail-partitions.yml"
}

variable "publish_queries_workflow" {
  description = "With pin_workflows: the publish-queries workflow file, the only one its role admits."
  type        = string
  default     = ".github/workflows/publish-queries.yml"
}

variable "audience" {
  description = "The action's audience input: the aud claim of GitHub's OIDC token."
  type        = string
  default     = "sts.amazonaws.com"
}

variable "oidc_provider_arn" {
  description = "ARN of the account's GitHub OIDC provider (token.actions.githubusercontent.com), when you manage it elsewhere. Null: see existing_oidc_provider."
  type        = string
  default     = null
}

variable "existing_oidc_provider" {
  description = "Without oidc_provider_arn: true looks the account's GitHub OIDC provider up by its URL (it must exist); false creates it (an account has it at most once: creating a second fails with EntityAlreadyExists)."
  type        = bool
  default     = false
}

variable "role_name_prefix" {
  description = "The roles are named <prefix>-sync, <prefix>-check-queries and <prefix>-publish-queries."
  type        = string
  default     = "cloudtrail-partitions"
}

variable "create_sync_role" {
  description = "Make the sync role (and its statements in the cross-account documents)."
  type        = bool
  default     = true
}

variable "create_check_queries_role" {
  description = "Make the check-queries role, its Athena workgroup, and its statements in the cross-account documents."
  type        = bool
  default     = true
}

variable "create_publish_queries_role" {
  description = "Make the publish-queries role."
  type        = bool
  default     = true
}

variable "grant_create_table" {
  description = "Give the sync role glue:GetDatabase, glue:CreateDatabase and glue:CreateTable, for create-table: true. False once the table exists."
  type        = bool
  default     = true
}

variable "grant_partition_index" {
  description = "Give the sync role glue:CreatePartitionIndex and glue:UpdateTable, for partition-index (and a table create-table made). False once the index and partition filtering are there."
  type        = bool
  default     = true
}

variable "permissions_boundary" {
  description = "ARN of a managed policy to set as the permissions boundary of every role (Control Tower and AFT setups often require one). Null: none."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for every resource the module creates (roles, OIDC provider, workgroup, data catalog)."
  type        = map(string)
  default     = {}
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

variable "more_tables" {
  description = "Other tables of the same database the roles may reach: one per source when a workflow syncs several (source: Config, vpcflowlogs ...), each with its own table input."
  type        = list(string)
  default     = []
}

variable "glue_catalog_id" {
  description = "The action's catalog-id input: the account of a Glue catalog in another account. Null: the roles' account."
  type        = string
  default     = null
}

variable "athena_catalog" {
  description = "With glue_catalog_id: the name under which the module registers that Glue catalog as an Athena data catalog, for check-queries' EXPLAIN (the action's athena-catalog input). Null: not registered, check-queries then reads the table's columns but runs no EXPLAIN across accounts."
  type        = string
  default     = null
}

variable "workgroup" {
  description = "publish-queries' workgroup input: the Athena workgroup that holds the named queries."
  type        = string
  default     = "primary"
}

variable "checks_workgroup" {
  description = "check-queries' workgroup input: the workgroup the module creates for EXPLAIN, whose enforced result location is the checks' prefix."
  type        = string
  default     = "cloudtrail-partitions-checks"
}

variable "athena_results_bucket" {
  description = "The bucket of the checks' results. Null: aws-athena-query-results-<account>-<region>, Athena's default."
  type        = string
  default     = null
}

variable "checks_results_prefix" {
  description = "The prefix of the results bucket where EXPLAIN's results go, and the only one the check-queries role may use."
  type        = string
  default     = "cloudtrail-partitions/checks/"

  validation {
    condition     = can(regex("^[^*?]+/$", var.checks_results_prefix))
    error_message = "checks_results_prefix is a folder: it ends with / and has no * or ?."
  }
}

variable "checks_bytes_scanned_cutoff" {
  description = "The checks workgroup's BytesScannedCutoffPerQuery: EXPLAIN scans nothing, so Athena's smallest value."
  type        = number
  default     = 10000000

  validation {
    condition     = var.checks_bytes_scanned_cutoff >= 10000000
    error_message = "Athena takes a BytesScannedCutoffPerQuery of at least 10000000 bytes."
  }
}

variable "results_bucket_policy" {
  description = "True: set iam/check-queries/results-bucket-policy.json (the check-queries role denied everything outside its prefix) as the results bucket's policy. That replaces the bucket's policy: only for a bucket with none, otherwise merge the output results_bucket_policy into yours."
  type        = bool
  default     = false
}
