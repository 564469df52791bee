id        = "aws-neptune-copy-tags-to-snapshot"
title     = "Neptune clusters copy their tags to snapshots"
severity  = "low"
provider  = "aws"
resources = ["aws_neptune_cluster"]
fix       = "safe"
message   = "Neptune cluster does not copy its tags to its snapshots"
checkov   = ["CKV_AWS_362"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "copy_tags_to_snapshot"
  expect = true
}
