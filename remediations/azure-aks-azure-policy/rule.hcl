id        = "azure-aks-azure-policy"
title     = "AKS clusters run the Azure Policy add-on"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_kubernetes_cluster"]
fix       = "unsafe"
message   = "AKS cluster does not run the Azure Policy add-on, so policies assigned to the subscription are not enforced inside Kubernetes"
checkov   = ["CKV_AZURE_116"]
trivy     = []
tfsec     = []
cis       = []

# Before azurerm 2.97 the add-on was enabled in an addon_profile block.
when {
  path          = "addon_profile.azure_policy.enabled"
  reject        = [true]
  missing       = "pass"
  missing_block = "pass"
}

require {
  path   = "azure_policy_enabled"
  expect = true
}
