id        = "azure-key-vault-default-deny"
title     = "Key vault firewalls deny by default"
severity  = "high"
provider  = "azure"
resources = ["azurerm_key_vault"]
fix       = "unsafe"
message   = "Key vault accepts connections from every network unless a rule says otherwise"
checkov   = ["CKV_AZURE_109"]
trivy     = ["AVD-AZU-0013"]
tfsec     = ["azure-keyvault-specify-network-acl"]
cis       = []

# network_acls needs its bypass: written only when the block is created, so
# that trusted Azure services (disk encryption, backup) keep their access.
require {
  path   = "network_acls.bypass"
  reject = [""]
  fix    = "AzureServices"
}

require {
  path   = "network_acls.default_action"
  expect = "Deny"
}
