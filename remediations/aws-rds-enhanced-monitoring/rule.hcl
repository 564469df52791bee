id        = "aws-rds-enhanced-monitoring"
title     = "RDS instances send Enhanced Monitoring metrics"
severity  = "low"
provider  = "aws"
resources = ["aws_db_instance", "aws_rds_cluster_instance"]
fix       = "display-only"
message   = "RDS instance has Enhanced Monitoring turned off"
checkov   = ["CKV_AWS_118"]
trivy     = []
tfsec     = []
cis       = []

# Enhanced Monitoring also needs `monitoring_role_arn`, an IAM role that only
# the author can name: the fix is a suggestion.
require {
  path   = "monitoring_interval"
  accept = [60, 1, 5, 10, 15, 30]
}
