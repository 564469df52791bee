id        = "aws-iam-password-require-uppercase"
title     = "The IAM password policy requires a uppercase letter"
severity  = "medium"
provider  = "aws"
resources = ["aws_iam_account_password_policy"]
fix       = "safe"
message   = "IAM password policy does not require a uppercase letter"
checkov   = ["CKV_AWS_15"]
trivy     = ["AVD-AWS-0061"]
tfsec     = ["aws-iam-require-uppercase-in-passwords"]
cis       = []

require {
  path   = "require_uppercase_characters"
  expect = true
}
