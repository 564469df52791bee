id        = "aws-api-gateway-access-logs"
title     = "API Gateway stages write access logs"
severity  = "medium"
provider  = "aws"
resources = ["aws_api_gateway_stage", "aws_apigatewayv2_stage"]
fix       = "display-only"
message   = "API Gateway stage writes no access logs, so the calls it served cannot be investigated"
checkov   = ["CKV_AWS_76"]
trivy     = ["AVD-AWS-0001"]
tfsec     = ["aws-api-gateway-enable-access-logging"]
cis       = []

# The log group is the user's choice: the fix shows where it goes.
require {
  path   = "access_log_settings.destination_arn"
  reject = [""]
  fix    = "TODO: the ARN of a CloudWatch Logs group or Firehose stream"
}

# Written with the block; any format already there is kept.
require {
  path          = "access_log_settings.format"
  missing       = "pass"
  missing_block = "fail"
  fix           = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\",\"path\":\"$context.path\",\"status\":\"$context.status\",\"responseLength\":\"$context.responseLength\"}"
}
