id        = "gcp-compute-ip-forwarding"
title     = "VM instances do not forward IP packets"
severity  = "medium"
provider  = "google"
resources = ["google_compute_instance", "google_compute_instance_template"]
fix       = "unsafe"
message   = "VM instance may send and receive packets for addresses that are not its own"
checkov   = ["CKV_GCP_36"]
trivy     = ["AVD-GCP-0043"]
tfsec     = ["google-compute-no-ip-forwarding"]
cis       = ["CIS GCP 4.6"]

# Absent means false.
require {
  path    = "can_ip_forward"
  reject  = [true]
  missing = "pass"
  fix     = false
}
