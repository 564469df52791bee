id        = "gcp-dns-dnssec"
title     = "Public Cloud DNS zones are signed with DNSSEC"
severity  = "medium"
provider  = "google"
resources = ["google_dns_managed_zone"]
fix       = "safe"
message   = "Public DNS zone is not signed with DNSSEC, so its answers can be forged"
checkov   = ["CKV_GCP_16"]
trivy     = ["AVD-GCP-0013"]
tfsec     = ["google-dns-enable-dnssec"]
cis       = ["CIS GCP 3.3"]

# Private zones cannot be signed.
when {
  path    = "visibility"
  reject  = ["private"]
  missing = "pass"
}

require {
  path   = "dnssec_config.state"
  accept = ["on", "transfer"]
}
