id        = "aws-ec2-block-devices-encrypted"
title     = "EC2 root and EBS block devices are encrypted"
severity  = "high"
provider  = "aws"
resources = ["aws_instance", "aws_launch_configuration"]
fix       = "unsafe"
message   = "EC2 root or EBS block device is not encrypted at rest"
checkov   = ["CKV_AWS_8"]
trivy     = ["AVD-AWS-0131", "AVD-AWS-0008"]
tfsec     = ["aws-ec2-enable-at-rest-encryption", "aws-ec2-enable-launch-config-at-rest-encryption"]
cis       = []

# Without a root_block_device block, the root volume is created unencrypted.
require {
  path   = "root_block_device.encrypted"
  expect = true
}

# An additional device without `encrypted` inherits its snapshot's encryption:
# only an explicit false is a finding.
require {
  path    = "ebs_block_device.encrypted"
  expect  = true
  missing = "pass"
}
