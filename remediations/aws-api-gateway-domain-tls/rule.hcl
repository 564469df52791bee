id        = "aws-api-gateway-domain-tls"
title     = "API Gateway custom domains require TLS 1.2"
severity  = "high"
provider  = "aws"
resources = ["aws_api_gateway_domain_name"]
fix       = "unsafe"
message   = "API Gateway custom domain accepts TLS 1.0 connections"
checkov   = ["CKV_AWS_206"]
trivy     = ["AVD-AWS-0005"]
tfsec     = ["aws-api-gateway-use-secure-tls-policy"]
cis       = []

require {
  path = "security_policy"
  accept = [
    "TLS_1_2",
    "SecurityPolicy_TLS12_2018_EDGE",
    "SecurityPolicy_TLS12_PFS_2025_EDGE",
    "SecurityPolicy_TLS13_1_2_2021_06",
    "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_PQ_2025_09",
    "SecurityPolicy_TLS13_1_3_2025_09",
    "SecurityPolicy_TLS13_1_3_FIPS_2025_09",
    "SecurityPolicy_TLS13_2025_EDGE",
  ]
}
