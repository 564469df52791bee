id        = "gcp-gke-client-certificate"
title     = "GKE clusters issue no client certificate"
severity  = "medium"
provider  = "google"
resources = ["google_container_cluster"]
fix       = "unsafe"
message   = "GKE cluster may issue a client certificate, a long-lived admin credential that cannot be revoked"
checkov   = ["CKV_GCP_13"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "master_auth.client_certificate_config.issue_client_certificate"
  expect = false
}
