id        = "gcp-gke-release-channel"
title     = "GKE clusters follow a release channel"
severity  = "low"
provider  = "google"
resources = ["google_container_cluster"]
fix       = "unsafe"
message   = "GKE cluster follows no release channel, so security patches reach it only when someone upgrades by hand"
checkov   = ["CKV_GCP_70"]
trivy     = []
tfsec     = []
cis       = []

require {
  path = "release_channel.channel"
  fix  = "REGULAR"
}
