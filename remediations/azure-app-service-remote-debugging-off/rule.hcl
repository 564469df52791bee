id       = "azure-app-service-remote-debugging-off"
title    = "Web and function apps do not allow remote debugging"
severity = "medium"
provider = "azure"
resources = [
  "azurerm_app_service",
  "azurerm_linux_web_app",
  "azurerm_windows_web_app",
  "azurerm_linux_function_app",
  "azurerm_windows_function_app",
  "azurerm_linux_web_app_slot",
  "azurerm_windows_web_app_slot",
  "azurerm_linux_function_app_slot",
  "azurerm_windows_function_app_slot",
]
fix     = "safe"
message = "App has remote debugging turned on, which opens debugger ports to the internet"
checkov = ["CKV_AZURE_72"]
trivy   = []
tfsec   = []
cis     = []

# Absent means off, the provider's default.
require {
  path    = "site_config.remote_debugging_enabled"
  expect  = false
  missing = "pass"
}
