id        = "azure-key-vault-secret-expiration"
title     = "Key vault secrets expire"
severity  = "low"
provider  = "azure"
resources = ["azurerm_key_vault_secret"]
fix       = "display-only"
message   = "Key vault secret never expires, so nothing forces it to be rotated"
checkov   = ["CKV_AZURE_41"]
trivy     = ["AVD-AZU-0017"]
tfsec     = ["azure-keyvault-ensure-secret-expiry"]
cis       = []

require {
  path   = "expiration_date"
  reject = [""]
  fix    = "TODO: expiry as RFC 3339, e.g. 2030-01-01T00:00:00Z"
}
