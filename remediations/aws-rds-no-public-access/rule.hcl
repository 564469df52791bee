id        = "aws-rds-no-public-access"
title     = "RDS instances are not publicly accessible"
severity  = "critical"
provider  = "aws"
resources = ["aws_db_instance", "aws_rds_cluster_instance"]
fix       = "unsafe"
message   = "RDS instance has a public IP address and can be reached from the internet"
checkov   = ["CKV_AWS_17"]
trivy     = ["AVD-AWS-0082"]
tfsec     = ["aws-rds-no-public-db-access"]
cis       = []

# Absent means false: only an explicit `true` is a finding.
require {
  path    = "publicly_accessible"
  reject  = [true]
  missing = "pass"
  fix     = false
}
