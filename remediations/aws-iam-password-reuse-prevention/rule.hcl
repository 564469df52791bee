id        = "aws-iam-password-reuse-prevention"
title     = "The IAM password policy forbids reusing the last 24 passwords"
severity  = "medium"
provider  = "aws"
resources = ["aws_iam_account_password_policy"]
fix       = "safe"
message   = "IAM password policy lets users reuse recent passwords"
checkov   = ["CKV_AWS_13"]
trivy     = ["AVD-AWS-0056"]
tfsec     = ["aws-iam-no-password-reuse"]
cis       = ["CIS AWS 1.9"]

# Absent means no reuse prevention; 24 is the AWS maximum.
require {
  path     = "password_reuse_prevention"
  at_least = 24
  fix      = 24
}
