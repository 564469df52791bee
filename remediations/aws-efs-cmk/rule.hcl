id        = "aws-efs-cmk"
title     = "EFS file systems are encrypted with a customer-managed KMS key"
severity  = "low"
provider  = "aws"
resources = ["aws_efs_file_system"]
fix       = "display-only"
message   = "EFS file system is not encrypted with a customer-managed KMS key"
checkov   = ["CKV_AWS_184"]
trivy     = []
tfsec     = []
cis       = []

# The key is the user's choice: the fix shows where it goes.
require {
  path   = "kms_key_id"
  reject = [""]
  fix    = "TODO: the ARN of a customer-managed KMS key"
}
