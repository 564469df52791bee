id        = "azure-aks-rbac-enabled"
title     = "AKS clusters use Kubernetes RBAC"
severity  = "high"
provider  = "azure"
resources = ["azurerm_kubernetes_cluster"]
fix       = "unsafe"
message   = "AKS cluster has Kubernetes role-based access control turned off, so any authenticated user can do anything in it"
checkov   = ["CKV_AZURE_5"]
trivy     = ["AVD-AZU-0042"]
tfsec     = ["azure-container-use-rbac-permissions"]
cis       = []

# azurerm 2.99 and later. Absent means enabled, the provider's default.
require {
  path    = "role_based_access_control_enabled"
  expect  = true
  missing = "pass"
}

# The block azurerm used before 2.99.
require {
  path    = "role_based_access_control.enabled"
  expect  = true
  missing = "pass"
}
