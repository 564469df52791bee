id        = "aws-redshift-automated-snapshots"
title     = "Redshift clusters take automated snapshots"
severity  = "medium"
provider  = "aws"
resources = ["aws_redshift_cluster"]
fix       = "safe"
message   = "Redshift cluster has automated snapshots turned off"
checkov   = ["CKV_AWS_343"]
trivy     = []
tfsec     = []
cis       = []

# Absent means the AWS default of one day.
require {
  path     = "automated_snapshot_retention_period"
  at_least = 1
  missing  = "pass"
  fix      = 7
}
