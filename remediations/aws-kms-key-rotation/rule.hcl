id        = "aws-kms-key-rotation"
title     = "KMS keys rotate their key material"
severity  = "medium"
provider  = "aws"
resources = ["aws_kms_key"]
fix       = "safe"
message   = "KMS key does not rotate its key material yearly"
checkov   = ["CKV_AWS_7"]
trivy     = ["AVD-AWS-0065"]
tfsec     = ["aws-kms-auto-rotate-keys"]
cis       = ["CIS AWS 3.8"]

require {
  path   = "enable_key_rotation"
  expect = true
}
