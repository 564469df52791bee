id        = "aws-neptune-iam-authentication"
title     = "Neptune clusters require IAM authentication"
severity  = "medium"
provider  = "aws"
resources = ["aws_neptune_cluster"]
fix       = "unsafe"
message   = "Neptune cluster does not use IAM database authentication"
checkov   = ["CKV_AWS_359"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "iam_database_authentication_enabled"
  expect = true
}
