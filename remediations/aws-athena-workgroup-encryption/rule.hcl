id        = "aws-athena-workgroup-encryption"
title     = "Athena workgroups encrypt query results"
severity  = "high"
provider  = "aws"
resources = ["aws_athena_workgroup"]
fix       = "safe"
message   = "Athena workgroup does not encrypt query results"
checkov   = ["CKV_AWS_159"]
trivy     = ["AVD-AWS-0006"]
tfsec     = ["aws-athena-enable-at-rest-encryption"]
cis       = []

# Any option passes; the fix uses S3-managed keys.
require {
  path   = "configuration.result_configuration.encryption_configuration.encryption_option"
  reject = [""]
  fix    = "SSE_S3"
}
