id        = "aws-alb-drop-invalid-headers"
title     = "Application load balancers drop invalid HTTP headers"
severity  = "medium"
provider  = "aws"
resources = ["aws_lb", "aws_alb"]
fix       = "safe"
message   = "Application load balancer forwards HTTP headers with invalid names to its targets"
checkov   = ["CKV_AWS_131"]
trivy     = ["AVD-AWS-0052"]
tfsec     = ["aws-elb-drop-invalid-headers"]
cis       = []

# Network and gateway load balancers do not parse HTTP.
when {
  path    = "load_balancer_type"
  accept  = ["application"]
  missing = "pass"
}

require {
  path   = "drop_invalid_header_fields"
  expect = true
}
