id        = "aws-api-gateway-xray-tracing"
title     = "API Gateway stages trace requests with X-Ray"
severity  = "low"
provider  = "aws"
resources = ["aws_api_gateway_stage"]
fix       = "safe"
message   = "API Gateway stage does not trace requests with X-Ray"
checkov   = ["CKV_AWS_73"]
trivy     = ["AVD-AWS-0003"]
tfsec     = ["aws-api-gateway-enable-tracing"]
cis       = []

require {
  path   = "xray_tracing_enabled"
  expect = true
}
