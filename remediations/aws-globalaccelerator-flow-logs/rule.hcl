id        = "aws-globalaccelerator-flow-logs"
title     = "Global Accelerators record flow logs"
severity  = "medium"
provider  = "aws"
resources = ["aws_globalaccelerator_accelerator"]
fix       = "display-only"
message   = "Global Accelerator records no flow logs, so the traffic it carried cannot be investigated"
checkov   = ["CKV_AWS_75"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "attributes.flow_logs_enabled"
  expect = true
}

# The bucket is the user's choice: the fix shows where it goes.
require {
  path   = "attributes.flow_logs_s3_bucket"
  reject = [""]
  fix    = "TODO: the name of an S3 bucket that receives the flow logs"
}
