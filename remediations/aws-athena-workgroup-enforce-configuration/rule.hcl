id        = "aws-athena-workgroup-enforce-configuration"
title     = "Athena workgroups enforce their configuration"
severity  = "medium"
provider  = "aws"
resources = ["aws_athena_workgroup"]
fix       = "unsafe"
message   = "Athena workgroup lets clients override its settings, including result encryption"
checkov   = ["CKV_AWS_82"]
trivy     = ["AVD-AWS-0007"]
tfsec     = ["aws-athena-no-encryption-override"]
cis       = []

# Absent means true.
require {
  path    = "configuration.enforce_workgroup_configuration"
  reject  = [false]
  missing = "pass"
  fix     = true
}
