id        = "azure-key-vault-secret-content-type"
title     = "Key vault secrets say what they hold"
severity  = "low"
provider  = "azure"
resources = ["azurerm_key_vault_secret"]
fix       = "display-only"
message   = "Key vault secret has no content type, so nobody can tell what it holds or how to rotate it"
checkov   = ["CKV_AZURE_114"]
trivy     = ["AVD-AZU-0015"]
tfsec     = ["azure-keyvault-content-type-for-secret"]
cis       = []

require {
  path   = "content_type"
  reject = [""]
  fix    = "TODO: what the secret holds, e.g. password"
}
