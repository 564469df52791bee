id        = "aws-ec2-detailed-monitoring"
title     = "EC2 instances send one-minute CloudWatch metrics"
severity  = "low"
provider  = "aws"
resources = ["aws_instance"]
fix       = "safe"
message   = "EC2 instance has detailed monitoring turned off, so its metrics come only every five minutes"
checkov   = ["CKV_AWS_126"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "monitoring"
  expect = true
}
