id        = "azure-mssql-audit-retention"
title     = "SQL server audit logs are kept at least 90 days"
severity  = "low"
provider  = "azure"
resources = ["azurerm_mssql_server_extended_auditing_policy"]
fix       = "safe"
message   = "SQL server audit logs are deleted after less than 90 days"
checkov   = ["CKV_AZURE_24"]
trivy     = ["AVD-AZU-0025"]
tfsec     = ["azure-database-database-retention-set"]
cis       = []

# Absent or 0 keeps audit logs forever: never shortened to 90 days, although
# Checkov accepts only 90 or more.
when {
  path   = "retention_in_days"
  reject = [0]
}

require {
  path     = "retention_in_days"
  at_least = 90
  fix      = 90
}
