id        = "aws-api-gateway-cache-enabled"
title     = "API Gateway stages have a cache cluster"
severity  = "low"
provider  = "aws"
resources = ["aws_api_gateway_stage"]
fix       = "unsafe"
message   = "API Gateway stage has no cache cluster, so every request reaches the backend"
checkov   = ["CKV_AWS_120"]
trivy     = ["AVD-AWS-0190"]
tfsec     = ["aws-api-gateway-enable-cache"]
cis       = []

require {
  path   = "cache_cluster_enabled"
  expect = true
}
