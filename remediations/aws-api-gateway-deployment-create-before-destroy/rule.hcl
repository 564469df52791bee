id        = "aws-api-gateway-deployment-create-before-destroy"
title     = "API Gateway deployments are replaced without downtime"
severity  = "low"
provider  = "aws"
resources = ["aws_api_gateway_deployment"]
fix       = "safe"
message   = "API Gateway deployment is destroyed before its replacement exists, which fails or interrupts the API"
checkov   = ["CKV_AWS_217"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "lifecycle.create_before_destroy"
  expect = true
}
