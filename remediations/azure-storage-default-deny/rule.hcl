id        = "azure-storage-default-deny"
title     = "Storage account network rules deny by default"
severity  = "high"
provider  = "azure"
resources = ["azurerm_storage_account", "azurerm_storage_account_network_rules"]
fix       = "unsafe"
message   = "Storage account network rules let every network in unless a rule says otherwise"
checkov   = ["CKV_AZURE_35"]
trivy     = ["AVD-AZU-0012"]
tfsec     = ["azure-storage-default-action-deny"]
cis       = []

# Inline rules on the account: only judged where the block is written.
require {
  path          = "network_rules.default_action"
  expect        = "Deny"
  missing_block = "pass"
}

# The separate azurerm_storage_account_network_rules resource.
require {
  path    = "default_action"
  expect  = "Deny"
  missing = "pass"
}
