id        = "aws-lb-cross-zone"
title     = "Network and gateway load balancers balance across zones"
severity  = "low"
provider  = "aws"
resources = ["aws_lb", "aws_alb"]
fix       = "unsafe"
message   = "Network or gateway load balancer sends traffic only to targets in its own availability zone"
checkov   = ["CKV_AWS_152"]
trivy     = []
tfsec     = []
cis       = []

# Application load balancers always balance across zones.
when {
  path   = "load_balancer_type"
  accept = ["network", "gateway"]
}

require {
  path   = "enable_cross_zone_load_balancing"
  expect = true
}
