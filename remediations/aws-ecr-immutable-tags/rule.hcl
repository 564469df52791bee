id        = "aws-ecr-immutable-tags"
title     = "ECR image tags cannot be overwritten"
severity  = "medium"
provider  = "aws"
resources = ["aws_ecr_repository"]
fix       = "unsafe"
message   = "ECR repository lets a push move an existing tag to a different image"
checkov   = ["CKV_AWS_51"]
trivy     = ["AVD-AWS-0031"]
tfsec     = ["aws-ecr-enforce-immutable-repository"]
cis       = []

require {
  path   = "image_tag_mutability"
  expect = "IMMUTABLE"
}
