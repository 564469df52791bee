id        = "aws-mq-audit-logging"
title     = "ActiveMQ brokers send audit logs to CloudWatch"
severity  = "medium"
provider  = "aws"
resources = ["aws_mq_broker"]
fix       = "safe"
message   = "ActiveMQ broker does not publish its audit log"
checkov   = ["CKV_AWS_197"]
trivy     = ["AVD-AWS-0070"]
tfsec     = ["aws-mq-enable-audit-logging"]
cis       = []

# RabbitMQ brokers have no audit log.
when {
  path    = "engine_type"
  reject  = ["RabbitMQ"]
  missing = "pass"
}

require {
  path   = "logs.audit"
  expect = true
}
