id        = "aws-wafv2-logging"
title     = "WAFv2 web ACLs log the requests they inspect"
severity  = "medium"
provider  = "aws"
resources = ["aws_wafv2_web_acl"]
fix       = "display-only"
message   = "WAFv2 web ACL has no logging configuration, so blocked and allowed requests leave no record"
checkov   = ["CKV2_AWS_31"]
trivy     = []
tfsec     = []
cis       = []

# Where the logs go is the user's choice: the companion shows the shape.
companion {
  type      = "aws_wafv2_web_acl_logging_configuration"
  reference = "resource_arn"
  target    = "arn"
  body      = <<-EOT
    log_destination_configs = ["TODO: the ARN of a log group, S3 bucket or Firehose stream whose name starts with aws-waf-logs-"]
  EOT
}
