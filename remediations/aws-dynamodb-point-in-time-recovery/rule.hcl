id        = "aws-dynamodb-point-in-time-recovery"
title     = "DynamoDB tables keep point-in-time recovery"
severity  = "medium"
provider  = "aws"
resources = ["aws_dynamodb_table"]
fix       = "safe"
message   = "DynamoDB table cannot be restored to an earlier point in time"
checkov   = ["CKV_AWS_28"]
trivy     = ["AVD-AWS-0024"]
tfsec     = ["aws-dynamodb-enable-recovery"]
cis       = []

require {
  path   = "point_in_time_recovery.enabled"
  expect = true
}
