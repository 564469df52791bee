id        = "gcp-gke-metadata-server"
title     = "GKE nodes run the GKE metadata server"
severity  = "high"
provider  = "google"
resources = ["google_container_cluster", "google_container_node_pool"]
fix       = "unsafe"
message   = "GKE nodes expose the Compute Engine metadata server to pods, node credentials included"
checkov   = ["CKV_GCP_69"]
trivy     = ["AVD-GCP-0057"]
tfsec     = ["google-gke-node-metadata-security"]
cis       = []

# A cluster whose default node pool is removed has no nodes of its own: its
# node_config only describes the pool that was deleted.
when {
  path    = "remove_default_node_pool"
  reject  = [true]
  missing = "pass"
}

# The name of the setting before provider 4.0; it is just as good.
when {
  path    = "node_config.workload_metadata_config.node_metadata"
  reject  = ["GKE_METADATA_SERVER"]
  missing = "pass"
}

require {
  path   = "node_config.workload_metadata_config.mode"
  expect = "GKE_METADATA"
}
