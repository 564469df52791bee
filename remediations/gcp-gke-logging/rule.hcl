id        = "gcp-gke-logging"
title     = "GKE clusters send their logs to Cloud Logging"
severity  = "medium"
provider  = "google"
resources = ["google_container_cluster"]
fix       = "safe"
message   = "GKE cluster has logging turned off: container, node and control plane logs are lost"
checkov   = ["CKV_GCP_1"]
trivy     = []
tfsec     = []
cis       = []

# Absent means the GKE default, which logs.
require {
  path    = "logging_service"
  reject  = ["none"]
  missing = "pass"
  fix     = "logging.googleapis.com/kubernetes"
}
