id        = "aws-elasticache-automatic-backups"
title     = "ElastiCache Redis clusters keep automatic backups"
severity  = "medium"
provider  = "aws"
resources = ["aws_elasticache_cluster"]
fix       = "safe"
message   = "ElastiCache Redis cluster takes no automatic backups"
checkov   = ["CKV_AWS_134"]
trivy     = ["AVD-AWS-0050"]
tfsec     = ["aws-elasticache-enable-backup-retention"]
cis       = []

# Memcached has no backups.
when {
  path    = "engine"
  reject  = ["memcached"]
  missing = "pass"
}

require {
  path     = "snapshot_retention_limit"
  at_least = 1
  fix      = 7
}
