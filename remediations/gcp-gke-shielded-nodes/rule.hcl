id        = "gcp-gke-shielded-nodes"
title     = "GKE clusters keep Shielded GKE Nodes on"
severity  = "high"
provider  = "google"
resources = ["google_container_cluster"]
fix       = "unsafe"
message   = "GKE cluster turns Shielded GKE Nodes off, so a stolen node identity can join the cluster"
checkov   = ["CKV_GCP_71"]
trivy     = ["AVD-GCP-0055"]
tfsec     = ["google-gke-node-shielding-enabled"]
cis       = []

# Absent means the provider default, which is on.
require {
  path    = "enable_shielded_nodes"
  reject  = [false]
  missing = "pass"
  fix     = true
}
