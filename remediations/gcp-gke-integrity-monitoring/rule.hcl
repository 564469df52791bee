id        = "gcp-gke-integrity-monitoring"
title     = "GKE nodes keep integrity monitoring on"
severity  = "medium"
provider  = "google"
resources = ["google_container_cluster", "google_container_node_pool"]
fix       = "unsafe"
message   = "GKE nodes have integrity monitoring turned off, so changes to their boot chain are not reported"
checkov   = ["CKV_GCP_72"]
trivy     = []
tfsec     = []
cis       = []

# Integrity monitoring is on by default: only a shielded_instance_config block
# that leaves it out or turns it off is wrong.
require {
  path          = "node_config.shielded_instance_config.enable_integrity_monitoring"
  expect        = true
  missing       = "fail"
  missing_block = "pass"
}
