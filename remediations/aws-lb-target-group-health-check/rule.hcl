id        = "aws-lb-target-group-health-check"
title     = "HTTP target groups name their health check path"
severity  = "low"
provider  = "aws"
resources = ["aws_lb_target_group", "aws_alb_target_group"]
fix       = "safe"
message   = "HTTP(S) target group does not say which path its health check requests"
checkov   = ["CKV_AWS_261"]
trivy     = []
tfsec     = []
cis       = []

when {
  path   = "protocol"
  accept = ["HTTP", "HTTPS"]
}

# "/" is what AWS checks when no path is given: writing it changes nothing
# but makes the check explicit.
require {
  path   = "health_check.path"
  reject = [""]
  fix    = "/"
}
