id        = "aws-lambda-xray-tracing"
title     = "Lambda functions send traces to X-Ray"
severity  = "low"
provider  = "aws"
resources = ["aws_lambda_function"]
fix       = "unsafe"
message   = "Lambda function does not trace its invocations with X-Ray"
checkov   = ["CKV_AWS_50"]
trivy     = ["AVD-AWS-0066"]
tfsec     = ["aws-lambda-enable-tracing"]
cis       = []

# Checkov also accepts "PassThrough", the default, which only follows callers
# that already trace; Trivy asks for "Active", so heal does too.
require {
  path   = "tracing_config.mode"
  expect = "Active"
}
