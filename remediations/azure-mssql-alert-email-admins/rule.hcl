id        = "azure-mssql-alert-email-admins"
title     = "SQL server threat alerts reach the subscription's administrators"
severity  = "low"
provider  = "azure"
resources = ["azurerm_mssql_server_security_alert_policy"]
fix       = "safe"
message   = "SQL server threat alerts are not emailed to the subscription's administrators"
checkov   = ["CKV_AZURE_27"]
trivy     = ["AVD-AZU-0023"]
tfsec     = ["azure-database-threat-alert-email-to-owner"]
cis       = []

require {
  path   = "email_account_admins"
  expect = true
}
