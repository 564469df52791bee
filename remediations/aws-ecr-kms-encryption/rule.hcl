id        = "aws-ecr-kms-encryption"
title     = "ECR repositories encrypt images with KMS"
severity  = "low"
provider  = "aws"
resources = ["aws_ecr_repository"]
fix       = "unsafe"
message   = "ECR repository encrypts images with S3-managed keys instead of KMS"
checkov   = ["CKV_AWS_136"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "encryption_configuration.encryption_type"
  expect = "KMS"
}
