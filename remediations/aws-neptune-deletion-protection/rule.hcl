id        = "aws-neptune-deletion-protection"
title     = "Neptune clusters have deletion protection"
severity  = "medium"
provider  = "aws"
resources = ["aws_neptune_cluster"]
fix       = "unsafe"
message   = "Neptune cluster can be deleted by a single API call: deletion protection is off"
checkov   = ["CKV2_AWS_58"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "deletion_protection"
  expect = true
}
