id        = "aws-ec2-ebs-optimized"
title     = "EC2 instances are EBS-optimized"
severity  = "low"
provider  = "aws"
resources = ["aws_instance"]
fix       = "unsafe"
message   = "EC2 instance is not EBS-optimized, so disk and network traffic share one link"
checkov   = ["CKV_AWS_135"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "ebs_optimized"
  expect = true
}
