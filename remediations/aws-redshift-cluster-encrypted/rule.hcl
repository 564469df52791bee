id        = "aws-redshift-cluster-encrypted"
title     = "Redshift clusters encrypt their data at rest"
severity  = "high"
provider  = "aws"
resources = ["aws_redshift_cluster"]
fix       = "unsafe"
message   = "Redshift cluster does not encrypt its data at rest"
checkov   = ["CKV_AWS_64"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "encrypted"
  expect = true
}
