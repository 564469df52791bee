id        = "gcp-storage-versioning"
title     = "Cloud Storage buckets keep object versions"
severity  = "low"
provider  = "google"
resources = ["google_storage_bucket"]
fix       = "safe"
message   = "Bucket keeps no object versions: overwritten or deleted objects cannot be recovered"
checkov   = ["CKV_GCP_78"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "versioning.enabled"
  expect = true
}
