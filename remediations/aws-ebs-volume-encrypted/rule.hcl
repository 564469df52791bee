id        = "aws-ebs-volume-encrypted"
title     = "EBS volumes are encrypted"
severity  = "high"
provider  = "aws"
resources = ["aws_ebs_volume"]
fix       = "unsafe"
message   = "EBS volume is not encrypted at rest"
checkov   = ["CKV_AWS_3"]
trivy     = ["AVD-AWS-0026"]
tfsec     = ["aws-ebs-enable-volume-encryption"]
cis       = ["CIS AWS 2.2.1"]

require {
  path   = "encrypted"
  expect = true
}
