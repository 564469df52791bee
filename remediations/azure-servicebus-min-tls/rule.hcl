id        = "azure-servicebus-min-tls"
title     = "Service Bus namespaces refuse TLS versions older than 1.2"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_servicebus_namespace"]
fix       = "safe"
message   = "Service Bus namespace accepts connections over TLS versions older than 1.2"
checkov   = ["CKV_AZURE_205"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "minimum_tls_version"
  expect = "1.2"
}
