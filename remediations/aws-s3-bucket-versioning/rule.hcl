id        = "aws-s3-bucket-versioning"
title     = "S3 buckets keep object versions"
severity  = "medium"
provider  = "aws"
resources = ["aws_s3_bucket"]
fix       = "safe"
message   = "S3 bucket does not enable versioning, so overwritten or deleted objects cannot be recovered"
checkov   = ["CKV_AWS_21"]
trivy     = ["AVD-AWS-0090"]
tfsec     = ["aws-s3-enable-versioning"]
cis       = []

# AWS provider before 4.0: the inline block.
require {
  path   = "versioning.enabled"
  expect = true
}

# AWS provider 4.0 and later: a separate resource.
companion {
  type        = "aws_s3_bucket_versioning"
  reference   = "bucket"
  inline_below = "4.0"
  body        = <<-EOT
    versioning_configuration {
      status = "Enabled"
    }
  EOT
}
