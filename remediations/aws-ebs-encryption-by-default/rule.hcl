id        = "aws-ebs-encryption-by-default"
title     = "EBS encryption by default stays on"
severity  = "medium"
provider  = "aws"
resources = ["aws_ebs_encryption_by_default"]
fix       = "unsafe"
message   = "EBS encryption by default is switched off, so new volumes in the region may be unencrypted"
checkov   = ["CKV_AWS_106"]
trivy     = []
tfsec     = []
cis       = ["CIS AWS 2.2.1"]

# Absent means enabled: the resource exists to switch the setting on.
require {
  path    = "enabled"
  expect  = true
  missing = "pass"
}
