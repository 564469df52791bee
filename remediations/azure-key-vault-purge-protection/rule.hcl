id        = "azure-key-vault-purge-protection"
title     = "Key vaults are protected from purging"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_key_vault"]
fix       = "unsafe"
message   = "Key vault can be purged, so a deleted vault and its keys can be destroyed for good before the retention period ends"
checkov   = ["CKV_AZURE_110"]
trivy     = ["AVD-AZU-0016"]
tfsec     = ["azure-keyvault-no-purge"]
cis       = []

require {
  path   = "purge_protection_enabled"
  expect = true
}
