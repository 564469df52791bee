id        = "azure-key-vault-public-network-disabled"
title     = "Key vaults without firewall rules are not reachable from public networks"
severity  = "high"
provider  = "azure"
resources = ["azurerm_key_vault"]
fix       = "unsafe"
message   = "Key vault is reachable from public networks and no firewall rule limits who can connect"
checkov   = ["CKV_AZURE_189"]
trivy     = []
tfsec     = []
cis       = []

# A vault whose firewall names addresses or subnets already limits public
# access to them.
when {
  path          = "network_acls.ip_rules"
  expect        = []
  missing       = "pass"
  missing_block = "pass"
}

when {
  path          = "network_acls.virtual_network_subnet_ids"
  expect        = []
  missing       = "pass"
  missing_block = "pass"
}

require {
  path   = "public_network_access_enabled"
  expect = false
}
