id        = "aws-rds-multi-az"
title     = "RDS instances run in several Availability Zones"
severity  = "low"
provider  = "aws"
resources = ["aws_db_instance"]
fix       = "unsafe"
message   = "RDS instance runs in a single Availability Zone, with no standby to fail over to"
checkov   = ["CKV_AWS_157"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "multi_az"
  expect = true
}
