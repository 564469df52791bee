id        = "azure-app-service-ftps"
title     = "Web apps do not accept plain FTP deployments"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app"]
fix       = "unsafe"
message   = "Web app accepts deployments over plain FTP, which sends credentials and code unencrypted"
checkov   = ["CKV_AZURE_78"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "site_config.ftps_state"
  accept = ["Disabled", "FtpsOnly"]
}
