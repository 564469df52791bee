id        = "azure-storage-https-only"
title     = "Storage accounts accept HTTPS traffic only"
severity  = "high"
provider  = "azure"
resources = ["azurerm_storage_account"]
fix       = "safe"
message   = "Storage account accepts unencrypted HTTP requests"
checkov   = ["CKV_AZURE_3"]
trivy     = ["AVD-AZU-0008"]
tfsec     = ["azure-storage-enforce-https"]
cis       = ["CIS Azure 3.1"]

# azurerm before 4.0. Absent means true, the provider's default.
require {
  path    = "enable_https_traffic_only"
  expect  = true
  missing = "pass"
}

# The same setting under its azurerm 4.0 name (also accepted by late 3.x).
require {
  path    = "https_traffic_only_enabled"
  expect  = true
  missing = "pass"
}
