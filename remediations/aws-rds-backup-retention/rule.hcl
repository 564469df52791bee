id        = "aws-rds-backup-retention"
title     = "RDS databases keep automated backups"
severity  = "medium"
provider  = "aws"
resources = ["aws_db_instance", "aws_rds_cluster"]
fix       = "safe"
message   = "RDS database has automated backups turned off"
checkov   = ["CKV_AWS_133"]
trivy     = []
tfsec     = []
cis       = []

# Absent means the AWS default of one day, which Checkov accepts; zero turns
# automated backups off. Trivy's AVD-AWS-0077 also wants more than the one-day
# default, so it is not claimed.
require {
  path     = "backup_retention_period"
  at_least = 1
  missing  = "pass"
  fix      = 7
}
