id        = "aws-s3-bucket-public-access-block"
title     = "S3 buckets have a public access block"
severity  = "high"
provider  = "aws"
resources = ["aws_s3_bucket"]
fix       = "unsafe"
message   = "S3 bucket has no public access block, so one ACL or policy change can make it public"
checkov   = ["CKV2_AWS_6"]
trivy     = ["AVD-AWS-0094"]
tfsec     = ["aws-s3-specify-public-access-block"]
cis       = []

# Every AWS provider version: only the separate resource exists. Its flags are
# checked by aws-s3-public-access-block-flags.
companion {
  type      = "aws_s3_bucket_public_access_block"
  reference = "bucket"
  body      = <<-EOT
    block_public_acls       = true
    block_public_policy     = true
    ignore_public_acls      = true
    restrict_public_buckets = true
  EOT
}
