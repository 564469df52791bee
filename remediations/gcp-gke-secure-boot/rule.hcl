id        = "gcp-gke-secure-boot"
title     = "GKE nodes boot with Secure Boot"
severity  = "medium"
provider  = "google"
resources = ["google_container_cluster", "google_container_node_pool"]
fix       = "unsafe"
message   = "GKE nodes boot without Secure Boot, so a tampered boot chain or kernel module goes unnoticed"
checkov   = ["CKV_GCP_68"]
trivy     = []
tfsec     = []
cis       = []

# The node_config of a cluster without its default pool applies to no node.
when {
  path    = "remove_default_node_pool"
  reject  = [true]
  missing = "pass"
}

require {
  path   = "node_config.shielded_instance_config.enable_secure_boot"
  expect = true
}

# A shielded_instance_config block without integrity monitoring turns it off
# in Checkov's eyes (CKV_GCP_72): a new block states it explicitly.
require {
  path          = "node_config.shielded_instance_config.enable_integrity_monitoring"
  missing       = "pass"
  missing_block = "fail"
  fix           = true
}
