id        = "aws-rds-auto-minor-version-upgrade"
title     = "RDS instances receive minor engine upgrades automatically"
severity  = "low"
provider  = "aws"
resources = ["aws_db_instance", "aws_rds_cluster_instance"]
fix       = "unsafe"
message   = "RDS instance does not receive minor engine upgrades, including security patches, automatically"
checkov   = ["CKV_AWS_226"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "auto_minor_version_upgrade"
  expect = true
}
