id        = "gcp-ssl-policy-min-tls"
title     = "Load balancer SSL policies require TLS 1.2 and strong ciphers"
severity  = "high"
provider  = "google"
resources = ["google_compute_ssl_policy"]
fix       = "unsafe"
message   = "SSL policy lets clients negotiate TLS 1.0 or 1.1, or weak cipher suites"
checkov   = ["CKV_GCP_4"]
trivy     = ["AVD-GCP-0039"]
tfsec     = ["google-compute-use-secure-tls-policy"]
cis       = ["CIS GCP 3.9"]

# RESTRICTED is stricter still; CUSTOM policies list their own features.
when {
  path    = "profile"
  reject  = ["RESTRICTED", "CUSTOM"]
  missing = "pass"
}

require {
  path   = "profile"
  expect = "MODERN"
}

require {
  path   = "min_tls_version"
  expect = "TLS_1_2"
}
