id        = "aws-rds-deletion-protection"
title     = "RDS databases have deletion protection"
severity  = "medium"
provider  = "aws"
resources = ["aws_db_instance", "aws_rds_cluster"]
fix       = "unsafe"
message   = "RDS database can be deleted by a single API call: deletion protection is off"
checkov   = ["CKV_AWS_293", "CKV_AWS_139"]
trivy     = ["AVD-AWS-0177"]
tfsec     = ["aws-rds-enable-deletion-protection"]
cis       = []

require {
  path   = "deletion_protection"
  expect = true
}
