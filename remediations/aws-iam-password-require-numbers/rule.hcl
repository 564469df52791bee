id        = "aws-iam-password-require-numbers"
title     = "The IAM password policy requires a number"
severity  = "medium"
provider  = "aws"
resources = ["aws_iam_account_password_policy"]
fix       = "safe"
message   = "IAM password policy does not require a number"
checkov   = ["CKV_AWS_12"]
trivy     = ["AVD-AWS-0059"]
tfsec     = ["aws-iam-require-numbers-in-passwords"]
cis       = []

require {
  path   = "require_numbers"
  expect = true
}
