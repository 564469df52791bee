id        = "aws-vpc-endpoint-service-acceptance"
title     = "VPC endpoint services accept connections by hand"
severity  = "medium"
provider  = "aws"
resources = ["aws_vpc_endpoint_service"]
fix       = "unsafe"
message   = "VPC endpoint service accepts every endpoint connection request without review"
checkov   = ["CKV_AWS_123"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "acceptance_required"
  expect = true
}
