id        = "aws-api-gateway-cache-encrypted"
title     = "API Gateway caches are encrypted"
severity  = "medium"
provider  = "aws"
resources = ["aws_api_gateway_method_settings"]
fix       = "safe"
message   = "API Gateway method caches responses without encrypting the cache"
checkov   = ["CKV_AWS_308"]
trivy     = ["AVD-AWS-0002"]
tfsec     = ["aws-api-gateway-enable-cache-encryption"]
cis       = []

# Only methods that cache have something to encrypt.
when {
  path   = "settings.caching_enabled"
  expect = true
}

require {
  path   = "settings.cache_data_encrypted"
  expect = true
}
