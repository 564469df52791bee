id        = "azure-storage-min-tls"
title     = "Storage accounts refuse TLS versions older than 1.2"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_storage_account"]
fix       = "safe"
message   = "Storage account accepts connections over TLS versions older than 1.2"
checkov   = ["CKV_AZURE_44"]
trivy     = ["AVD-AZU-0011"]
tfsec     = ["azure-storage-use-secure-tls-policy"]
cis       = []

require {
  path   = "min_tls_version"
  accept = ["TLS1_2", "TLS1_3"]
  fix    = "TLS1_2"
}
