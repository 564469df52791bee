id        = "gcp-gke-monitoring"
title     = "GKE clusters send their metrics to Cloud Monitoring"
severity  = "low"
provider  = "google"
resources = ["google_container_cluster"]
fix       = "safe"
message   = "GKE cluster has monitoring turned off: no metrics to alert on or investigate with"
checkov   = ["CKV_GCP_8"]
trivy     = []
tfsec     = []
cis       = []

# Absent means the GKE default, which monitors.
require {
  path    = "monitoring_service"
  reject  = ["none"]
  missing = "pass"
  fix     = "monitoring.googleapis.com/kubernetes"
}
