id        = "azure-storage-shared-key-disabled"
title     = "Storage accounts refuse shared key authorization"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_storage_account"]
fix       = "unsafe"
message   = "Storage account accepts its account keys and SAS tokens signed with them, which grant full access and cannot be tied to a user"
checkov   = ["CKV2_AZURE_40", "CKV2_AZURE_41"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "shared_access_key_enabled"
  expect = false
}
