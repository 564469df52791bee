id        = "aws-docdb-log-exports"
title     = "DocumentDB clusters export their logs to CloudWatch"
severity  = "medium"
provider  = "aws"
resources = ["aws_docdb_cluster"]
fix       = "safe"
message   = "DocumentDB cluster exports neither audit nor profiler logs"
checkov   = ["CKV_AWS_85"]
trivy     = ["AVD-AWS-0020"]
tfsec     = ["aws-documentdb-enable-log-export"]
cis       = []

# The cluster can export only these two log types: every non-empty list of
# them passes.
require {
  path   = "enabled_cloudwatch_logs_exports"
  accept = [["audit", "profiler"], ["audit"], ["profiler"], ["profiler", "audit"]]
}
