id        = "aws-lb-access-logs"
title     = "Load balancers write access logs"
severity  = "medium"
provider  = "aws"
resources = ["aws_lb", "aws_alb"]
fix       = "display-only"
message   = "Load balancer writes no access logs, so the requests it served cannot be investigated"
checkov   = ["CKV_AWS_91"]
trivy     = []
tfsec     = []
cis       = []

# Gateway load balancers have no access logs.
when {
  path    = "load_balancer_type"
  reject  = ["gateway"]
  missing = "pass"
}

require {
  path = "access_logs.enabled"
  expect = true
}

# The bucket is the user's choice: the fix shows where it goes.
require {
  path   = "access_logs.bucket"
  reject = [""]
  fix    = "TODO: the name of an S3 bucket whose policy lets the load balancer write"
}
