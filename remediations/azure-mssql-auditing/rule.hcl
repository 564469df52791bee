id        = "azure-mssql-auditing"
title     = "SQL servers audit database activity"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_mssql_server"]
fix       = "display-only"
message   = "SQL server has no auditing policy, so logins, queries and permission changes leave no trail"
checkov   = ["CKV_AZURE_23"]
trivy     = ["AVD-AZU-0027"]
tfsec     = ["azure-database-enable-audit"]
cis       = []

# Before azurerm 3.0 the policy could be an inline block: any such block counts.
require {
  path          = "extended_auditing_policy.retention_in_days"
  missing       = "pass"
  missing_block = "fail"
}

companion {
  type      = "azurerm_mssql_server_extended_auditing_policy"
  reference = "server_id"
  body      = <<-EOT
    storage_endpoint  = "TODO: blob endpoint of the audit storage account"
    retention_in_days = 90
  EOT
}
