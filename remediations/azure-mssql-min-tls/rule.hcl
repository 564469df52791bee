id        = "azure-mssql-min-tls"
title     = "SQL servers refuse TLS versions older than 1.2"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_mssql_server"]
fix       = "safe"
message   = "SQL server accepts connections over TLS versions older than 1.2"
checkov   = ["CKV_AZURE_52"]
trivy     = ["AVD-AZU-0026"]
tfsec     = ["azure-database-secure-tls-policy"]
cis       = []

# TLS 1.3, offered by recent azurerm releases, is stricter still: never
# lowered to 1.2, although Checkov accepts only "1.2".
when {
  path    = "minimum_tls_version"
  reject  = ["1.3"]
  missing = "pass"
}

require {
  path   = "minimum_tls_version"
  expect = "1.2"
}
