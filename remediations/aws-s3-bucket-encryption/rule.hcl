id        = "aws-s3-bucket-encryption"
title     = "S3 buckets encrypt new objects with KMS by default"
severity  = "medium"
provider  = "aws"
resources = ["aws_s3_bucket"]
fix       = "unsafe"
message   = "S3 bucket does not encrypt new objects with a KMS key by default"
checkov   = ["CKV_AWS_145"]
trivy     = ["AVD-AWS-0088"]
tfsec     = ["aws-s3-enable-bucket-encryption"]
cis       = []

# AWS provider before 4.0: the inline block. Dual-layer KMS encryption is at
# least as strong, so it is accepted too.
require {
  path   = "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm"
  accept = ["aws:kms", "aws:kms:dsse"]
  fix    = "aws:kms"
}

# AWS provider 4.0 and later: a separate resource. Its own settings are checked
# by aws-s3-encryption-configuration-kms.
companion {
  type         = "aws_s3_bucket_server_side_encryption_configuration"
  reference    = "bucket"
  inline_below = "4.0"
  body         = <<-EOT
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  EOT
}
