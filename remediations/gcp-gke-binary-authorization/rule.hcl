id        = "gcp-gke-binary-authorization"
title     = "GKE clusters enforce Binary Authorization"
severity  = "medium"
provider  = "google"
resources = ["google_container_cluster"]
fix       = "unsafe"
message   = "GKE cluster runs any container image, without checking it against a Binary Authorization policy"
checkov   = ["CKV_GCP_66"]
trivy     = []
tfsec     = []
cis       = []

# The attribute that switched it on before provider 4.29 still counts.
when {
  path    = "enable_binary_authorization"
  reject  = [true]
  missing = "pass"
}

require {
  path   = "binary_authorization.evaluation_mode"
  expect = "PROJECT_SINGLETON_POLICY_ENFORCE"
}
