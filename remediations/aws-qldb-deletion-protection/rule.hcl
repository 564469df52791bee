id        = "aws-qldb-deletion-protection"
title     = "QLDB ledgers keep deletion protection"
severity  = "medium"
provider  = "aws"
resources = ["aws_qldb_ledger"]
fix       = "unsafe"
message   = "QLDB ledger can be deleted: deletion protection is off"
checkov   = ["CKV_AWS_172"]
trivy     = []
tfsec     = []
cis       = []

# Absent means true.
require {
  path    = "deletion_protection"
  reject  = [false]
  missing = "pass"
  fix     = true
}
