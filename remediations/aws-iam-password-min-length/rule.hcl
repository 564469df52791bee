id        = "aws-iam-password-min-length"
title     = "The IAM password policy requires passwords of 14 characters or more"
severity  = "medium"
provider  = "aws"
resources = ["aws_iam_account_password_policy"]
fix       = "safe"
message   = "IAM password policy allows passwords shorter than 14 characters"
checkov   = ["CKV_AWS_10"]
trivy     = ["AVD-AWS-0063"]
tfsec     = ["aws-iam-set-minimum-password-length"]
cis       = ["CIS AWS 1.8"]

# Absent means the AWS minimum of 6.
require {
  path     = "minimum_password_length"
  at_least = 14
  fix      = 14
}
