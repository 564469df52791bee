id        = "gcp-gke-node-auto-upgrade"
title     = "GKE node pools upgrade their nodes automatically"
severity  = "low"
provider  = "google"
resources = ["google_container_node_pool"]
fix       = "unsafe"
message   = "GKE node pool does not upgrade its nodes automatically, so they miss security patches"
checkov   = ["CKV_GCP_10"]
trivy     = ["AVD-GCP-0058"]
tfsec     = ["google-gke-enable-auto-upgrade"]
cis       = []

require {
  path   = "management.auto_upgrade"
  expect = true
}

# A management block turns off what it leaves out: a new one keeps the
# automatic repairs a pool without the block had.
require {
  path          = "management.auto_repair"
  missing       = "pass"
  missing_block = "fail"
  fix           = true
}
