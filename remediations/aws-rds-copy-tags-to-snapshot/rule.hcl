id        = "aws-rds-copy-tags-to-snapshot"
title     = "RDS databases copy their tags to snapshots"
severity  = "low"
provider  = "aws"
resources = ["aws_db_instance", "aws_rds_cluster"]
fix       = "safe"
message   = "RDS database does not copy its tags to its snapshots"
checkov   = ["CKV2_AWS_60", "CKV_AWS_313"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "copy_tags_to_snapshot"
  expect = true
}
