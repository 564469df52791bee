id        = "gcp-subnetwork-private-google-access"
title     = "VPC subnetworks reach Google APIs privately"
severity  = "low"
provider  = "google"
resources = ["google_compute_subnetwork"]
fix       = "safe"
message   = "Subnetwork has Private Google Access off: VMs without external IPs cannot reach Google APIs"
checkov   = ["CKV_GCP_74"]
trivy     = []
tfsec     = []
cis       = []

# Proxy-only subnetworks carry no VM traffic.
when {
  path    = "purpose"
  reject  = ["INTERNAL_HTTPS_LOAD_BALANCER", "REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY"]
  missing = "pass"
}

require {
  path   = "private_ip_google_access"
  expect = true
}
