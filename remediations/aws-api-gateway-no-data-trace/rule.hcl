id        = "aws-api-gateway-no-data-trace"
title     = "API Gateway does not log full requests and responses"
severity  = "medium"
provider  = "aws"
resources = ["aws_api_gateway_method_settings"]
fix       = "safe"
message   = "API Gateway logs full request and response bodies to CloudWatch, secrets included"
checkov   = ["CKV_AWS_276"]
trivy     = []
tfsec     = []
cis       = []

# Absent means false, the AWS default.
require {
  path    = "settings.data_trace_enabled"
  reject  = [true]
  missing = "pass"
  fix     = false
}
