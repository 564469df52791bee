id        = "aws-iam-password-max-age"
title     = "IAM passwords expire within 90 days"
severity  = "medium"
provider  = "aws"
resources = ["aws_iam_account_password_policy"]
fix       = "unsafe"
message   = "IAM password policy lets passwords live longer than 90 days"
checkov   = ["CKV_AWS_9"]
trivy     = ["AVD-AWS-0062"]
tfsec     = ["aws-iam-set-max-password-age"]
cis       = []

# Absent or 0 means passwords never expire. Any age from 1 to 90 days passes.
require {
  path   = "max_password_age"
  accept = [
    90, 89, 88, 87, 86, 85, 84, 83, 82, 81, 80, 79, 78, 77, 76, 75, 74, 73, 72,
    71, 70, 69, 68, 67, 66, 65, 64, 63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53,
    52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34,
    33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15,
    14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1,
  ]
}
