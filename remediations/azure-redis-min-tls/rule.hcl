id        = "azure-redis-min-tls"
title     = "Redis caches refuse TLS versions older than 1.2"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_redis_cache"]
fix       = "safe"
message   = "Redis cache accepts connections over TLS versions older than 1.2"
checkov   = ["CKV_AZURE_148"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "minimum_tls_version"
  expect = "1.2"
}
