id        = "azure-app-service-managed-identity"
title     = "Web apps have a managed identity"
severity  = "low"
provider  = "azure"
resources = ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app"]
fix       = "safe"
message   = "Web app has no managed identity, so it needs stored secrets to reach other Azure services"
checkov   = ["CKV_AZURE_16", "CKV_AZURE_71"]
trivy     = ["AVD-AZU-0002"]
tfsec     = ["azure-appservice-account-identity-registered"]
cis       = []

require {
  path   = "identity.type"
  reject = [""]
  fix    = "SystemAssigned"
}
