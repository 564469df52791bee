id       = "azure-app-service-https-only"
title    = "Web and function apps redirect HTTP to HTTPS"
severity = "medium"
provider = "azure"
resources = [
  "azurerm_app_service",
  "azurerm_linux_web_app",
  "azurerm_windows_web_app",
  "azurerm_function_app",
  "azurerm_linux_function_app",
  "azurerm_windows_function_app",
]
fix     = "safe"
message = "App answers plain HTTP requests instead of redirecting them to HTTPS"
checkov = ["CKV_AZURE_14", "CKV_AZURE_70"]
trivy   = ["AVD-AZU-0004"]
tfsec   = ["azure-appservice-enforce-https"]
cis     = []

require {
  path   = "https_only"
  expect = true
}
