id        = "azure-app-service-http2"
title     = "Web apps serve HTTP/2"
severity  = "low"
provider  = "azure"
resources = ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app"]
fix       = "safe"
message   = "Web app serves only HTTP/1.1"
checkov   = ["CKV_AZURE_18"]
trivy     = ["AVD-AZU-0005"]
tfsec     = ["azure-appservice-enable-http2"]
cis       = []

require {
  path   = "site_config.http2_enabled"
  expect = true
}
