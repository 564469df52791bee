id        = "azure-aks-api-server-authorized-ranges"
title     = "Public AKS API servers accept only authorized IP ranges"
severity  = "high"
provider  = "azure"
resources = ["azurerm_kubernetes_cluster"]
fix       = "display-only"
message   = "AKS API server is reachable from every address on the internet"
checkov   = ["CKV_AZURE_6"]
trivy     = ["AVD-AZU-0041"]
tfsec     = ["azure-container-limit-authorized-ips"]
cis       = []

# A private cluster has no public endpoint to restrict.
when {
  path    = "private_cluster_enabled"
  reject  = [true]
  missing = "pass"
}

# Ranges under their name before azurerm 3.39 also restrict the endpoint.
when {
  path    = "api_server_authorized_ip_ranges"
  expect  = []
  missing = "pass"
}

require {
  path   = "api_server_access_profile.authorized_ip_ranges"
  reject = [[]]
  fix    = ["TODO: CIDR allowed to reach the API server"]
}
