id        = "azure-acr-admin-disabled"
title     = "Container registries have no admin user"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_container_registry"]
fix       = "unsafe"
message   = "Container registry has its admin user enabled, a shared username and password with push and pull rights"
checkov   = ["CKV_AZURE_137"]
trivy     = []
tfsec     = []
cis       = []

# Absent means disabled, the provider's default.
require {
  path    = "admin_enabled"
  expect  = false
  missing = "pass"
}
