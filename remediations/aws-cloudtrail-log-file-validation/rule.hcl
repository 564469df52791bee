id        = "aws-cloudtrail-log-file-validation"
title     = "CloudTrail trails validate their log files"
severity  = "medium"
provider  = "aws"
resources = ["aws_cloudtrail"]
fix       = "safe"
message   = "CloudTrail trail does not write digest files, so tampering with its logs cannot be detected"
checkov   = ["CKV_AWS_36"]
trivy     = ["AVD-AWS-0016"]
tfsec     = ["aws-cloudtrail-enable-log-validation"]
cis       = ["CIS AWS 3.2"]

require {
  path   = "enable_log_file_validation"
  expect = true
}
