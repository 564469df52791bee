id        = "aws-module-s3-bucket-public-access"
title     = "Calls of the community S3 bucket module keep public access blocked"
severity  = "high"
provider  = "aws"
resources = ["module"]
fix       = "unsafe"
message   = "S3 bucket module is called with a public access block setting turned off"
checkov   = ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"]
trivy     = ["AVD-AWS-0086", "AVD-AWS-0087", "AVD-AWS-0091", "AVD-AWS-0093"]
cis       = ["CIS AWS 2.1.5"]

when {
  path = "source"
  accept = [
    "terraform-aws-modules/s3-bucket/aws",
    "git::https://github.com/terraform-aws-modules/terraform-aws-s3-bucket.git",
    "github.com/terraform-aws-modules/terraform-aws-s3-bucket",
  ]
}

# The module blocks public access by default; only an explicit false is a finding.
require {
  path    = "block_public_acls"
  expect  = true
  missing = "pass"
}

require {
  path    = "block_public_policy"
  expect  = true
  missing = "pass"
}

require {
  path    = "ignore_public_acls"
  expect  = true
  missing = "pass"
}

require {
  path    = "restrict_public_buckets"
  expect  = true
  missing = "pass"
}
