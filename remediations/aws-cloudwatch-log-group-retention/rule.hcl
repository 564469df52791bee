id        = "aws-cloudwatch-log-group-retention"
title     = "CloudWatch log groups keep logs for at least a year"
severity  = "low"
provider  = "aws"
resources = ["aws_cloudwatch_log_group"]
fix       = "unsafe"
message   = "CloudWatch log group keeps its logs for less than a year, or sets no retention"
checkov   = ["CKV_AWS_338"]
trivy     = []
tfsec     = []
cis       = []

# CloudWatch Logs accepts only these retention periods; 0 means never expire.
# Checkov does not assume the default when the attribute is absent.
require {
  path   = "retention_in_days"
  accept = [365, 0, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]
}
