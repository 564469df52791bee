id        = "aws-ec2-imdsv2-required"
title     = "EC2 instances require IMDSv2 session tokens"
severity  = "high"
provider  = "aws"
resources = ["aws_instance", "aws_launch_template", "aws_launch_configuration"]
fix       = "unsafe"
message   = "EC2 instance metadata service answers IMDSv1 requests, which carry no session token"
checkov   = ["CKV_AWS_79"]
trivy     = ["AVD-AWS-0028", "AVD-AWS-0130"]
tfsec     = ["aws-ec2-enforce-http-token-imds", "aws-ec2-enforce-launch-config-http-token-imds", "aws-autoscaling-enforce-http-token-imds"]
cis       = []

# A metadata service that is switched off cannot be abused.
when {
  path    = "metadata_options.http_endpoint"
  reject  = ["disabled"]
  missing = "pass"
}

require {
  path   = "metadata_options.http_tokens"
  expect = "required"
}
