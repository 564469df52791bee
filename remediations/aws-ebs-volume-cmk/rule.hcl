id        = "aws-ebs-volume-cmk"
title     = "EBS volumes are encrypted with a customer-managed KMS key"
severity  = "low"
provider  = "aws"
resources = ["aws_ebs_volume"]
fix       = "display-only"
message   = "EBS volume is not encrypted with a customer-managed KMS key"
checkov   = ["CKV_AWS_189"]
trivy     = ["AVD-AWS-0027"]
tfsec     = ["aws-ebs-encryption-customer-key"]
cis       = []

# The key is the user's choice: the fix shows where it goes.
require {
  path   = "kms_key_id"
  reject = [""]
  fix    = "TODO: the ARN of a customer-managed KMS key"
}
