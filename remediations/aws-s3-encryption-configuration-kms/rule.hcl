id        = "aws-s3-encryption-configuration-kms"
title     = "S3 default encryption settings use a KMS key"
severity  = "medium"
provider  = "aws"
resources = ["aws_s3_bucket_server_side_encryption_configuration"]
fix       = "unsafe"
message   = "S3 default encryption does not use a KMS key"
checkov   = ["CKV_AWS_19", "CKV_AWS_145"]
trivy     = ["AVD-AWS-0088"]
tfsec     = ["aws-s3-enable-bucket-encryption"]
cis       = []

# A rule without `apply_server_side_encryption_by_default` encrypts nothing by
# default; AES256 uses S3-managed keys.
require {
  path   = "rule.apply_server_side_encryption_by_default.sse_algorithm"
  accept = ["aws:kms", "aws:kms:dsse"]
  fix    = "aws:kms"
}
