id        = "azure-storage-queue-logging"
title     = "Storage accounts log queue reads, writes and deletes"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_storage_account"]
fix       = "safe"
message   = "Storage account does not log read, write and delete requests to its queue service"
checkov   = ["CKV_AZURE_33"]
trivy     = ["AVD-AZU-0009"]
tfsec     = ["azure-storage-queue-services-logging-enabled"]
cis       = ["CIS Azure 3.3"]

# Only general-purpose accounts have a queue service.
when {
  path    = "account_kind"
  accept  = ["Storage", "StorageV2"]
  missing = "pass"
}

# Premium general-purpose accounts have no queue service either.
when {
  path    = "account_tier"
  reject  = ["Premium"]
  missing = "pass"
}

require {
  path   = "queue_properties.logging.delete"
  expect = true
}

require {
  path   = "queue_properties.logging.read"
  expect = true
}

require {
  path   = "queue_properties.logging.write"
  expect = true
}

# Required in a logging block: written only when the block is created.
require {
  path   = "queue_properties.logging.version"
  reject = [""]
  fix    = "1.0"
}

# A new logging block also gets a retention, so that logs do not pile up.
require {
  path          = "queue_properties.logging.retention_policy_days"
  at_least      = 1
  missing       = "pass"
  missing_block = "fail"
  fix           = 90
}
