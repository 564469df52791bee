id        = "azure-storage-container-private"
title     = "Blob containers do not allow anonymous reads"
severity  = "high"
provider  = "azure"
resources = ["azurerm_storage_container"]
fix       = "unsafe"
message   = "Blob container lets anyone on the internet read its blobs without credentials"
checkov   = ["CKV_AZURE_34"]
trivy     = ["AVD-AZU-0007"]
tfsec     = ["azure-storage-no-public-access"]
cis       = []

# Absent means "private", the provider's default.
require {
  path    = "container_access_type"
  expect  = "private"
  missing = "pass"
}
