id        = "aws-ecr-scan-on-push"
title     = "ECR repositories scan images on push"
severity  = "medium"
provider  = "aws"
resources = ["aws_ecr_repository"]
fix       = "safe"
message   = "ECR repository does not scan images for known vulnerabilities when they are pushed"
checkov   = ["CKV_AWS_163"]
trivy     = ["AVD-AWS-0030"]
tfsec     = ["aws-ecr-enable-image-scans"]
cis       = []

require {
  path   = "image_scanning_configuration.scan_on_push"
  expect = true
}
