id        = "aws-docdb-storage-encrypted"
title     = "DocumentDB clusters encrypt their storage"
severity  = "high"
provider  = "aws"
resources = ["aws_docdb_cluster"]
fix       = "unsafe"
message   = "DocumentDB cluster does not encrypt its storage at rest"
checkov   = ["CKV_AWS_74"]
trivy     = ["AVD-AWS-0021"]
tfsec     = ["aws-documentdb-enable-storage-encryption"]
cis       = []

require {
  path   = "storage_encrypted"
  expect = true
}
