id        = "aws-mq-general-logging"
title     = "Amazon MQ brokers send general logs to CloudWatch"
severity  = "low"
provider  = "aws"
resources = ["aws_mq_broker"]
fix       = "safe"
message   = "Amazon MQ broker does not publish its general log"
checkov   = ["CKV_AWS_48"]
trivy     = ["AVD-AWS-0071"]
tfsec     = ["aws-mq-enable-general-logging"]
cis       = []

require {
  path   = "logs.general"
  expect = true
}
