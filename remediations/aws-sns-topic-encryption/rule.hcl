id        = "aws-sns-topic-encryption"
title     = "SNS topics encrypt their messages at rest"
severity  = "high"
provider  = "aws"
resources = ["aws_sns_topic"]
fix       = "unsafe"
message   = "SNS topic does not encrypt messages at rest"
checkov   = ["CKV_AWS_26"]
trivy     = ["AVD-AWS-0095"]
tfsec     = ["aws-sns-enable-topic-encryption"]
cis       = []

# Any key passes; the fix uses the AWS managed key.
require {
  path   = "kms_master_key_id"
  reject = [""]
  fix    = "alias/aws/sns"
}
