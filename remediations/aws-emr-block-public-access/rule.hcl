id        = "aws-emr-block-public-access"
title     = "EMR block public access is on"
severity  = "high"
provider  = "aws"
resources = ["aws_emr_block_public_access_configuration"]
fix       = "unsafe"
message   = "EMR block public access is off, so clusters may launch with security groups open to the internet"
checkov   = ["CKV_AWS_390"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "block_public_security_group_rules"
  expect = true
}
