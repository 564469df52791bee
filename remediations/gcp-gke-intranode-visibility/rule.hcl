id        = "gcp-gke-intranode-visibility"
title     = "GKE clusters make pod-to-pod traffic visible to the VPC"
severity  = "low"
provider  = "google"
resources = ["google_container_cluster"]
fix       = "unsafe"
message   = "GKE cluster keeps traffic between pods on one node out of VPC flow logs and firewall rules"
checkov   = ["CKV_GCP_61"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "enable_intranode_visibility"
  expect = true
}
