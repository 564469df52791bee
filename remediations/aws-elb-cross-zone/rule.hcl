id        = "aws-elb-cross-zone"
title     = "Classic load balancers balance across zones"
severity  = "low"
provider  = "aws"
resources = ["aws_elb"]
fix       = "safe"
message   = "Classic load balancer sends traffic only to instances in its own availability zone"
checkov   = ["CKV_AWS_138"]
trivy     = []
tfsec     = []
cis       = []

# Absent means true, the provider's default.
require {
  path    = "cross_zone_load_balancing"
  expect  = true
  missing = "pass"
}
