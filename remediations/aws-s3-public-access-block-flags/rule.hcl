id        = "aws-s3-public-access-block-flags"
title     = "S3 public access blocks turn on all four settings"
severity  = "high"
provider  = "aws"
resources = ["aws_s3_bucket_public_access_block"]
fix       = "unsafe"
message   = "S3 public access block leaves at least one of its four protections off"
checkov   = ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6"]
trivy     = ["AVD-AWS-0086", "AVD-AWS-0087", "AVD-AWS-0091", "AVD-AWS-0093"]
tfsec     = ["aws-s3-block-public-acls", "aws-s3-block-public-policy", "aws-s3-ignore-public-acls", "aws-s3-no-public-buckets"]
cis       = []

# Each setting defaults to false.
require {
  path   = "block_public_acls"
  expect = true
}

require {
  path   = "block_public_policy"
  expect = true
}

require {
  path   = "ignore_public_acls"
  expect = true
}

require {
  path   = "restrict_public_buckets"
  expect = true
}
