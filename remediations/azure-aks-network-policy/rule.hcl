id        = "azure-aks-network-policy"
title     = "AKS clusters enforce Kubernetes network policies"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_kubernetes_cluster"]
fix       = "unsafe"
message   = "AKS cluster has no network policy engine, so NetworkPolicy objects are ignored and every pod can reach every other pod"
checkov   = ["CKV_AZURE_7"]
trivy     = ["AVD-AZU-0043"]
tfsec     = ["azure-container-configured-network-policy"]
cis       = []

# Without a CNI plugin (bring your own) AKS manages no policy engine, and the
# Cilium data plane comes with its own.
when {
  path          = "network_profile.network_plugin"
  reject        = ["none"]
  missing_block = "pass"
}

when {
  path          = "network_profile.network_data_plane"
  reject        = ["cilium"]
  missing       = "pass"
  missing_block = "pass"
}

# A network_profile block needs its plugin: written only when the block is
# created, as kubenet, the plugin a cluster without the block already has.
require {
  path   = "network_profile.network_plugin"
  reject = [""]
  fix    = "kubenet"
}

# Calico works with both the kubenet and the Azure CNI plugins.
require {
  path   = "network_profile.network_policy"
  reject = [""]
  fix    = "calico"
}
