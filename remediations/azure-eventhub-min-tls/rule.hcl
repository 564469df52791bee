id        = "azure-eventhub-min-tls"
title     = "Event Hubs namespaces refuse TLS versions older than 1.2"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_eventhub_namespace"]
fix       = "safe"
message   = "Event Hubs namespace accepts connections over TLS versions older than 1.2"
checkov   = ["CKV_AZURE_223"]
trivy     = []
tfsec     = []
cis       = []

# Absent means 1.2, the default of current azurerm releases.
require {
  path    = "minimum_tls_version"
  expect  = "1.2"
  missing = "pass"
}
