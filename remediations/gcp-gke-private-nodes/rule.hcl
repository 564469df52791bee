id        = "gcp-gke-private-nodes"
title     = "GKE nodes have internal IP addresses only"
severity  = "medium"
provider  = "google"
resources = ["google_container_cluster"]
fix       = "unsafe"
message   = "GKE nodes get public IP addresses and can be reached from the internet"
checkov   = ["CKV_GCP_25", "CKV_GCP_64"]
trivy     = ["AVD-GCP-0059"]
tfsec     = ["google-gke-enable-private-cluster"]
cis       = []

# Checkov accepts any private_cluster_config block; only enable_private_nodes
# actually takes the nodes' public addresses away.
require {
  path   = "private_cluster_config.enable_private_nodes"
  expect = true
}
