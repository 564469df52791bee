id        = "azure-storage-blob-soft-delete"
title     = "Storage accounts keep deleted blobs for a while"
severity  = "medium"
provider  = "azure"
resources = ["azurerm_storage_account"]
fix       = "safe"
message   = "Storage account deletes blobs for good at once, with no soft-delete period to recover them"
checkov   = ["CKV2_AZURE_38"]
trivy     = []
tfsec     = []
cis       = []

# FileStorage accounts hold no blobs.
when {
  path    = "account_kind"
  reject  = ["FileStorage"]
  missing = "pass"
}

# A retention block without days keeps deleted blobs 7 days, the default.
require {
  path          = "blob_properties.delete_retention_policy.days"
  at_least      = 1
  missing       = "pass"
  missing_block = "fail"
  fix           = 7
}
