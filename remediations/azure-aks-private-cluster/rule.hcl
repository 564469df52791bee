id        = "azure-aks-private-cluster"
title     = "AKS API servers are private"
severity  = "high"
provider  = "azure"
resources = ["azurerm_kubernetes_cluster"]
fix       = "unsafe"
message   = "AKS API server has a public endpoint on the internet"
checkov   = ["CKV_AZURE_115"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "private_cluster_enabled"
  expect = true
}
