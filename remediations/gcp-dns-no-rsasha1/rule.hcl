id        = "gcp-dns-no-rsasha1"
title     = "Cloud DNS zones do not sign with RSASHA1"
severity  = "medium"
provider  = "google"
resources = ["google_dns_managed_zone"]
fix       = "unsafe"
message   = "DNS zone signs with RSASHA1, an algorithm resolvers are dropping support for"
checkov   = ["CKV_GCP_17"]
trivy     = ["AVD-GCP-0012"]
tfsec     = ["google-dns-no-rsa-sha1"]
cis       = ["CIS GCP 3.4", "CIS GCP 3.5"]

# Absent means Cloud DNS's default, RSASHA256.
require {
  path    = "dnssec_config.default_key_specs.algorithm"
  reject  = ["rsasha1"]
  missing = "pass"
  fix     = "rsasha256"
}
