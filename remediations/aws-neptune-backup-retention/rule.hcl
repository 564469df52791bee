id        = "aws-neptune-backup-retention"
title     = "Neptune clusters keep a week of backups"
severity  = "medium"
provider  = "aws"
resources = ["aws_neptune_cluster"]
fix       = "safe"
message   = "Neptune cluster keeps backups for less than seven days"
checkov   = ["CKV_AWS_361"]
trivy     = []
tfsec     = []
cis       = []

# Absent means the AWS default of one day.
require {
  path     = "backup_retention_period"
  at_least = 7
  fix      = 7
}
