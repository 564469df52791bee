id        = "gcp-gke-node-auto-repair"
title     = "GKE node pools repair their nodes automatically"
severity  = "low"
provider  = "google"
resources = ["google_container_node_pool"]
fix       = "safe"
message   = "GKE node pool does not repair failing nodes automatically"
checkov   = ["CKV_GCP_9"]
trivy     = ["AVD-GCP-0063"]
tfsec     = ["google-gke-enable-auto-repair"]
cis       = []

require {
  path   = "management.auto_repair"
  expect = true
}

# A management block turns off what it leaves out: a new one keeps the
# automatic upgrades a pool without the block had.
require {
  path          = "management.auto_upgrade"
  missing       = "pass"
  missing_block = "fail"
  fix           = true
}
