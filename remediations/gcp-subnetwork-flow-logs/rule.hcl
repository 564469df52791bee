id        = "gcp-subnetwork-flow-logs"
title     = "VPC subnetworks record flow logs"
severity  = "medium"
provider  = "google"
resources = ["google_compute_subnetwork"]
fix       = "safe"
message   = "Subnetwork records no VPC flow logs, so its traffic leaves no trace to investigate"
checkov   = ["CKV_GCP_26"]
trivy     = ["AVD-GCP-0029"]
tfsec     = ["google-compute-enable-vpc-flow-logs"]
cis       = ["CIS GCP 3.8"]

# Proxy-only subnetworks carry no VM traffic and refuse a log_config.
when {
  path    = "purpose"
  reject  = ["INTERNAL_HTTPS_LOAD_BALANCER", "REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY"]
  missing = "pass"
}

# Any log_config block turns flow logs on; its attributes only tune them.
require {
  path          = "log_config.aggregation_interval"
  missing       = "pass"
  missing_block = "fail"
  fix           = "INTERVAL_5_SEC"
}
