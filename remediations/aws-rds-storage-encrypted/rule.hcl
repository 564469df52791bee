id        = "aws-rds-storage-encrypted"
title     = "RDS instances encrypt their storage"
severity  = "high"
provider  = "aws"
resources = ["aws_db_instance"]
fix       = "unsafe"
message   = "RDS instance does not encrypt its storage at rest"
checkov   = ["CKV_AWS_16"]
trivy     = ["AVD-AWS-0080"]
tfsec     = ["aws-rds-encrypt-instance-storage-data"]
cis       = ["CIS AWS 2.3.1"]

require {
  path   = "storage_encrypted"
  expect = true
}
