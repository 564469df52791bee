id        = "aws-docdb-backup-retention"
title     = "DocumentDB clusters keep a week of backups"
severity  = "medium"
provider  = "aws"
resources = ["aws_docdb_cluster"]
fix       = "safe"
message   = "DocumentDB cluster keeps backups for less than seven days"
checkov   = ["CKV_AWS_360"]
trivy     = []
tfsec     = []
cis       = []

# Absent means the AWS default of one day.
require {
  path     = "backup_retention_period"
  at_least = 7
  fix      = 7
}
