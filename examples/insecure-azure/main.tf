terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.100"
    }
  }
}

resource "azurerm_resource_group" "app" {
  name     = "heal-example"
  location = "westeurope"
}

resource "azurerm_storage_account" "app" {
  name                      = "healexampleapp"
  resource_group_name       = azurerm_resource_group.app.name
  location                  = azurerm_resource_group.app.location
  account_tier              = "Standard"
  account_replication_type  = "GRS"
  enable_https_traffic_only = false # legacy client, to be retired
}

resource "azurerm_storage_container" "uploads" {
  name                  = "uploads"
  storage_account_name  = azurerm_storage_account.app.name
  container_access_type = "blob"
}
