id        = "azure-mssql-alert-all-types"
title     = "SQL server threat detection raises every type of alert"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_mssql_server_security_alert_policy"]
fix       = "safe"
message   = "SQL server threat detection has some alert types turned off, such as SQL injection or data exfiltration"
checkov   = ["CKV_AZURE_25"]
trivy     = ["AVD-AZU-0028"]
tfsec     = ["azure-database-all-threat-alerts-enabled"]
cis       = []

require {
  path    = "disabled_alerts"
  expect  = []
  missing = "pass"
}
