id        = "gcp-gke-network-policy"
title     = "GKE clusters enforce Kubernetes network policies"
severity  = "medium"
provider  = "google"
resources = ["google_container_cluster"]
fix       = "unsafe"
message   = "GKE cluster does not enforce network policies: every pod can reach every other pod"
checkov   = ["CKV_GCP_12"]
trivy     = ["AVD-GCP-0056"]
tfsec     = ["google-gke-enable-network-policy"]
cis       = []

# Dataplane V2 enforces network policies itself and refuses the Calico setting.
when {
  path    = "datapath_provider"
  reject  = ["ADVANCED_DATAPATH"]
  missing = "pass"
}

require {
  path   = "network_policy.enabled"
  expect = true
}

# A new network_policy block names its provider.
require {
  path          = "network_policy.provider"
  missing       = "pass"
  missing_block = "fail"
  fix           = "CALICO"
}
