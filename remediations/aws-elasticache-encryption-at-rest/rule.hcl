id        = "aws-elasticache-encryption-at-rest"
title     = "ElastiCache replication groups encrypt data at rest"
severity  = "high"
provider  = "aws"
resources = ["aws_elasticache_replication_group"]
fix       = "unsafe"
message   = "ElastiCache replication group does not encrypt its data at rest"
checkov   = ["CKV_AWS_29"]
trivy     = ["AVD-AWS-0045"]
tfsec     = ["aws-elasticache-enable-at-rest-encryption"]
cis       = []

require {
  path   = "at_rest_encryption_enabled"
  expect = true
}
