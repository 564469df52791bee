id        = "azure-mssql-public-network-disabled"
title     = "SQL servers are not reachable from public networks"
severity  = "high"
provider  = "azure"
resources = ["azurerm_mssql_server"]
fix       = "unsafe"
message   = "SQL server is reachable from public networks"
checkov   = ["CKV_AZURE_113"]
trivy     = ["AVD-AZU-0022"]
tfsec     = ["azure-database-no-public-access"]
cis       = []

require {
  path   = "public_network_access_enabled"
  expect = false
}
