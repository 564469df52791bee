id        = "gcp-storage-uniform-access"
title     = "Cloud Storage buckets use uniform bucket-level access"
severity  = "medium"
provider  = "google"
resources = ["google_storage_bucket"]
fix       = "unsafe"
message   = "Bucket grants access through per-object ACLs instead of uniform bucket-level IAM"
checkov   = ["CKV_GCP_29"]
trivy     = ["AVD-GCP-0002"]
tfsec     = ["google-storage-enable-ubla"]
cis       = ["CIS GCP 5.2"]

require {
  path   = "uniform_bucket_level_access"
  expect = true
}
