id        = "gcp-kms-key-prevent-destroy"
title     = "Terraform cannot destroy Cloud KMS keys"
severity  = "medium"
provider  = "google"
resources = ["google_kms_crypto_key"]
fix       = "safe"
message   = "Cloud KMS key can be destroyed by Terraform, making everything it encrypts unreadable"
checkov   = ["CKV_GCP_82"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "lifecycle.prevent_destroy"
  expect = true
}
