id        = "aws-elb-access-logs"
title     = "Classic load balancers write access logs"
severity  = "medium"
provider  = "aws"
resources = ["aws_elb"]
fix       = "display-only"
message   = "Classic load balancer writes no access logs, so the requests it served cannot be investigated"
checkov   = ["CKV_AWS_92"]
trivy     = []
tfsec     = []
cis       = []

# The bucket is the user's choice: the fix shows where it goes.
require {
  path   = "access_logs.bucket"
  reject = [""]
  fix    = "TODO: the name of an S3 bucket whose policy lets the load balancer write"
}

# Absent means true once the block exists.
require {
  path    = "access_logs.enabled"
  expect  = true
  missing = "pass"
}
