id        = "aws-redshift-no-public-access"
title     = "Redshift clusters are not publicly accessible"
severity  = "high"
provider  = "aws"
resources = ["aws_redshift_cluster"]
fix       = "unsafe"
message   = "Redshift cluster can be given a public IP address and reached from the internet"
checkov   = ["CKV_AWS_87"]
trivy     = []
tfsec     = []
cis       = []

# Before AWS provider 5.0 an absent value means true.
require {
  path   = "publicly_accessible"
  expect = false
}
