id        = "aws-api-gateway-create-before-destroy"
title     = "API Gateway REST APIs are replaced without downtime"
severity  = "low"
provider  = "aws"
resources = ["aws_api_gateway_rest_api"]
fix       = "safe"
message   = "API Gateway REST API is destroyed before its replacement exists, leaving clients without an API"
checkov   = ["CKV_AWS_237"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "lifecycle.create_before_destroy"
  expect = true
}
