id        = "aws-s3-object-cmk"
title     = "S3 objects managed by Terraform are encrypted with a customer-managed KMS key"
severity  = "low"
provider  = "aws"
resources = ["aws_s3_bucket_object", "aws_s3_object_copy"]
fix       = "display-only"
message   = "S3 object is not encrypted with a customer-managed KMS key"
checkov   = ["CKV_AWS_186", "CKV_AWS_181"]
trivy     = []
tfsec     = []
cis       = []

# The key is the user's choice: the fix shows where it goes.
require {
  path   = "kms_key_id"
  reject = [""]
  fix    = "TODO: the ARN of a customer-managed KMS key"
}
