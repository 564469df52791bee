id        = "aws-ebs-snapshot-copy-cmk"
title     = "EBS snapshot copies are encrypted with a customer-managed KMS key"
severity  = "low"
provider  = "aws"
resources = ["aws_ebs_snapshot_copy"]
fix       = "display-only"
message   = "EBS snapshot copy is not encrypted with a customer-managed KMS key"
checkov   = ["CKV_AWS_183"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "encrypted"
  expect = true
}

# The key is the user's choice: the fix shows where it goes.
require {
  path   = "kms_key_id"
  reject = [""]
  fix    = "TODO: the ARN of a customer-managed KMS key in the destination region"
}
