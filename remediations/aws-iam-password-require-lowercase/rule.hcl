id        = "aws-iam-password-require-lowercase"
title     = "The IAM password policy requires a lowercase letter"
severity  = "medium"
provider  = "aws"
resources = ["aws_iam_account_password_policy"]
fix       = "safe"
message   = "IAM password policy does not require a lowercase letter"
checkov   = ["CKV_AWS_11"]
trivy     = ["AVD-AWS-0058"]
tfsec     = ["aws-iam-require-lowercase-in-passwords"]
cis       = []

require {
  path   = "require_lowercase_characters"
  expect = true
}
