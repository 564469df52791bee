id        = "aws-neptune-storage-encrypted"
title     = "Neptune clusters encrypt their storage"
severity  = "high"
provider  = "aws"
resources = ["aws_neptune_cluster"]
fix       = "unsafe"
message   = "Neptune cluster does not encrypt its storage at rest"
checkov   = ["CKV_AWS_44"]
trivy     = ["AVD-AWS-0076"]
tfsec     = ["aws-neptune-enable-storage-encryption"]
cis       = []

require {
  path   = "storage_encrypted"
  expect = true
}
