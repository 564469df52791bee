id        = "azure-aks-local-accounts-disabled"
title     = "AKS clusters have no local admin account"
severity  = "high"
provider  = "azure"
resources = ["azurerm_kubernetes_cluster"]
fix       = "unsafe"
message   = "AKS cluster keeps its local admin account, whose static credentials bypass Azure AD and cannot be audited per user"
checkov   = ["CKV_AZURE_141"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "local_account_disabled"
  expect = true
}
