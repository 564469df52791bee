id        = "azure-aks-host-encryption"
title     = "AKS node pools encrypt data at the VM host"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool"]
fix       = "unsafe"
message   = "AKS node pool does not use host encryption, so temporary disks and disk caches on the VM host are stored unencrypted"
checkov   = ["CKV_AZURE_227"]
trivy     = []
tfsec     = []
cis       = []

# Written in Rust (crates/rules/src/checks/aks_host_encryption_off.rs): the
# attribute to add depends on the pinned azurerm version.
