id        = "gcp-gke-legacy-abac"
title     = "GKE clusters leave legacy ABAC off"
severity  = "high"
provider  = "google"
resources = ["google_container_cluster"]
fix       = "unsafe"
message   = "GKE cluster enables legacy ABAC, which grants broad permissions outside Kubernetes RBAC"
checkov   = ["CKV_GCP_7"]
trivy     = ["AVD-GCP-0062"]
tfsec     = ["google-gke-use-rbac-permissions"]
cis       = []

# Absent means false, the provider's default.
require {
  path    = "enable_legacy_abac"
  reject  = [true]
  missing = "pass"
  fix     = false
}
