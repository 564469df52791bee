id        = "aws-dax-encryption-at-rest"
title     = "DAX clusters encrypt their data at rest"
severity  = "high"
provider  = "aws"
resources = ["aws_dax_cluster"]
fix       = "unsafe"
message   = "DAX cluster does not encrypt cached data at rest"
checkov   = ["CKV_AWS_47"]
trivy     = ["AVD-AWS-0023"]
tfsec     = ["aws-dynamodb-enable-at-rest-encryption"]
cis       = []

require {
  path   = "server_side_encryption.enabled"
  expect = true
}
