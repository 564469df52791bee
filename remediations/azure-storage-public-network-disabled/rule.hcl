id        = "azure-storage-public-network-disabled"
title     = "Storage accounts are not reachable from public networks"
severity  = "high"
provider  = "azure"
resources = ["azurerm_storage_account"]
fix       = "unsafe"
message   = "Storage account is reachable from public networks"
checkov   = ["CKV_AZURE_59"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "public_network_access_enabled"
  expect = false
}
