id        = "aws-lb-deletion-protection"
title     = "Load balancers are protected from deletion"
severity  = "low"
provider  = "aws"
resources = ["aws_lb", "aws_alb"]
fix       = "unsafe"
message   = "Load balancer can be deleted by a single API call or Terraform change"
checkov   = ["CKV_AWS_150"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "enable_deletion_protection"
  expect = true
}
