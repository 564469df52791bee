id        = "aws-dax-endpoint-tls"
title     = "DAX clusters accept only TLS connections"
severity  = "high"
provider  = "aws"
resources = ["aws_dax_cluster"]
fix       = "unsafe"
message   = "DAX cluster endpoint accepts unencrypted connections"
checkov   = ["CKV_AWS_239"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "cluster_endpoint_encryption_type"
  expect = "TLS"
}
