id        = "aws-rds-performance-insights"
title     = "RDS instances record Performance Insights"
severity  = "low"
provider  = "aws"
resources = ["aws_db_instance", "aws_rds_cluster_instance"]
fix       = "safe"
message   = "RDS instance has Performance Insights turned off"
checkov   = ["CKV_AWS_353"]
trivy     = ["AVD-AWS-0133"]
tfsec     = ["aws-rds-enable-performance-insights"]
cis       = []

# The smallest burstable classes cannot run Performance Insights for MySQL and
# MariaDB, nor can Db2; these are skipped for every engine, so the fix never
# asks for something AWS rejects.
when {
  path    = "instance_class"
  reject  = ["db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"]
  missing = "pass"
}

when {
  path    = "engine"
  reject  = ["db2-se", "db2-ae"]
  missing = "pass"
}

require {
  path   = "performance_insights_enabled"
  expect = true
}
