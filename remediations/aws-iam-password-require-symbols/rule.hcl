id        = "aws-iam-password-require-symbols"
title     = "The IAM password policy requires a symbol"
severity  = "medium"
provider  = "aws"
resources = ["aws_iam_account_password_policy"]
fix       = "safe"
message   = "IAM password policy does not require a symbol"
checkov   = ["CKV_AWS_14"]
trivy     = ["AVD-AWS-0060"]
tfsec     = ["aws-iam-require-symbols-in-passwords"]
cis       = []

require {
  path   = "require_symbols"
  expect = true
}
