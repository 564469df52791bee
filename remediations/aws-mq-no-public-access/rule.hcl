id        = "aws-mq-no-public-access"
title     = "Amazon MQ brokers are not publicly accessible"
severity  = "high"
provider  = "aws"
resources = ["aws_mq_broker"]
fix       = "unsafe"
message   = "Amazon MQ broker is reachable from the internet"
checkov   = ["CKV_AWS_69"]
trivy     = ["AVD-AWS-0072"]
tfsec     = ["aws-mq-no-public-access"]
cis       = []

# Absent means false.
require {
  path    = "publicly_accessible"
  reject  = [true]
  missing = "pass"
  fix     = false
}
