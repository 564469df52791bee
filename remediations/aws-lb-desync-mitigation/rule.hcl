id        = "aws-lb-desync-mitigation"
title     = "Load balancers block requests that could desynchronize HTTP parsing"
severity  = "medium"
provider  = "aws"
resources = ["aws_lb", "aws_alb", "aws_elb"]
fix       = "unsafe"
message   = "Load balancer only monitors HTTP desync requests instead of blocking the dangerous ones"
checkov   = ["CKV_AWS_328"]
trivy     = []
tfsec     = []
cis       = []

# Absent means "defensive", the AWS default.
require {
  path    = "desync_mitigation_mode"
  reject  = ["monitor"]
  missing = "pass"
  fix     = "defensive"
}
