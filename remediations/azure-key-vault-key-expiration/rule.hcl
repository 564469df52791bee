id        = "azure-key-vault-key-expiration"
title     = "Key vault keys expire"
severity  = "low"
provider  = "azure"
resources = ["azurerm_key_vault_key"]
fix       = "display-only"
message   = "Key vault key never expires, so nothing forces it to be rotated"
checkov   = ["CKV_AZURE_40"]
trivy     = ["AVD-AZU-0014"]
tfsec     = ["azure-keyvault-ensure-key-expiry"]
cis       = []

require {
  path   = "expiration_date"
  reject = [""]
  fix    = "TODO: expiry as RFC 3339, e.g. 2030-01-01T00:00:00Z"
}
