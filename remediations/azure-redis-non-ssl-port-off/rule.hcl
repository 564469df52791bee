id        = "azure-redis-non-ssl-port-off"
title     = "Redis caches accept TLS connections only"
severity  = "high"
provider  = "azure"
resources = ["azurerm_redis_cache"]
fix       = "unsafe"
message   = "Redis cache listens on its unencrypted port 6379, where the access key and data travel in clear text"
checkov   = ["CKV_AZURE_91"]
trivy     = []
tfsec     = []
cis       = []

# azurerm before 4.0. Absent means the port is closed, the provider's default.
require {
  path    = "enable_non_ssl_port"
  expect  = false
  missing = "pass"
}

# The same setting under its azurerm 4.0 name.
require {
  path    = "non_ssl_port_enabled"
  expect  = false
  missing = "pass"
}
