id        = "gcp-storage-public-access-prevention"
title     = "Cloud Storage buckets enforce public access prevention"
severity  = "high"
provider  = "google"
resources = ["google_storage_bucket"]
fix       = "unsafe"
message   = "Bucket can be made public by a single IAM binding or ACL"
checkov   = ["CKV_GCP_114"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "public_access_prevention"
  expect = "enforced"
}
