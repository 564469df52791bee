id        = "azure-network-watcher-flow-log-retention"
title     = "NSG flow logs are kept at least 90 days"
severity  = "low"
provider  = "azure"
resources = ["azurerm_network_watcher_flow_log"]
fix       = "safe"
message   = "Network security group flow logs are deleted after less than 90 days, or never retained"
checkov   = ["CKV_AZURE_12"]
trivy     = ["AVD-AZU-0049"]
tfsec     = ["azure-network-retention-policy-set"]
cis       = []

# A flow log switched off is a choice this rule does not second-guess.
when {
  path    = "enabled"
  reject  = [false]
  missing = "pass"
}

# 0 days keeps logs forever.
when {
  path          = "retention_policy.days"
  reject        = [0]
  missing_block = "pass"
}

require {
  path   = "retention_policy.enabled"
  expect = true
}

require {
  path     = "retention_policy.days"
  at_least = 90
  fix      = 90
}
