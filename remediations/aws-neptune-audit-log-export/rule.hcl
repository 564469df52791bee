id        = "aws-neptune-audit-log-export"
title     = "Neptune clusters export their audit log"
severity  = "medium"
provider  = "aws"
resources = ["aws_neptune_cluster"]
fix       = "safe"
message   = "Neptune cluster does not export its audit log to CloudWatch"
checkov   = ["CKV_AWS_101"]
trivy     = ["AVD-AWS-0075"]
tfsec     = ["aws-neptune-enable-log-export"]
cis       = []

# Neptune can export only `audit` and `slowquery`: every list holding
# `audit` is one of these.
require {
  path   = "enable_cloudwatch_logs_exports"
  accept = [["audit"], ["audit", "slowquery"], ["slowquery", "audit"]]
}
