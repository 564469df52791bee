id        = "aws-elasticache-encryption-in-transit"
title     = "ElastiCache replication groups encrypt connections"
severity  = "high"
provider  = "aws"
resources = ["aws_elasticache_replication_group"]
fix       = "unsafe"
message   = "ElastiCache replication group accepts unencrypted connections"
checkov   = ["CKV_AWS_30"]
trivy     = ["AVD-AWS-0051"]
tfsec     = ["aws-elasticache-enable-in-transit-encryption"]
cis       = []

require {
  path   = "transit_encryption_enabled"
  expect = true
}
