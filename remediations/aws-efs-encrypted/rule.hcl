id        = "aws-efs-encrypted"
title     = "EFS file systems are encrypted at rest"
severity  = "high"
provider  = "aws"
resources = ["aws_efs_file_system"]
fix       = "unsafe"
message   = "EFS file system is not encrypted at rest"
checkov   = ["CKV_AWS_42"]
trivy     = ["AVD-AWS-0037"]
tfsec     = ["aws-efs-enable-at-rest-encryption"]
cis       = ["CIS AWS 2.4.1"]

require {
  path   = "encrypted"
  expect = true
}
