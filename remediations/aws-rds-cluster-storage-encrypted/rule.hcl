id        = "aws-rds-cluster-storage-encrypted"
title     = "Aurora clusters encrypt their storage"
severity  = "high"
provider  = "aws"
resources = ["aws_rds_cluster"]
fix       = "unsafe"
message   = "Aurora cluster does not encrypt its storage at rest"
checkov   = ["CKV_AWS_96"]
trivy     = ["AVD-AWS-0079"]
tfsec     = ["aws-rds-encrypt-cluster-storage-data"]
cis       = []

# Aurora Serverless v1 clusters are always encrypted.
when {
  path    = "engine_mode"
  reject  = ["serverless"]
  missing = "pass"
}

require {
  path   = "storage_encrypted"
  expect = true
}
