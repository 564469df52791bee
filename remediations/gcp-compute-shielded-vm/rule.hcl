id        = "gcp-compute-shielded-vm"
title     = "VM instances run as Shielded VMs"
severity  = "medium"
provider  = "google"
resources = ["google_compute_instance", "google_compute_instance_template"]
fix       = "unsafe"
message   = "VM instance does not run as a Shielded VM with vTPM and integrity monitoring"
checkov   = ["CKV_GCP_39"]
trivy     = []
tfsec     = []
cis       = ["CIS GCP 4.8"]

# Inside the block both default to true; only the block itself is required.
require {
  path          = "shielded_instance_config.enable_vtpm"
  reject        = [false]
  missing       = "pass"
  missing_block = "fail"
  fix           = true
}

require {
  path          = "shielded_instance_config.enable_integrity_monitoring"
  reject        = [false]
  missing       = "pass"
  missing_block = "fail"
  fix           = true
}
