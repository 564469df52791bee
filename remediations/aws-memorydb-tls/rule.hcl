id        = "aws-memorydb-tls"
title     = "MemoryDB clusters encrypt connections"
severity  = "high"
provider  = "aws"
resources = ["aws_memorydb_cluster"]
fix       = "unsafe"
message   = "MemoryDB cluster accepts unencrypted connections"
checkov   = ["CKV_AWS_202"]
trivy     = []
tfsec     = []
cis       = []

# Absent means true.
require {
  path    = "tls_enabled"
  reject  = [false]
  missing = "pass"
  fix     = true
}
